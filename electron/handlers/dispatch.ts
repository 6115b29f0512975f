import type { CommandName, ResponseOf } from '../../shared/ipc/contract';
import { AppError, fail, ok, type Result } from '../../shared/ipc/result';
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
    const command = assertCommandName(name);
    const valid = validateRequest(command, request);
    const handler = handlers[command] as Handler<CommandName>;
    return ok(handler(services, valid) as ResponseOf<CommandName>);
  } catch (error) {
    return fail(toErrorData(error));
  }
}

/** Turns anything thrown into error data with a user sentence. */
export function toErrorData(error: unknown) {
  if (error instanceof AppError) return error.toData();
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
    detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
