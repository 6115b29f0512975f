import type { Database } from 'better-sqlite3';
import type { Portfolio } from '../../shared/domain/types';
import { found, renameRow, withConflict } from './errors';

/** Reads portfolios as the domain type: the columns are named as its fields. */
const SELECT = `
  SELECT p.id, p.client_id AS clientId, c.name AS clientName, p.name, p.base_currency AS baseCurrency, p.created_at AS createdAt,
         (SELECT COUNT(*) FROM accounts a WHERE a.portfolio_id = p.id) AS accountCount,
         (SELECT COUNT(*) FROM positions x JOIN accounts a ON a.id = x.account_id
           WHERE a.portfolio_id = p.id) AS positionCount
  FROM portfolios p JOIN clients c ON c.id = p.client_id`;

/** Portfolios of one client, or of every client. */
export function listPortfolios(db: Database, clientId?: number): Portfolio[] {
  const rows =
    clientId === undefined
      ? db.prepare(`${SELECT} ORDER BY c.name COLLATE NOCASE, p.name COLLATE NOCASE`).all()
      : db.prepare(`${SELECT} WHERE p.client_id = :clientId ORDER BY p.name COLLATE NOCASE`).all({ clientId });
  return rows as Portfolio[];
}

/** One portfolio, or a not-found error. */
export function getPortfolio(db: Database, id: number): Portfolio {
  return found(db.prepare(`${SELECT} WHERE p.id = :id`).get({ id }) as Portfolio | undefined, 'Portfolio', id);
}

/** Adds a portfolio to a client; names are unique within a client. */
export function createPortfolio(db: Database, input: { clientId: number; name: string; baseCurrency: string }): Portfolio {
  const { lastInsertRowid } = withConflict(
    () => db.prepare('INSERT INTO portfolios (client_id, name, base_currency) VALUES (:clientId, :name, :baseCurrency)').run(input),
    `This client already has a portfolio named "${input.name}".`,
  );
  return getPortfolio(db, Number(lastInsertRowid));
}

/** Renames a portfolio. */
export function renamePortfolio(db: Database, id: number, name: string): Portfolio {
  return renameRow(db, 'portfolios', { id, name, get: getPortfolio }, `This client already has a portfolio named "${name}".`);
}
