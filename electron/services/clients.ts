import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { createClient, listClients } from '../db/clients';

const DEFAULT_CLIENT_NAME = 'My portfolios';

/** The client a portfolio goes to when none is named: the only non-sample client, or a new one. */
export function defaultClientId(db: Database): number {
  const own = listClients(db).filter((c) => !c.isSample);
  if (own.length === 1) return own[0].id;
  const named = own.find((c) => c.name === DEFAULT_CLIENT_NAME);
  if (named) return named.id;
  if (own.length > 1) {
    throw new AppError('validation', 'There are several clients; choose the client this portfolio belongs to.');
  }
  return createClient(db, { name: DEFAULT_CLIENT_NAME }).id;
}
