/**
 * Every failure of an HTTP request ends here and leaves as JSON `{ error, field?, ...details }`
 * with a 4xx status that says what the client can do about it. A 500 only ever means a bug.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from './errors.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function bodyParserAnswer(error: BodyParserError): { status: number; message: string } | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, message: 'the request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, message: `the request body is too large (at most ${error.limit ?? '?'} bytes)` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: 'send the body as UTF-8 JSON' };
    case 'request.aborted':
      return { status: 400, message: 'the request was aborted' };
    default:
      return undefined;
  }
}

export function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return;
    if (error instanceof AppError) {
      const body: Record<string, unknown> = { ...error.details, error: error.message };
      if (error.field !== undefined) body.field = error.field;
      res.status(error.status).json(body);
      return;
    }
    const parserAnswer = bodyParserAnswer(error as BodyParserError);
    if (parserAnswer) {
      res.status(parserAnswer.status).json({ error: parserAnswer.message });
      return;
    }
    logger.error('unexpected error while answering a request', error);
    res.status(500).json({ error: 'internal error' });
  };
}

/** Requests with a body must send JSON: forms and text bodies are refused before any handler. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !req.is('application/json')) {
    res.status(415).json({ error: 'send the body as application/json' });
    return;
  }
  next();
}

export function apiNotFound(req: Request, res: Response): void {
  res.status(404).json({ error: `no such API route: ${req.method} ${req.originalUrl.split('?')[0]}` });
}
