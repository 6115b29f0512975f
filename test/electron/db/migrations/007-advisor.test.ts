import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listClients } from '../../../../electron/db/clients';
import { migrations } from '../../../../electron/db/migrations';
import { openDatabase } from '../../../../electron/db/open-database';
import { tempDirPerTest } from '../../../helpers/temp';

const dir = tempDirPerTest('m007');

describe('migration 007 (advisor workflows)', () => {
  it('keeps every client and holding of a schema-6 database and gives clients empty people and tags', () => {
    const file = path.join(dir(), 'v6.sqlite');
    const v6 = openDatabase({ path: file, migrations: migrations.slice(0, 6) }).db;
    v6.exec(`
      INSERT INTO clients (id, name, notes, base_currency) VALUES (1, 'Lee', 'Retired', 'EUR');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Main');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'Depot');
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency) VALUES (1, 1, 'ASML', 3, 700, 'EUR');
    `);
    const before = ['portfolios', 'accounts', 'positions'].map((t) => v6.prepare(`SELECT * FROM ${t}`).all());
    v6.close();

    const { db, previousVersion, schemaVersion } = openDatabase({ path: file, migrations: migrations.slice(0, 7) });
    expect([previousVersion, schemaVersion]).toEqual([6, 7]);
    expect(['portfolios', 'accounts', 'positions'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(listClients(db)).toEqual([
      expect.objectContaining({ id: 1, name: 'Lee', notes: 'Retired', baseCurrency: 'EUR', people: [], tags: [], portfolioCount: 1 }),
    ]);
    expect(() => db.prepare(`UPDATE clients SET people = '{"not":"a list"}'`).run()).toThrow(/CHECK constraint/);
    // Deleting a portfolio takes its proposals with it.
    db.exec(
      "INSERT INTO proposals (id, portfolio_id, name) VALUES (1, 1, 'Trim'); INSERT INTO proposal_positions (proposal_id, account_name, symbol, quantity, price, currency) VALUES (1, 'Depot', 'ASML', 1, 700, 'EUR');",
    );
    db.exec('DELETE FROM portfolios WHERE id = 1');
    expect(db.prepare('SELECT COUNT(*) FROM proposal_positions').pluck().get()).toBe(0);
    db.close();
  });
});
