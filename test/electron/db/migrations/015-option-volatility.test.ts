import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { databaseAtVersion, household } from '../../../helpers/old-database';
import { tempDirPerTest } from '../../../helpers/temp';

const dir = tempDirPerTest('m015');

describe('migration 015 (option volatility; proposal positions carry options)', () => {
  it('keeps positions and proposal positions, adds empty volatilities and proposal multipliers, and refuses bad values', () => {
    const file = path.join(dir(), 'v14.sqlite');
    const v14 = databaseAtVersion(file, 14, household('Main', 'IRA'));
    v14.exec(`
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency, multiplier)
        VALUES (5, 1, 'NVDA  250620C00150000', 5, 1457, 'USD', 100);
      INSERT INTO proposals (id, portfolio_id, name) VALUES (1, 1, 'Trim');
      INSERT INTO proposal_positions (id, proposal_id, account_name, symbol, quantity, price, currency)
        VALUES (7, 1, 'IRA', 'NVDA  250620C00150000', 5, 1457, 'USD');`);
    v14.close();

    const db = openDatabase({ path: file, migrations }).db;
    expect(db.prepare('SELECT id, symbol, multiplier, volatility FROM positions').all()).toEqual([
      { id: 5, symbol: 'NVDA  250620C00150000', multiplier: 100, volatility: null },
    ]);
    expect(db.prepare('SELECT id, symbol, multiplier, volatility FROM proposal_positions').all()).toEqual([
      { id: 7, symbol: 'NVDA  250620C00150000', multiplier: null, volatility: null },
    ]);
    db.prepare('UPDATE positions SET volatility = 0.48 WHERE id = 5').run();
    expect(db.prepare('SELECT volatility FROM positions').get()).toEqual({ volatility: 0.48 });
    expect(() => db.prepare('UPDATE positions SET volatility = 0 WHERE id = 5').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE proposal_positions SET volatility = 6 WHERE id = 7').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE proposal_positions SET multiplier = -1 WHERE id = 7').run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
