import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations';
import { listDurations, replaceBundledDurations, setDuration } from '../../../../electron/db/durations';
import { openDatabase } from '../../../../electron/db/open-database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-m013-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 013 (bundled durations, option multipliers)', () => {
  it('keeps every duration, lets bundled ones in under market data and yours, and adds an empty multiplier to positions', () => {
    const file = path.join(dir, 'v12.sqlite');
    const v12 = openDatabase({ path: file, migrations: migrations.slice(0, 12) }).db;
    v12.exec(`
      INSERT INTO clients (id, name) VALUES (1, 'Lee');
      INSERT INTO portfolios (id, client_id, name) VALUES (1, 1, 'Main');
      INSERT INTO accounts (id, portfolio_id, name) VALUES (1, 1, 'IRA');
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency) VALUES (5, 1, 'TLT', 10, 90, 'USD');
      INSERT INTO security_durations (symbol, source, years, as_of) VALUES ('TLT', 'user', 17, NULL), ('AGG', 'market-data', 6.1, '2026-11-30');`);
    expect(() => v12.prepare("INSERT INTO security_durations (symbol, source, years) VALUES ('BND', 'bundled', 5.9)").run()).toThrow(
      /CHECK constraint failed/,
    );
    v12.close();

    const db = openDatabase({ path: file, migrations }).db;
    expect(db.prepare('SELECT symbol, source, years, as_of FROM security_durations ORDER BY symbol').all()).toEqual([
      { symbol: 'AGG', source: 'market-data', years: 6.1, as_of: '2026-11-30' },
      { symbol: 'TLT', source: 'user', years: 17, as_of: null },
    ]);
    replaceBundledDurations(db, [
      ['TLT', 16.5, '2026-12-05'],
      ['AGG', 5.9, '2026-12-05'],
      ['BND', 5.9, '2026-12-05'],
    ]);
    // Yours first, then market data, then the bundled value: the first row per symbol is the one used.
    expect(listDurations(db, ['TLT', 'AGG', 'BND']).map((r) => `${r.symbol} ${r.source} ${r.years}`)).toEqual([
      'AGG market-data 6.1',
      'AGG bundled 5.9',
      'BND bundled 5.9',
      'TLT user 17',
      'TLT bundled 16.5',
    ]);
    // Re-loading the bundle replaces only the bundled rows.
    replaceBundledDurations(db, [['TLT', 16.4, '2026-12-06']]);
    setDuration(db, 'AGG', 'market-data', null, null);
    expect(listDurations(db, ['TLT', 'AGG', 'BND']).map((r) => `${r.symbol} ${r.source} ${r.years}`)).toEqual([
      'TLT user 17',
      'TLT bundled 16.4',
    ]);
    expect(db.prepare('SELECT id, symbol, multiplier FROM positions').all()).toEqual([{ id: 5, symbol: 'TLT', multiplier: null }]);
    expect(() => db.prepare('UPDATE positions SET multiplier = 0').run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
