import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { closeServices } from '../../../../electron/services/services';
import { call, testServices } from '../../../helpers/services';
import { tempDir } from '../../../helpers/temp';

const dir = tempDir('m010');

describe('migration 010 (undo keeps position ids)', () => {
  it('still undoes an import recorded before it, giving the restored positions new ids', () => {
    const file = path.join(dir, 'v9.sqlite');
    const v9 = openDatabase({ path: file, migrations: migrations.slice(0, 9) }).db;
    v9.exec(`
      INSERT INTO clients (id, name) VALUES (1, 'Lee');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Main');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'IRA');
      INSERT INTO imports (id, portfolio_id, file_name, sha256, format, kind, row_count, imported_count)
        VALUES (1, 1, 'new.csv', 'abc', 'generic', 'positions', 1, 1);
      INSERT INTO import_accounts (import_id, account_id, is_created) VALUES (1, 1, 0);
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency, import_id) VALUES (5, 1, 'NVDA', 2, 120, 'USD', 1);
      INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of, source_import_id)
        VALUES (1, 1, 'IBM', '', 'equity', 3, 200, NULL, 500, 'USD', NULL, NULL);`);
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
