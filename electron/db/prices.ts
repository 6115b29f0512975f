import type { Database } from 'better-sqlite3';

/** One daily close of a security, or of an FX pair under its Yahoo symbol (EURUSD=X: dollars per euro). */
export interface PriceRow {
  symbol: string;
  date: string;
  close: number;
  adjClose: number | null;
  source: string;
}

/** Stores closes; `replace` lets newer market data overwrite, otherwise existing rows are kept. */
export function insertPrices(db: Database, rows: readonly PriceRow[], mode: 'replace' | 'keep'): number {
  const conflict =
    mode === 'replace'
      ? 'ON CONFLICT (symbol, date) DO UPDATE SET close = excluded.close, adj_close = excluded.adj_close, source = excluded.source'
      : 'ON CONFLICT (symbol, date) DO NOTHING';
  const insert = db.prepare(
    `INSERT INTO prices (symbol, date, close, adj_close, source) VALUES (:symbol, :date, :close, :adjClose, :source) ${conflict}`,
  );
  let changed = 0;
  for (const row of rows) changed += insert.run(row).changes;
  return changed;
}

/** Closes of one symbol between two dates inclusive, oldest first. */
export function listPrices(db: Database, symbol: string, from = '0000-01-01', to = '9999-12-31'): PriceRow[] {
  return db
    .prepare(
      `SELECT symbol, date, close, adj_close AS adjClose, source FROM prices
       WHERE symbol = :symbol AND date BETWEEN :from AND :to ORDER BY date`,
    )
    .all({ symbol, from, to }) as PriceRow[];
}

/** Per symbol: first and last date and number of closes. */
export function summarisePrices(db: Database): { symbol: string; first: string; last: string; count: number }[] {
  return db
    .prepare('SELECT symbol, MIN(date) AS first, MAX(date) AS last, COUNT(*) AS count FROM prices GROUP BY symbol ORDER BY symbol')
    .all() as { symbol: string; first: string; last: string; count: number }[];
}

/** Stores one symbol's closes in a single statement (bulk load of bundled series); existing rows are kept. */
export function insertPriceSeries(
  db: Database,
  symbol: string,
  dates: readonly string[],
  closes: readonly number[],
  source: string,
): number {
  return db
    .prepare(
      `INSERT INTO prices (symbol, date, close, adj_close, source)
       SELECT :symbol, value ->> 0, value ->> 1, value ->> 1, :source
       FROM json_each(:rows)
       WHERE true
       ON CONFLICT (symbol, date) DO NOTHING`,
    )
    .run({ symbol, source, rows: JSON.stringify(dates.map((date, i) => [date, closes[i]])) }).changes;
}

/** Adjusted closes (close where no adjusted figure) of several symbols up to a date, oldest first, in one query. */
export function listCloseSeries(
  db: Database,
  symbols: readonly string[],
  to = '9999-12-31',
): Map<string, { dates: string[]; closes: number[] }> {
  const rows = db
    .prepare(
      `SELECT symbol, date, COALESCE(adj_close, close) AS close FROM prices
       WHERE symbol IN (SELECT value FROM json_each(:symbols)) AND date <= :to ORDER BY symbol, date`,
    )
    .raw()
    .all({ symbols: JSON.stringify(symbols), to }) as [string, string, number][];
  const out = new Map<string, { dates: string[]; closes: number[] }>();
  for (const [symbol, date, close] of rows) {
    let series = out.get(symbol);
    if (!series) out.set(symbol, (series = { dates: [], closes: [] }));
    series.dates.push(date);
    series.closes.push(close);
  }
  return out;
}
