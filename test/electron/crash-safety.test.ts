// Crash safety: child Node processes import, migrate and refresh market data on a real database file and are
// SIGKILLed at random moments, many times. After every kill the file must reopen, pass PRAGMA integrity_check,
// and every import must be wholly present or wholly absent (and every acknowledged one present).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open-database';
import { migrations, SCHEMA_VERSION } from '../../electron/db/migrations';
import { closeServices } from '../../electron/services/services';
import { call, RESOURCES, testServices } from '../helpers/services';
import { OWN_YAHOO_FIXTURES } from '../helpers/yahoo-fetch';
import { IMPORT_ROWS } from './crash/import-text';

const ROOT = path.join(__dirname, '..', '..');
// Inside the checkout (out/ is ignored) so the bundle finds better-sqlite3 in node_modules.
const CHILD = path.join(ROOT, 'out', 'test', 'crash-child.js');
const KILLS_PER_MODE = Number(process.env.AFTERSHOCK_CRASH_KILLS ?? 12);
let dir: string;

interface Outcome {
  stdout: string;
  killed: boolean;
  code: number | null;
  stderr: string;
}

/**
 * Runs the child; kills it with SIGKILL `killAfterMs` after it printed "ready", or after spawn when `from` is
 * 'spawn', or after a file matching `from` appeared in the test folder (the backup taken just before migrating).
 */
function runChild(args: string[], killAfterMs: number, from: 'ready' | 'spawn' | RegExp = 'ready'): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill = () =>
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    const fromSpawn = from !== 'ready';
    if (from === 'spawn') kill();
    if (from instanceof RegExp) {
      const poll = setInterval(() => {
        if (fs.readdirSync(dir).some((f) => from.test(f))) {
          clearInterval(poll);
          kill();
        }
      }, 1);
      child.on('exit', () => clearInterval(poll));
    }
    child.stdout.on('data', (chunk: Buffer) => {
      if (!fromSpawn && !stdout.includes('ready') && (stdout + chunk.toString()).includes('ready')) kill();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ stdout, stderr, code, killed: killed && signal === 'SIGKILL' }));
  });
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-crash-'));
  await build({
    entryPoints: [path.join(__dirname, 'crash', 'child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'yahoo-finance2'],
    logLevel: 'warning',
    define: { __APP_VERSION__: '"crash"' },
  });
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const survived: Record<string, number> = {};
afterAll(() => {
  console.log(`crash safety: kills survived ${JSON.stringify(survived)}`);
});

describe('SIGKILL at random points', () => {
  it(`during large imports (${IMPORT_ROWS} rows each): every import wholly present or absent, every acknowledged one kept`, async () => {
    const file = path.join(dir, 'import.db');
    const services = testServices(file);
    call(services, 'portfolios:create', { name: 'Crash' });
    closeServices(services);

    const delays = fc.sample(fc.integer({ min: 0, max: 900 }), { numRuns: KILLS_PER_MODE, seed: 10 });
    const acknowledged = new Set<number>();
    let kills = 0;
    for (const delay of delays) {
      const outcome = await runChild(['import', file, RESOURCES], delay);
      for (const m of outcome.stdout.matchAll(/committed (\d+)/g)) acknowledged.add(Number(m[1]));
      expect(outcome.stderr).toBe('');
      expect(outcome.killed).toBe(true);
      kills++;

      expect(integrity(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      const imports = db
        .prepare(
          `SELECT i.file_name AS fileName, i.row_count AS rows, i.imported_count AS imported,
           (SELECT count(*) FROM positions p WHERE p.import_id = i.id) AS positions,
           (SELECT count(*) FROM import_accounts a WHERE a.import_id = i.id) AS accounts
         FROM imports i ORDER BY i.id`,
        )
        .all() as { fileName: string; rows: number; imported: number; positions: number; accounts: number }[];
      const orphans = db.prepare('SELECT count(*) AS n FROM positions WHERE import_id IS NULL').get() as { n: number };
      const accounts = db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number };
      db.close();
      // Wholly present: the import row, all its positions and its account; nothing outside an import.
      for (const row of imports)
        expect(row).toEqual({ fileName: row.fileName, rows: IMPORT_ROWS, imported: IMPORT_ROWS, positions: IMPORT_ROWS, accounts: 1 });
      expect(orphans.n).toBe(0);
      expect(accounts.n).toBe(imports.length);
      const present = new Set(imports.map((r) => Number(/crash-(\d+)\.csv/.exec(r.fileName)![1])));
      for (const n of acknowledged) expect(present.has(n)).toBe(true);
      // Each kill can land between a commit and its "committed" line: at most one unacknowledged import per child.
      expect(imports.length).toBeLessThanOrEqual(acknowledged.size + kills);
    }
    survived.import = kills;
    expect(acknowledged.size).toBeGreaterThan(0);
  }, 120_000);

  it('during a migration: the file reopens at the old or the new schema with all its rows, and any backup is complete', async () => {
    const POSITIONS = 120_000;
    const file = path.join(dir, 'migrate.db');
    const seed = () => {
      for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('migrate.db'))) fs.rmSync(path.join(dir, f));
      const { db } = openDatabase({ path: file, migrations: migrations.slice(0, 2) });
      db.exec(`
        INSERT INTO clients (name) VALUES ('Old');
        INSERT INTO portfolios (client_id, name) VALUES (1, 'Crash');
        INSERT INTO accounts (portfolio_id, name) VALUES (1, 'A');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${POSITIONS})
        INSERT INTO positions (account_id, symbol, quantity, price, currency) SELECT 1, 'S' || i, i, 1.5, 'USD' FROM n;`);
      db.close();
    };
    // How long a whole migration takes here, so kills land spread across it.
    seed();
    const started = Date.now();
    const full = await runChild(['migrate', file, RESOURCES], 60_000, 'spawn');
    const took = Date.now() - started;
    expect(full).toMatchObject({ code: 0, killed: false });

    // Half the kills land anywhere from spawn (start-up, the pre-upgrade backup); half after the backup is
    // complete, inside the migrations themselves.
    const delays = fc.sample(fc.integer({ min: 0, max: took }), { numRuns: KILLS_PER_MODE, seed: 11 });
    let kills = 0;
    let atOld = 0;
    const atNew: number[] = [];
    let killedAfterBackup = 0;
    for (const [i, delay] of delays.entries()) {
      seed();
      const afterBackup = i % 2 === 1;
      const outcome = await runChild(
        ['migrate', file, RESOURCES],
        afterBackup ? delay % 20 : delay,
        afterBackup ? /^migrate\.db\.v2-.*\.backup$/ : 'spawn',
      );
      if (!outcome.killed) continue; // finished before the kill landed
      kills++;
      if (afterBackup) killedAfterBackup++;
      expect(integrity(file)).toBe('ok');
      const probe = new Database(file, { readonly: true });
      const version = probe.pragma('user_version', { simple: true }) as number;
      probe.close();
      if (version === 2) atOld++;
      else atNew.push(version);
      expect(version).toBeGreaterThanOrEqual(2);
      expect(version).toBeLessThanOrEqual(SCHEMA_VERSION);
      // A backup file is only ever a whole one (written under .partial and renamed).
      for (const backup of fs.readdirSync(dir).filter((f) => f.startsWith('migrate.db') && f.endsWith('.backup'))) {
        expect(integrity(path.join(dir, backup))).toBe('ok');
      }
      // Reopening finishes the upgrade with every row there.
      const { db } = openDatabase({ path: file });
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT count(*) AS n, sum(quantity) AS q FROM positions').get()).toEqual({
        n: POSITIONS,
        q: (POSITIONS * (POSITIONS + 1)) / 2,
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    survived.migrate = kills;
    survived.migrateKilledAfterTheBackup = killedAfterBackup;
    survived.migrateLeftAtOldSchema = atOld;
    survived.migrateLeftPartlyUpgraded = atNew.filter((v) => v < SCHEMA_VERSION).length;
    expect(kills).toBeGreaterThan(KILLS_PER_MODE / 3);
  }, 120_000);

  it("during market-data refreshes from recorded responses: each symbol's history and holdings whole or absent", async () => {
    const file = path.join(dir, 'refresh.db');
    const services = testServices(file);
    const portfolio = call(services, 'portfolios:create', { name: 'Crash' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'A' });
    for (const symbol of ['NVDA', 'SMH', 'BAD'])
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 10, price: 10 });
    call(services, 'positions:create', {
      accountId: account.id,
      symbol: 'EUR',
      quantity: 5,
      price: 1,
      currency: 'EUR',
      assetClass: 'cash',
    });
    closeServices(services);

    const counts = (db: Database.Database) => ({
      prices: db.prepare('SELECT symbol, count(*) AS n FROM prices GROUP BY symbol ORDER BY symbol').all(),
      holdings: db.prepare('SELECT fund, count(*) AS n FROM fund_holdings GROUP BY fund ORDER BY fund').all(),
    });
    // The whole refresh once, for the counts a complete one leaves.
    const reference = path.join(dir, 'refresh-reference.db');
    fs.copyFileSync(file, reference);
    const whole = await runChild(['refresh', reference, RESOURCES, OWN_YAHOO_FIXTURES], 3_000);
    expect(whole.stdout).toContain('refreshed');
    const refDb = new Database(reference, { readonly: true });
    const complete = counts(refDb);
    refDb.close();
    expect(complete.prices.length).toBeGreaterThan(0);

    const delays = fc.sample(fc.integer({ min: 0, max: 400 }), { numRuns: KILLS_PER_MODE, seed: 12 });
    let kills = 0;
    for (const delay of delays) {
      const outcome = await runChild(['refresh', file, RESOURCES, OWN_YAHOO_FIXTURES], delay);
      expect(outcome.stderr).toBe('');
      if (!outcome.killed) continue;
      kills++;
      expect(integrity(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      const now = counts(db);
      db.close();
      for (const row of now.prices as { symbol: string; n: number }[]) expect(complete.prices).toContainEqual(row);
      for (const row of now.holdings as { fund: string; n: number }[]) expect(complete.holdings).toContainEqual(row);
    }
    survived.refresh = kills;
    expect(kills).toBe(KILLS_PER_MODE);
  }, 120_000);
});
