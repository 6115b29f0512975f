import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { tempDir } from '../../../helpers/temp';

const dir = tempDir('m8');

const ROWS = `SELECT id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of,
                     import_id, created_at FROM positions ORDER BY id`;

describe('migration 008 (positions checked cheaply)', () => {
  it('keeps every position and column as it was, and drops only the import index', () => {
    const file = path.join(dir, 'v7.sqlite');
    const v7 = openDatabase({ path: file, migrations: migrations.filter((m) => m.version <= 7) }).db;
    v7.exec(`
      INSERT INTO clients (id, name) VALUES (1, 'Lee');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Pension');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'IRA'), (2, 1, 'Taxable');
      INSERT INTO imports (id, portfolio_id, file_name, sha256, format, kind, row_count, imported_count)
        VALUES (4, 1, 'p.csv', 'abc', 'generic', 'positions', 2, 2);
      INSERT INTO positions (id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of, import_id, created_at)
        VALUES (7, 1, 'VST', 'Vistra', 'equity', 10, 100, NULL, 900, 'USD', '2025-01-24', 4, '2025-01-25T10:00:00.000Z'),
               (9, 2, 'SPAXX', 'Cash', 'cash', 1234.5, NULL, 1234.5, NULL, 'USD', NULL, NULL, '2025-02-01T00:00:00.000Z');`);
    const before = v7.prepare(ROWS).all();
    v7.close();

    const { db, previousVersion } = openDatabase({ path: file });
    expect(previousVersion).toBe(7);
    expect(db.prepare(ROWS).all()).toEqual(before);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'positions' AND sql IS NOT NULL")
      .pluck()
      .all();
    expect(indexes).toEqual(['positions_account']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The same rules as before: a bad asset class, a negative price or neither price nor value is refused.
    const insert = db.prepare(
      'INSERT INTO positions (account_id, symbol, asset_class, quantity, price, market_value, currency) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    expect(() => insert.run(1, 'X', 'stock', 1, 1, null, 'USD')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(1, 'X', 'equity', 1, -1, null, 'USD')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(1, 'X', 'equity', 1, null, null, 'USD')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(99, 'X', 'equity', 1, 1, null, 'USD')).toThrow(/FOREIGN KEY constraint failed/);
    for (const assetClass of ['equity', 'fund', 'bond', 'cash', 'crypto', 'other']) insert.run(1, 'OK', assetClass, 1, 1, null, 'USD');
    // Deleting an account still takes its positions with it.
    db.prepare('DELETE FROM accounts WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM positions WHERE account_id = 2').pluck().get()).toBe(0);
    db.close();
    // A real file, not only the open connection, holds the new table.
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT sql FROM sqlite_schema WHERE name = 'positions'").pluck().get()).not.toMatch(/ IN \(/);
    reopened.close();
  });
});
