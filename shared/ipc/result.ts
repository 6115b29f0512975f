/** Error codes every command may answer with; the message is a sentence for the user. */
export type ErrorCode =
  | 'validation'
  | 'unknown-command'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  /** The request would let wrong numbers leave the app (a report with blocking health findings); send it again with the user's confirmation. */
  | 'needs-confirmation'
  | 'database'
  | 'internal';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Developer detail (field paths, SQL error text); shown only on request. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** An error with a user sentence, thrown by services and turned into `{ ok: false }` by the dispatcher. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;

  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  toData(): AppErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps error data as a failed result. */
export function fail<T = never>(error: AppErrorData): Result<T> {
  return { ok: false, error };
}
