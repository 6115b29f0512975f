import { createClient, deleteClient, listClients, renameClient } from '../db/clients';
import type { HandlerMap } from './types';

/** clients:* commands. */
export const clientHandlers: HandlerMap<'clients:list' | 'clients:create' | 'clients:rename' | 'clients:delete'> = {
  'clients:list': ({ db }) => listClients(db),
  'clients:create': ({ db }, request) => createClient(db, request),
  'clients:rename': ({ db }, { id, name }) => renameClient(db, id, name),
  'clients:delete': ({ db }, { id }) => deleteClient(db, id),
};
