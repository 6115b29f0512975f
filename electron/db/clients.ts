import type { Database } from 'better-sqlite3';
import type { Client } from '../../shared/domain/types';
import { found, withConflict } from './errors';

interface ClientRow {
  id: number;
  name: string;
  notes: string;
  base_currency: string;
  is_sample: number;
  created_at: string;
  portfolio_count: number;
}

const SELECT = `
  SELECT c.id, c.name, c.notes, c.base_currency, c.is_sample, c.created_at,
         (SELECT COUNT(*) FROM portfolios p WHERE p.client_id = c.id) AS portfolio_count
  FROM clients c`;

function hydrate(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    notes: row.notes,
    baseCurrency: row.base_currency,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    portfolioCount: row.portfolio_count,
  };
}

/** All clients, by name. */
export function listClients(db: Database): Client[] {
  return (db.prepare(`${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`).all() as ClientRow[]).map(hydrate);
}

/** One client, or a not-found error. */
export function getClient(db: Database, id: number): Client {
  return hydrate(found(db.prepare(`${SELECT} WHERE c.id = :id`).get({ id }) as ClientRow | undefined, 'Client', id));
}

/** Looks a client up by name, ignoring case. */
export function findClientByName(db: Database, name: string): Client | undefined {
  const row = db.prepare(`${SELECT} WHERE c.name = :name COLLATE NOCASE`).get({ name }) as ClientRow | undefined;
  return row && hydrate(row);
}

/** Adds a client; names are unique regardless of case. */
export function createClient(
  db: Database,
  input: { name: string; baseCurrency?: string; notes?: string; isSample?: boolean },
): Client {
  const { lastInsertRowid } = withConflict(
    () =>
      db
        .prepare(
          `INSERT INTO clients (name, notes, base_currency, is_sample)
           VALUES (:name, :notes, :baseCurrency, :isSample)`,
        )
        .run({
          name: input.name,
          notes: input.notes ?? '',
          baseCurrency: input.baseCurrency ?? 'USD',
          isSample: input.isSample ? 1 : 0,
        }),
    `A client named "${input.name}" already exists.`,
  );
  return getClient(db, Number(lastInsertRowid));
}

/** Renames a client. */
export function renameClient(db: Database, id: number, name: string): Client {
  getClient(db, id);
  withConflict(
    () => db.prepare('UPDATE clients SET name = :name WHERE id = :id').run({ id, name }),
    `A client named "${name}" already exists.`,
  );
  return getClient(db, id);
}

/** Deletes a client with its portfolios, accounts and positions. */
export function deleteClient(db: Database, id: number): { deleted: number } {
  getClient(db, id);
  return { deleted: db.prepare('DELETE FROM clients WHERE id = :id').run({ id }).changes };
}
