import { createClient, deleteClient, listClients, renameClient, updateClient } from '../db/clients';
import { clientOverview } from '../services/firm';
import type { HandlerMap } from './types';

/** clients:* commands. */
export const clientHandlers: HandlerMap<'clients:list' | 'clients:overview' | 'clients:create' | 'clients:update' | 'clients:rename' | 'clients:delete'> = {
  'clients:list': ({ db }) => listClients(db),
  'clients:overview': ({ db }) => clientOverview(db),
  'clients:create': ({ db }, request) => createClient(db, request),
  'clients:update': ({ db }, { id, patch }) => updateClient(db, id, patch),
  'clients:rename': ({ db }, { id, name }) => renameClient(db, id, name),
  'clients:delete': ({ db }, { id }) => deleteClient(db, id),
};
