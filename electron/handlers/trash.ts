import type { CommandsOf, HandlerMap } from './types';

/** trash:* commands: put back the client or portfolio deleted last. */
export const trashHandlers: HandlerMap<CommandsOf<'trash'>> = {
  'trash:restore': ({ db, trash }) => trash.restoreLast(db),
};
