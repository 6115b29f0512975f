import type { Database } from 'better-sqlite3';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';

/** The household most migration tests start from: client 1 "Lee", its portfolio 1 and the portfolio's account 1. */
export function household(portfolio: string, account: string): string {
  return `
    INSERT INTO clients (id, name) VALUES (1, 'Lee');
    INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, '${portfolio}');
    INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, '${account}');`;
}

/** Import 1 of file new.csv into portfolio 1, which touched account 1 (as recorded from schema 3 on). */
export const IMPORT_INTO_ACCOUNT_1 = `
    INSERT INTO imports (id, portfolio_id, file_name, sha256, format, kind, row_count, imported_count)
      VALUES (1, 1, 'new.csv', 'abc', 'generic', 'positions', 1, 1);
    INSERT INTO import_accounts (import_id, account_id, is_created) VALUES (1, 1, 0);`;

/** A database file left at schema `version` (only the migrations up to it run), with `sql` run in it; the caller closes it. */
export function databaseAtVersion(file: string, version: number, ...sql: string[]): Database {
  const { db } = openDatabase({ path: file, migrations: migrations.filter((m) => m.version <= version) });
  db.exec(sql.join('\n'));
  return db;
}
