import fs from 'node:fs';
import path from 'node:path';

export const LOG_FILE_NAME = 'aftershock.log';

export interface LogEntry {
  /** Where it happened: a command name ("imports:commit"), "cli", "main", "web". */
  where: string;
  message: string;
  code?: string;
  /** Developer detail: SQL error text, a stack. */
  detail?: string;
  /** The request, reduced to its shape by shapeOf() so no holdings values are written. */
  request?: unknown;
}

export interface Logger {
  readonly file: string;
  error(entry: LogEntry): void;
}

/** The folder logs go to: "logs" in the user-data folder (beside the default database). */
export function logsDir(userDataDir: string): string {
  return path.join(userDataDir, 'logs');
}

/**
 * The shape of a value without its contents: numbers become "number", strings "string(N)", arrays
 * "array(N)" of the first item's shape; only object keys (field names from our contract) are kept.
 * Holdings, names and file contents therefore never reach the log.
 */
export function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null) return null;
  if (Array.isArray(value))
    return value.length && depth < 4 ? [`array(${value.length})`, shapeOf(value[0], depth + 1)] : `array(${value.length})`;
  if (typeof value === 'string') return `string(${value.length})`;
  if (typeof value !== 'object') return typeof value;
  if (depth >= 4) return 'object';
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, 40)) {
    // Keys come from the contract, but a hostile payload may use anything: keep plain identifiers only.
    const safe = /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(key) ? key : `key(${key.length})`;
    out[safe] = shapeOf((value as Record<string, unknown>)[key], depth + 1);
  }
  return out;
}

/**
 * A renderer's stack trace made fit for the log: URL queries and fragments (the browser shell's token) are cut,
 * and at most 30 lines are kept.
 */
export function cleanStack(stack: string): string {
  return stack
    .replace(/(https?:\/\/[^\s?#)]*)[?#][^\s):]*/g, '$1')
    .split('\n')
    .slice(0, 30)
    .join('\n');
}

/** Long numbers in free text (amounts, quantities) are masked; short ones (ids, line numbers, years) stay. */
export function maskNumbers(text: string): string {
  return text.replace(/\d[\d,]*\.\d+|\d{5,}/g, '#');
}

/**
 * A log file that rolls over at `maxBytes`: aftershock.log, then aftershock.1.log … aftershock.<keep>.log
 * (the oldest dropped). Each line is one JSON object with the time. Never throws: logging must not break the app.
 */
export function createLogger(dir: string, options: { maxBytes?: number; keep?: number; now?: () => Date } = {}): Logger {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const file = path.join(dir, LOG_FILE_NAME);
  const rotated = (n: number) => path.join(dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
  return {
    file,
    error(entry) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const line = `${JSON.stringify({
          time: (options.now?.() ?? new Date()).toISOString(),
          level: 'error',
          where: entry.where,
          code: entry.code,
          message: maskNumbers(entry.message),
          detail: entry.detail === undefined ? undefined : maskNumbers(entry.detail),
          request: entry.request,
        })}\n`;
        let size = 0;
        try {
          size = fs.statSync(file).size;
        } catch {
          size = 0;
        }
        if (size > 0 && size + line.length > maxBytes) {
          fs.rmSync(rotated(keep), { force: true });
          for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
          fs.renameSync(file, rotated(1));
        }
        fs.appendFileSync(file, line);
      } catch {
        // A full disk or a read-only folder: the error is still shown to the user; the log is best effort.
      }
    },
  };
}
