/**
 * What a refused write means for the person who made it: someone else changed the session first
 * (stale version), the room is taken (clash), or a plain error to show as is.
 */
import type { Session } from '../../shared/model.ts';
import { ApiError, type ApiErrorBody } from './api.ts';

export type WriteProblem =
  | { kind: 'stale'; message: string; currentVersion: number | undefined; changedBy?: string; current?: Session }
  | { kind: 'clash'; message: string; clash: NonNullable<ApiErrorBody['clash']> }
  | { kind: 'error'; message: string; field?: string };

export function classifyError(error: unknown): WriteProblem {
  if (error instanceof ApiError) {
    const body = error.body;
    if (error.status === 409 && body.clash) return { kind: 'clash', message: body.error, clash: body.clash };
    if (error.status === 409 && (typeof body.currentVersion === 'number' || body.reason === 'stale')) {
      return {
        kind: 'stale',
        message: body.error,
        currentVersion: body.currentVersion,
        ...(typeof body.changedBy === 'string' ? { changedBy: body.changedBy } : {}),
        ...(body.session && typeof body.session === 'object' ? { current: body.session as Session } : {}),
      };
    }
    // error.message is the refusal in the reader's words when the server coded it (api.ts).
    const message = error.message;
    return body.field ? { kind: 'error', message, field: body.field } : { kind: 'error', message };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
