/**
 * The control panel's client for schedule imports (staff only, with the session cookie):
 *   preview(text)                    → what the file would change (nothing is applied)
 *   apply(text, expectedRevision)    → the change applied as one revision
 * Every refusal becomes an ImportApiError carrying the server's message and, for a file with
 * errors, every problem with its row or line.
 */
import type { ImportApplied, ImportPreview, MissingSessions } from '../../shared/import-plan.ts';
import { MAX_IMPORT_BYTES } from '../../shared/limits.ts';
import { panelLocale } from '../i18n/panel-locale.ts';

/** Our own messages are in the reader's language at the moment of the refusal. */
const messages = () => panelLocale.messages;
const tooLarge = () => messages().impTooLarge(MAX_IMPORT_BYTES / (1024 * 1024));

export interface ImportProblem {
  line?: number;
  message: string;
}

export class ImportApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** Every problem of a refused file, with its row (CSV) or line. */
    readonly problems: ImportProblem[] = [],
    /** The request field the server named (timezone, from, …), to show the message beside it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ImportApiError';
  }
}

/** How the server reads the file, as `npm run import` takes them; empty ones are left out. */
export interface ReadOptions {
  timezone?: string;
  from?: string;
  to?: string;
  columns?: string;
}

function filled(read: ReadOptions): ReadOptions {
  return Object.fromEntries(Object.entries(read).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class ImportApi {
  constructor(
    private readonly base = '',
    /** Injectable for tests and for a caller that wants its own re-login handling. */
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  preview(text: string, missing: MissingSessions = 'cancel', read: ReadOptions = {}): Promise<ImportPreview> {
    return this.post<ImportPreview>('/api/import/preview', { text, missing, ...filled(read) });
  }

  apply(text: string, expectedRevision: number, missing: MissingSessions = 'cancel', read: ReadOptions = {}): Promise<ImportApplied> {
    return this.post<ImportApplied>('/api/import/apply', { text, expectedRevision, missing, ...filled(read) });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      throw new ImportApiError(0, messages().errNetwork);
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: string; errors?: ImportProblem[]; field?: string };
    if (response.ok) return answer as T;
    const message =
      response.status === 401
        ? messages().impSessionEnded
        : response.status === 413
          ? tooLarge()
          : (answer.error ?? messages().impFailed(response.status));
    throw new ImportApiError(response.status, message, answer.errors ?? [], answer.field);
  }
}

/** The text of a chosen file, refusing what the server would refuse anyway. */
export async function readScheduleFile(file: Blob): Promise<string> {
  if (file.size === 0) throw new ImportApiError(400, messages().impEmpty);
  if (file.size > MAX_IMPORT_BYTES) throw new ImportApiError(413, tooLarge());
  return file.text();
}
