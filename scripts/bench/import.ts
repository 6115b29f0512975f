import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { commitImport } from '../../electron/services/imports';
import { closeServices } from '../../electron/services/services';
import { buildPreview } from '../../shared/import/pipeline';
import { benchServices, collectGarbage, type Figure } from './harness';

const ROWS = 100_000;
const RUNS = 7;

/** A generated positions export: 20 accounts × 5,000 symbols, dollar amounts with thousands separators. */
export function generatePositionsCsv(rows: number): string {
  const lines = ['Account,Symbol,Description,Quantity,Price,Market Value,Cost Basis,Currency'];
  for (let i = 0; i < rows; i++) {
    const quantity = 1 + (i % 997) + (i % 4) / 4;
    const price = 5 + ((i * 37) % 9000) / 10;
    const value = (quantity * price).toFixed(2);
    lines.push(
      `Account ${i % 20},S${i},Security number ${i},${quantity},$${price.toFixed(2)},"$${Number(value).toLocaleString('en-US')}",${(Number(value) * 0.9).toFixed(2)},USD`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Checks the generated file reads as every row a position; its preview is not kept (it would weigh on every timed run). */
function checkPreview(text: string): void {
  const preview = buildPreview(text, { fileName: 'positions.csv' });
  if (!preview.ok || preview.preview.positions.length !== ROWS) throw new Error('the generated file did not preview as 100,000 positions');
}

function stats(name: string, times: number[], note?: string): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: times.length,
    unit: 'ms',
    note,
  };
}

function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Import figures: the pure pipeline, the full commit into a fresh database file, and sqlite3's own .import. */
export function importBenchmarks(): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-bench-import-'));
  try {
    const text = generatePositionsCsv(ROWS);
    const csv = path.join(dir, 'positions.csv');
    fs.writeFileSync(csv, text);
    checkPreview(text);
    // Each timed run starts after a full collection: the garbage of the run before (or of seeding a database) is not its.
    const pure = Array.from({ length: RUNS }, () => {
      collectGarbage();
      return time(() => void buildPreview(text, { fileName: 'positions.csv' }));
    });
    // Ours and sqlite3's runs alternate so that a change in machine load hits both alike.
    const full: number[] = [];
    const sqlite: number[] = [];
    const sqliteIndexed: number[] = [];
    // sqlite3 reads the same file into the same 8 columns as text and numbers as written (no parsing of "$1,234.56",
    // no validation, no undo data): a bare table, and one with the two lookup indexes positions has (account, symbol).
    const schema = `CREATE TABLE positions (account TEXT, symbol TEXT, name TEXT, quantity REAL, price TEXT, market_value TEXT, cost_basis REAL, currency TEXT);`;
    const indexes = 'CREATE INDEX positions_account ON positions (account); CREATE INDEX positions_symbol ON positions (symbol);';
    /** Times one sqlite3 .import, then (untimed) checks that it wrote every row. */
    const sqliteImport = (db: string, ddl: string): number => {
      const elapsed = time(() => {
        const done = spawnSync(
          'sqlite3',
          [db, '-cmd', ddl, '-cmd', 'PRAGMA journal_mode = WAL;', `.import --csv --skip 1 ${csv} positions`],
          { encoding: 'utf8' },
        );
        if (done.status !== 0 || done.stderr) throw new Error(`sqlite3 .import failed: ${done.stderr || done.error}`);
      });
      const count = spawnSync('sqlite3', [db, 'SELECT count(*) FROM positions;'], { encoding: 'utf8' }).stdout.trim();
      if (count !== String(ROWS)) throw new Error(`sqlite3 .import wrote ${count} rows, not ${ROWS}`);
      return elapsed;
    };
    for (let run = 0; run < RUNS; run++) {
      const services = benchServices(path.join(dir, `ours-${run}.sqlite`), { seedSample: false });
      const client = createClient(services.db, { name: 'Bench' });
      const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Book', baseCurrency: 'USD' });
      collectGarbage();
      full.push(time(() => void commitImport(services.db, { portfolioId: portfolio.id, fileName: 'positions.csv', text })));
      closeServices(services);
      sqlite.push(sqliteImport(path.join(dir, `sqlite3-${run}.sqlite`), schema));
      sqliteIndexed.push(sqliteImport(path.join(dir, `sqlite3-indexed-${run}.sqlite`), schema + indexes));
    }
    const ours = stats('import 100,000-row CSV: parse + validate + commit (file DB)', full);
    const theirs = stats('sqlite3 .import of the same rows into a bare 8-column table (Debian sqlite3 CLI)', sqlite);
    const theirsIndexed = stats('sqlite3 .import of the same rows, table with account and symbol indexes', sqliteIndexed);
    const ratio = ours.median / theirs.median;
    ours.note = `${(ours.median / 1000).toFixed(2)} s; ${ratio.toFixed(2)}× sqlite3 .import (targets: < 2 s, ≤ 3×)`;
    theirsIndexed.note = `ours is ${(ours.median / theirsIndexed.median).toFixed(2)}× this one`;
    return [stats('import 100,000-row CSV: parse + validate + preview (pure)', pure), ours, theirs, theirsIndexed];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
