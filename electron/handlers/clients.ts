import { createClient, listClients, renameClient, updateClient } from '../db/clients';
import { deleteKeepingCopy, restoreDeleted } from '../db/trash';
import { AppError } from '../../shared/ipc/result';
import { clientOverview } from '../services/firm';
import type { HandlerMap } from './types';

/** clients:* commands. */
export const clientHandlers: HandlerMap<
  'clients:list' | 'clients:overview' | 'clients:create' | 'clients:update' | 'clients:rename' | 'clients:delete' | 'trash:restore'
> = {
  'clients:list': ({ db }) => listClients(db),
  'clients:overview': ({ db }) => clientOverview(db),
  'clients:create': ({ db }, request) => createClient(db, request),
  'clients:update': ({ db }, { id, patch }) => updateClient(db, id, patch),
  'clients:rename': ({ db }, { id, name }) => renameClient(db, id, name),
  'clients:delete': (services, { id }) => {
    services.lastDeleted = deleteKeepingCopy(services.db, 'client', id);
    return { deleted: 1 };
  },
  'trash:restore': (services) => {
    const deleted = services.lastDeleted;
    if (!deleted) throw new AppError('not-found', 'There is nothing deleted to put back.');
    restoreDeleted(services.db, deleted);
    services.lastDeleted = null;
    return { kind: deleted.kind, name: deleted.name };
  },
};
