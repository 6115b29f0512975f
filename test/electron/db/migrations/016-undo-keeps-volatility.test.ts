import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { restoreReplacedPositions } from '../../../../electron/db/imports';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-m016-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 016 (undo data keeps an option’s volatility)', () => {
  it('keeps undo data written before it, which restores with no volatility, and keeps the volatility of undo data after it', () => {
    const file = path.join(dir, 'v15.sqlite');
    const v15 = openDatabase({ path: file, migrations: migrations.slice(0, 15) }).db;
    v15.exec(`
      INSERT INTO clients (id, name) VALUES (1, 'Lee');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Main');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'IRA');
      INSERT INTO imports (id, portfolio_id, file_name, sha256, format, kind, row_count, imported_count, invalid_count)
        VALUES (1, 1, 'later.csv', '${'0'.repeat(64)}', 'generic', 'positions', 1, 1, 0);
      INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, currency, position_id, multiplier)
        VALUES (1, 1, 'NVDA  250620C00150000', '', 'other', 5, 420, 'USD', 5, 100);`);
    v15.close();

    const db = openDatabase({ path: file, migrations }).db;
    expect(db.prepare('SELECT symbol, multiplier, volatility FROM import_replaced').all()).toEqual([
      { symbol: 'NVDA  250620C00150000', multiplier: 100, volatility: null },
    ]);
    db.prepare('UPDATE import_replaced SET volatility = 0.48').run();
    expect(db.transaction(() => restoreReplacedPositions(db, 1))()).toBe(1);
    expect(db.prepare('SELECT id, symbol, multiplier, volatility FROM positions').all()).toEqual([
      { id: 5, symbol: 'NVDA  250620C00150000', multiplier: 100, volatility: 0.48 },
    ]);
    db.close();
  });
});
