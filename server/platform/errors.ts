/**
 * Domain errors carry the HTTP status they map to, so the HTTP layer translates them in one place
 * (an error middleware) instead of in every handler.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, 400, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, 404, field);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>, field?: string) {
    super(message, 409, field, details);
  }
}
