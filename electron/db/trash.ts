import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { getClient } from './clients';
import { getPortfolio } from './portfolios';

type Row = Record<string, unknown>;

/** A deleted client or portfolio with everything the deletion took, to be put back under the same ids. */
export interface Deleted {
  kind: 'client' | 'portfolio';
  name: string;
  /** Rows per table, parents first. */
  tables: { table: string; rows: Row[] }[];
  /** Imports outlive their portfolio (portfolio_id is set to null): which to attach again, and where. */
  imports: { id: number; portfolioId: number }[];
}

/**
 * The tables a client or portfolio deletion removes (through ON DELETE CASCADE), parents first, each with the
 * rows that belong to the deleted subtree. `:id` is the client or the portfolio.
 */
function subtree(kind: Deleted['kind']): [table: string, where: string][] {
  const portfolios = kind === 'client' ? 'SELECT id FROM portfolios WHERE client_id = :id' : 'SELECT :id';
  return [
    ...(kind === 'client'
      ? ([
          ['clients', 'id = :id'],
          ['client_tags', 'client_id = :id'],
        ] as [string, string][])
      : []),
    ['portfolios', `id IN (${portfolios})`],
    ['accounts', `portfolio_id IN (${portfolios})`],
    ['positions', `account_id IN (SELECT id FROM accounts WHERE portfolio_id IN (${portfolios}))`],
    ['proposals', `portfolio_id IN (${portfolios})`],
    ['proposal_positions', `proposal_id IN (SELECT id FROM proposals WHERE portfolio_id IN (${portfolios}))`],
  ];
}

/** Deletes a client (with its portfolios) or one portfolio, in one transaction, and returns what it removed. */
export function deleteKeepingCopy(db: Database, kind: Deleted['kind'], id: number): Deleted {
  return db.transaction((): Deleted => {
    const name = kind === 'client' ? getClient(db, id).name : getPortfolio(db, id).name;
    const tables = subtree(kind).map(([table, where]) => ({
      table,
      rows: db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all({ id }) as Row[],
    }));
    const portfolioIds = tables.find((t) => t.table === 'portfolios')!.rows.map((r) => r.id as number);
    const imports = db
      .prepare('SELECT id, portfolio_id AS portfolioId FROM imports WHERE portfolio_id IN (SELECT value FROM json_each(:ids))')
      .all({ ids: JSON.stringify(portfolioIds) }) as { id: number; portfolioId: number }[];
    db.prepare(`DELETE FROM ${kind === 'client' ? 'clients' : 'portfolios'} WHERE id = :id`).run({ id });
    return { kind, name, tables, imports };
  })();
}

/**
 * Puts a deleted client or portfolio back exactly as it was (same ids), in one transaction. Refused, with nothing
 * written, when something has taken its place meanwhile (an id reused, a client deleted under the portfolio).
 */
export function restoreDeleted(db: Database, deleted: Deleted): void {
  db.transaction(() => {
    for (const { table, rows } of deleted.tables) {
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]);
      const insert = db.prepare(
        `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) {
        try {
          insert.run(row);
        } catch (error) {
          throw new AppError(
            'conflict',
            `“${deleted.name}” can no longer be put back: ${table} changed since it was deleted. Restore a backup (File › Restore backup…) to get it back.`,
            String(error),
          );
        }
      }
    }
    const attach = db.prepare('UPDATE imports SET portfolio_id = :portfolioId WHERE id = :id AND portfolio_id IS NULL');
    for (const record of deleted.imports) attach.run(record);
  })();
}
