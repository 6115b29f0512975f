import type { CommandName, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

/** A command handler: a plain function of the services and an already-validated request (async only where it must wait, e.g. printing). */
export type Handler<K extends CommandName> = (services: Services, request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** Handlers for a subset of the commands. */
export type HandlerMap<K extends CommandName = CommandName> = { [P in K]: Handler<P> };

/** The commands of one area, e.g. CommandsOf<'firm'> is every `firm:*` command: a handler file covers exactly its areas. */
export type CommandsOf<Area extends string> = Extract<CommandName, `${Area}:${string}`>;
