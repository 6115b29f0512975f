import type { CommandName, ResponseOf } from '../../shared/ipc/contract';
import { AppError, type AppErrorData, fail, ok, type Result } from '../../shared/ipc/result';
import { sqliteCondition } from '../db/errors';
import { shapeOf } from '../logging';
import { assertCommandName, validateRequest } from '../../shared/ipc/validate';
import type { Services } from '../services/services';
import { handlers } from './index';
import type { Handler } from './types';

/**
 * The one way into the handlers, for every transport: checks the command name,
 * validates the request against the contract, runs the handler and turns any
 * failure into `{ ok: false, error }`. Unvalidated input never reaches SQL.
 */
export function dispatch(services: Services, name: unknown, request: unknown): Result<unknown> {
  try {
    const value = run(services, name, request);
    if (value instanceof Promise) {
      value.catch(() => undefined);
      throw new AppError('internal', `The command "${String(name)}" has to wait for its answer; call it through dispatchAsync.`);
    }
    return ok(sameInEveryShell(value));
  } catch (error) {
    return fail(logged(services, name, request, error));
  }
}

/** dispatch() for transports that can wait (Electron IPC, the browser shell): also runs async handlers. */
export async function dispatchAsync(services: Services, name: unknown, request: unknown): Promise<Result<unknown>> {
  try {
    return ok(sameInEveryShell(await run(services, name, request)));
  } catch (error) {
    return fail(logged(services, name, request, error));
  }
}

/**
 * A response as JSON carries it: Electron IPC would deliver NaN, Infinity and undefined as they are, while the
 * browser shell's JSON turns them into null or drops them, so both shells (and the CLI) get the JSON form.
 */
export function sameInEveryShell(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * Unexpected failures (not the user's input) go to the local log, with the stack and the request's shape but none
 * of its values; the answer carries the sentence and a one-line detail, never a stack (the page may show it).
 */
function logged(services: Services, name: unknown, request: unknown, thrown: unknown): AppErrorData {
  const error = toErrorData(thrown, services.info.databasePath);
  if (error.code === 'internal' || error.code === 'database') {
    const detail = error.code === 'internal' && thrown instanceof Error && thrown.stack ? thrown.stack : error.detail;
    services.log?.error({
      where: typeof name === 'string' ? name.slice(0, 60) : typeof name,
      code: error.code,
      message: error.message,
      detail,
      request: shapeOf(request),
    });
  }
  return error;
}

function run(services: Services, name: unknown, request: unknown): ResponseOf<CommandName> | Promise<ResponseOf<CommandName>> {
  const command = assertCommandName(name);
  const valid = validateRequest(command, request);
  const handler = handlers[command] as Handler<CommandName>;
  return handler(services, valid);
}

/** Turns anything thrown into error data with a user sentence. */
export function toErrorData(error: unknown, databasePath = ':memory:') {
  if (error instanceof AppError) return error.toData();
  const condition = sqliteCondition(error, databasePath);
  if (condition) return { code: 'database' as const, message: condition.message, detail: (error as Error).message };
  if (error instanceof Error && error.name === 'SqliteError') {
    return {
      code: 'database' as const,
      message: 'The database refused the change; nothing was saved.',
      detail: error.message,
    };
  }
  return {
    code: 'internal' as const,
    message: 'Something went wrong inside Aftershock; nothing was changed.',
    detail: error instanceof Error ? error.message : String(error),
  };
}
