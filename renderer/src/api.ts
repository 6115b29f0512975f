import type { Api, CommandName, RequestArgs, ResponseOf } from '../../shared/ipc/contract';
import type { AppEvents } from '../../shared/ipc/events';
import type { AppErrorData, Result } from '../../shared/ipc/result';

declare global {
  interface Window {
    /** Provided by the Electron preload or the browser-shell bridge; the renderer does not know which. */
    api: Api;
    /** Main → renderer events; only the Electron preload provides them. */
    appEvents?: AppEvents;
  }
}

/** An error answered by main, carrying its user sentence. */
export class CommandError extends Error {
  readonly data: AppErrorData;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'CommandError';
    this.data = data;
  }
}

/** Returns the value of a command result or throws its error sentence. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new CommandError(result.error);
  return result.value;
}

/** The command API of whichever shell the renderer runs in. */
export function api(): Api {
  if (!window.api) {
    throw new CommandError({
      code: 'internal',
      message: 'Aftershock could not reach its data: open it with "npm start" or through the browser shell.',
    });
  }
  return window.api;
}

/** Sends one command by its name, e.g. `call('portfolios:list', { clientId })`; the answer is a Result (see `unwrap`). */
export function call<K extends CommandName>(name: K, ...request: RequestArgs<K>): Promise<Result<ResponseOf<K>>> {
  return api().invoke(name, ...request);
}
