import { SCHEMA_VERSION } from '../../../../electron/db/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../../electron/services/services';
import { call, testServices } from '../../../helpers/services';
import { tempDir } from '../../../helpers/temp';
import { databaseAtVersion, household } from '../../../helpers/old-database';

const dir = tempDir('m2');

describe('migration 002 (reference data)', () => {
  it('upgrades a schema-1 file, keeping portfolios, positions and FX rates, and loads the bundled data', () => {
    const file = path.join(dir, 'v1.sqlite');
    const v1 = databaseAtVersion(
      file,
      1,
      household('Pension', 'IRA'),
      `
      INSERT INTO positions (account_id, symbol, quantity, price, currency) VALUES (1, 'VST', 10, 100, 'USD');
      INSERT INTO fx_rates (currency, quote, rate, as_of, source) VALUES ('EUR', 'USD', 1.1, '2026-01-02', 'typed');
      INSERT INTO securities (symbol, name, source) VALUES ('VST', 'Vistra', 'bundled');`,
    );
    v1.close();

    const services = testServices(file, { loadReference: true });
    expect(services.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(call(services, 'positions:list', { accountId: 1 })).toMatchObject([{ symbol: 'VST', quantity: 10 }]);
    // A newer rate the user already had is not replaced by the older bundled one.
    // The user's own EUR/USD rate is kept; the bundled rates only add currencies it did not have.
    expect(services.db.prepare("SELECT rate, source FROM fx_rates WHERE currency = 'EUR' AND quote = 'USD'").all()).toEqual([
      { rate: 1.1, source: 'typed' },
    ]);
    expect(call(services, 'securities:show', { symbol: 'VST' }).classification).toMatchObject({
      sector: 'Utilities',
      themes: ['ai-energy'],
    });
    const tables = services.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT'").all();
    expect(tables).toEqual([]);
    closeServices(services);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('v1.sqlite.v1-') && f.endsWith('.backup'))).toBe(true);
  });
});
