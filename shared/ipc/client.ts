import { commands, type Api, type CommandName } from './contract';
import type { Result } from './result';

/** Sends one command over some transport and answers its result. */
export type Transport = (name: CommandName, request: unknown) => Promise<Result<unknown>>;

/**
 * Builds the `window.api` object: one named method per command, each sending
 * exactly its own command name. Used by the Electron preload and the browser bridge.
 */
export function createApi(transport: Transport): Api {
  const api: Record<string, (request?: unknown) => Promise<Result<unknown>>> = {};
  for (const name of Object.keys(commands) as CommandName[]) {
    api[commands[name].method] = (request?: unknown) => transport(name, request ?? {});
  }
  return Object.freeze(api) as unknown as Api;
}
