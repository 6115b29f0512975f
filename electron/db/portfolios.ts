import type { Database } from 'better-sqlite3';
import type { Portfolio } from '../../shared/domain/types';
import { found, withConflict } from './errors';

interface PortfolioRow {
  id: number;
  client_id: number;
  client_name: string;
  name: string;
  base_currency: string;
  created_at: string;
  account_count: number;
  position_count: number;
}

const SELECT = `
  SELECT p.id, p.client_id, c.name AS client_name, p.name, p.base_currency, p.created_at,
         (SELECT COUNT(*) FROM accounts a WHERE a.portfolio_id = p.id) AS account_count,
         (SELECT COUNT(*) FROM positions x JOIN accounts a ON a.id = x.account_id
           WHERE a.portfolio_id = p.id) AS position_count
  FROM portfolios p JOIN clients c ON c.id = p.client_id`;

function hydrate(row: PortfolioRow): Portfolio {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    name: row.name,
    baseCurrency: row.base_currency,
    createdAt: row.created_at,
    accountCount: row.account_count,
    positionCount: row.position_count,
  };
}

/** Portfolios of one client, or of every client. */
export function listPortfolios(db: Database, clientId?: number): Portfolio[] {
  const rows =
    clientId === undefined
      ? db.prepare(`${SELECT} ORDER BY c.name COLLATE NOCASE, p.name COLLATE NOCASE`).all()
      : db.prepare(`${SELECT} WHERE p.client_id = :clientId ORDER BY p.name COLLATE NOCASE`).all({ clientId });
  return (rows as PortfolioRow[]).map(hydrate);
}

/** One portfolio, or a not-found error. */
export function getPortfolio(db: Database, id: number): Portfolio {
  const row = db.prepare(`${SELECT} WHERE p.id = :id`).get({ id }) as PortfolioRow | undefined;
  return hydrate(found(row, 'Portfolio', id));
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
  getPortfolio(db, id);
  withConflict(
    () => db.prepare('UPDATE portfolios SET name = :name WHERE id = :id').run({ id, name }),
    `This client already has a portfolio named "${name}".`,
  );
  return getPortfolio(db, id);
}
