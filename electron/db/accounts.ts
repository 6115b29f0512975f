import type { Database } from 'better-sqlite3';
import type { Account } from '../../shared/domain/types';
import { found, renameRow, withConflict } from './errors';

/** Reads accounts as the domain type: the columns are named as its fields. */
const SELECT = `
  SELECT a.id, a.portfolio_id AS portfolioId, a.name, a.broker, a.created_at AS createdAt,
         (SELECT COUNT(*) FROM positions x WHERE x.account_id = a.id) AS positionCount
  FROM accounts a`;

/** Accounts of one portfolio, by name. */
export function listAccounts(db: Database, portfolioId: number): Account[] {
  return db.prepare(`${SELECT} WHERE a.portfolio_id = :portfolioId ORDER BY a.name COLLATE NOCASE`).all({ portfolioId }) as Account[];
}

/** One account, or a not-found error. */
export function getAccount(db: Database, id: number): Account {
  return found(db.prepare(`${SELECT} WHERE a.id = :id`).get({ id }) as Account | undefined, 'Account', id);
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
  return renameRow(db, 'accounts', { id, name, get: getAccount }, `This portfolio already has an account named "${name}".`);
}

/** Deletes an account with its positions. */
export function deleteAccount(db: Database, id: number): { deleted: number } {
  getAccount(db, id);
  return { deleted: db.prepare('DELETE FROM accounts WHERE id = :id').run({ id }).changes };
}

/** Looks an account of a portfolio up by name, ignoring case. */
export function findAccountByName(db: Database, portfolioId: number, name: string): Account | undefined {
  return db.prepare(`${SELECT} WHERE a.portfolio_id = :portfolioId AND a.name = :name COLLATE NOCASE`).get({ portfolioId, name }) as
    Account | undefined;
}

/** Deletes an account only when it holds no positions; returns whether it did. */
export function deleteAccountIfEmpty(db: Database, id: number): boolean {
  return (
    db.prepare('DELETE FROM accounts WHERE id = :id AND NOT EXISTS (SELECT 1 FROM positions WHERE account_id = :id)').run({ id }).changes >
    0
  );
}
