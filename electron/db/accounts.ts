import type { Database } from 'better-sqlite3';
import type { Account } from '../../shared/domain/types';
import { found, withConflict } from './errors';

interface AccountRow {
  id: number;
  portfolio_id: number;
  name: string;
  broker: string;
  created_at: string;
  position_count: number;
}

const SELECT = `
  SELECT a.id, a.portfolio_id, a.name, a.broker, a.created_at,
         (SELECT COUNT(*) FROM positions x WHERE x.account_id = a.id) AS position_count
  FROM accounts a`;

function hydrate(row: AccountRow): Account {
  return {
    id: row.id,
    portfolioId: row.portfolio_id,
    name: row.name,
    broker: row.broker,
    createdAt: row.created_at,
    positionCount: row.position_count,
  };
}

/** Accounts of one portfolio, by name. */
export function listAccounts(db: Database, portfolioId: number): Account[] {
  const rows = db
    .prepare(`${SELECT} WHERE a.portfolio_id = :portfolioId ORDER BY a.name COLLATE NOCASE`)
    .all({ portfolioId }) as AccountRow[];
  return rows.map(hydrate);
}

/** One account, or a not-found error. */
export function getAccount(db: Database, id: number): Account {
  return hydrate(found(db.prepare(`${SELECT} WHERE a.id = :id`).get({ id }) as AccountRow | undefined, 'Account', id));
}

/** Adds an account to a portfolio; names are unique within a portfolio. */
export function createAccount(db: Database, input: { portfolioId: number; name: string; broker?: string }): Account {
  const { lastInsertRowid } = withConflict(
    () =>
      db
        .prepare('INSERT INTO accounts (portfolio_id, name, broker) VALUES (:portfolioId, :name, :broker)')
        .run({ portfolioId: input.portfolioId, name: input.name, broker: input.broker ?? '' }),
    `This portfolio already has an account named "${input.name}".`,
  );
  return getAccount(db, Number(lastInsertRowid));
}

/** Renames an account. */
export function renameAccount(db: Database, id: number, name: string): Account {
  getAccount(db, id);
  withConflict(
    () => db.prepare('UPDATE accounts SET name = :name WHERE id = :id').run({ id, name }),
    `This portfolio already has an account named "${name}".`,
  );
  return getAccount(db, id);
}

/** Deletes an account with its positions. */
export function deleteAccount(db: Database, id: number): { deleted: number } {
  getAccount(db, id);
  return { deleted: db.prepare('DELETE FROM accounts WHERE id = :id').run({ id }).changes };
}

/** Looks an account of a portfolio up by name, ignoring case. */
export function findAccountByName(db: Database, portfolioId: number, name: string): Account | undefined {
  const row = db.prepare(`${SELECT} WHERE a.portfolio_id = :portfolioId AND a.name = :name COLLATE NOCASE`).get({ portfolioId, name }) as
    AccountRow | undefined;
  return row && hydrate(row);
}

/** Deletes an account only when it holds no positions; returns whether it did. */
export function deleteAccountIfEmpty(db: Database, id: number): boolean {
  return (
    db.prepare('DELETE FROM accounts WHERE id = :id AND NOT EXISTS (SELECT 1 FROM positions WHERE account_id = :id)').run({ id }).changes >
    0
  );
}
