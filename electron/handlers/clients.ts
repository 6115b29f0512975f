import { createClient, listClients, renameClient, updateClient } from '../db/clients';
import { deleteKeepingCopy } from '../db/trash';
import { clientOverview } from '../services/firm';
import type { CommandsOf, HandlerMap } from './types';

/** clients:* commands. */
export const clientHandlers: HandlerMap<CommandsOf<'clients'>> = {
  'clients:list': ({ db }) => listClients(db),
  'clients:overview': ({ db }) => clientOverview(db),
  'clients:create': ({ db }, request) => createClient(db, request),
  'clients:update': ({ db }, { id, patch }) => updateClient(db, id, patch),
  'clients:rename': ({ db }, { id, name }) => renameClient(db, id, name),
  'clients:delete': (services, { id }) => {
    services.trash.keep(deleteKeepingCopy(services.db, 'client', id));
    return { deleted: 1 };
  },
};
