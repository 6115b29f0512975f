import type { Api } from './contract';
import { isCommandName, type CommandName } from './command-names';
import type { Result } from './result';

/** Sends one command over some transport and answers its result. */
export type Transport = (name: CommandName, request: unknown) => Promise<Result<unknown>>;

/**
 * Builds the `window.api` object: one `invoke(name, request)` that sends only declared command names (main validates
 * every request again). Used by the Electron preload and the browser bridge; imports no schemas, so the sandboxed
 * preload stays small.
 */
export function createApi(transport: Transport): Api {
  const invoke = (name: unknown, request?: unknown): Promise<Result<unknown>> => {
    if (!isCommandName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 60)}"` : typeof name;
      return Promise.resolve({ ok: false, error: { code: 'unknown-command', message: `There is no command ${shown}.` } });
    }
    return transport(name, request ?? {});
  };
  return Object.freeze({ invoke }) as Api;
}
