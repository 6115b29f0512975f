import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../../electron/services/services';
import { call, testServices } from '../../../helpers/services';
import { tempDir } from '../../../helpers/temp';
import { databaseAtVersion, household, IMPORT_INTO_ACCOUNT_1 } from '../../../helpers/old-database';

const dir = tempDir('m010');

describe('migration 010 (undo keeps position ids)', () => {
  it('still undoes an import recorded before it, giving the restored positions new ids', () => {
    const file = path.join(dir, 'v9.sqlite');
    const v9 = databaseAtVersion(
      file,
      9,
      household('Main', 'IRA'),
      IMPORT_INTO_ACCOUNT_1,
      `
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency, import_id) VALUES (5, 1, 'NVDA', 2, 120, 'USD', 1);
      INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of, source_import_id)
        VALUES (1, 1, 'IBM', '', 'equity', 3, 200, NULL, 500, 'USD', NULL, NULL);`,
    );
    v9.close();

    const services = testServices(file);
    expect(services.db.prepare('SELECT position_id FROM import_replaced').pluck().all()).toEqual([null]);
    expect(call(services, 'imports:undo', { id: 1 })).toEqual({ removed: 1, restored: 1 });
    expect(call(services, 'positions:list', { accountId: 1 })).toEqual([
      expect.objectContaining({ symbol: 'IBM', quantity: 3, costBasis: 500 }),
    ]);
    closeServices(services);
  });
});
