import type { Database } from 'better-sqlite3';
import type { Client } from '../../shared/domain/types';
import { found, withConflict } from './errors';

interface ClientRow {
  id: number;
  name: string;
  notes: string;
  base_currency: string;
  people: string;
  tags: string | null;
  is_sample: number;
  created_at: string;
  portfolio_count: number;
}

const SELECT = `
  SELECT c.id, c.name, c.notes, c.base_currency, c.people, c.is_sample, c.created_at,
         (SELECT group_concat(t.tag, char(10)) FROM (SELECT tag FROM client_tags WHERE client_id = c.id ORDER BY tag) t) AS tags,
         (SELECT COUNT(*) FROM portfolios p WHERE p.client_id = c.id) AS portfolio_count
  FROM clients c`;

function hydrate(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    notes: row.notes,
    baseCurrency: row.base_currency,
    people: JSON.parse(row.people) as string[],
    tags: row.tags ? row.tags.split('\n') : [],
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    portfolioCount: row.portfolio_count,
  };
}

/** Editable fields of a client. */
export interface ClientInput {
  name: string;
  baseCurrency?: string;
  notes?: string;
  people?: string[];
  tags?: string[];
  isSample?: boolean;
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

/** Replaces a client's tags (normalised to trimmed lower-case, duplicates dropped). */
function writeTags(db: Database, clientId: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM client_tags WHERE client_id = :clientId').run({ clientId });
  const insert = db.prepare('INSERT OR IGNORE INTO client_tags (client_id, tag) VALUES (:clientId, :tag)');
  for (const tag of tags) insert.run({ clientId, tag: tag.trim().toLowerCase() });
}

/** Adds a client with its people and tags in one transaction; names are unique regardless of case. */
export function createClient(db: Database, input: ClientInput): Client {
  const id = db.transaction(() => {
    const { lastInsertRowid } = withConflict(
      () =>
        db
          .prepare(
            `INSERT INTO clients (name, notes, base_currency, people, is_sample)
             VALUES (:name, :notes, :baseCurrency, :people, :isSample)`,
          )
          .run({
            name: input.name,
            notes: input.notes ?? '',
            baseCurrency: input.baseCurrency ?? 'USD',
            people: JSON.stringify(input.people ?? []),
            isSample: input.isSample ? 1 : 0,
          }),
      `A client named "${input.name}" already exists.`,
    );
    writeTags(db, Number(lastInsertRowid), input.tags ?? []);
    return Number(lastInsertRowid);
  })();
  return getClient(db, id);
}

/** Changes any of a client's name, notes, base currency, people and tags in one transaction. */
export function updateClient(db: Database, id: number, patch: Partial<Omit<ClientInput, 'isSample'>>): Client {
  getClient(db, id);
  db.transaction(() => {
    const columns = { name: 'name', notes: 'notes', baseCurrency: 'base_currency', people: 'people' } as const;
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      withConflict(
        () =>
          db
            .prepare(`UPDATE clients SET ${column} = :value WHERE id = :id`)
            .run({ id, value: Array.isArray(value) ? JSON.stringify(value) : value }),
        `A client named "${String(patch.name)}" already exists.`,
      );
    }
    if (patch.tags) writeTags(db, id, patch.tags);
  })();
  return getClient(db, id);
}

/** Renames a client. */
export function renameClient(db: Database, id: number, name: string): Client {
  return updateClient(db, id, { name });
}
