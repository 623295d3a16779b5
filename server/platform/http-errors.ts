/**
 * Every failure of an HTTP request ends here and leaves as JSON `{ error, field?, ...details }`
 * with a 4xx status that says what the client can do about it. A 500 only ever means a bug.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from './errors.ts';
import type { Logger } from './logger.ts';
import { requestIdOf } from './request-log.ts';

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

/**
 * Any other error that carries a 4xx status (express's URIError for bad percent-encoding, zlib's
 * errors for a body that is not what its Content-Encoding says, http-errors from a library) is
 * the client's fault: its status is honoured, with a message that says what to fix.
 */
function clientFaultAnswer(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code >= 500) return undefined;
  if (error instanceof URIError) return { status: code, message: 'the path has bad percent-encoding' };
  if (
    typeof (error as { errno?: unknown }).errno === 'number' &&
    /header check|zlib|deflate|gzip|brotli/i.test(String((error as Error).message))
  ) {
    return { status: code, message: 'the request body does not match its Content-Encoding' };
  }
  const message =
    (error as { expose?: unknown }).expose === true && typeof (error as Error).message === 'string'
      ? (error as Error).message
      : 'bad request';
  return { status: code, message };
}

export function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return;
    if (error instanceof AppError) {
      const body: Record<string, unknown> = { ...error.details, error: error.message };
      if (error.field !== undefined) body.field = error.field;
      if (error.coded) Object.assign(body, { code: error.coded.code, params: error.coded.params ?? {} });
      res.status(error.status).json(body);
      return;
    }
    const parserAnswer = bodyParserAnswer(error as BodyParserError) ?? clientFaultAnswer(error);
    if (parserAnswer) {
      res.status(parserAnswer.status).json({ error: parserAnswer.message });
      return;
    }
    logger.error('unexpected error while answering a request', error, {
      reqId: requestIdOf(res),
      method: req.method,
      path: req.path,
    });
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
