import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreReplacedPositions } from '../../../../electron/db/imports';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { databaseAtVersion, household, IMPORT_INTO_ACCOUNT_1 } from '../../../helpers/old-database';
import { tempDirPerTest } from '../../../helpers/temp';

const dir = tempDirPerTest('m016');

describe('migration 016 (undo data keeps an option’s volatility)', () => {
  it('keeps undo data written before it (restored with no volatility) and the volatility of undo data after it', () => {
    const file = path.join(dir(), 'v15.sqlite');
    databaseAtVersion(
      file,
      15,
      household('Main', 'IRA'),
      IMPORT_INTO_ACCOUNT_1,
      `INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, currency, position_id, multiplier)
         VALUES (1, 1, 'NVDA  250620C00150000', '', 'other', 5, 420, 'USD', 5, 100);`,
    ).close();

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
