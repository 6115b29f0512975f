import type { Database } from 'better-sqlite3';

export interface DurationRow {
  symbol: string;
  source: 'bundled' | 'market-data' | 'user';
  years: number;
  asOf: string | null;
}

/** Known durations of the given symbols, the user's before market data's, and those before the bundled ones. */
export function listDurations(db: Database, symbols: readonly string[]): DurationRow[] {
  if (symbols.length === 0) return [];
  return db
    .prepare(
      `SELECT symbol, source, years, as_of AS asOf FROM security_durations
       WHERE symbol IN (SELECT value FROM json_each(:symbols))
       ORDER BY symbol, CASE source WHEN 'user' THEN 0 WHEN 'market-data' THEN 1 ELSE 2 END`,
    )
    .all({ symbols: JSON.stringify(symbols) }) as DurationRow[];
}

/** Sets (or, with null, clears) a symbol's duration from one source. */
export function setDuration(db: Database, symbol: string, source: DurationRow['source'], years: number | null, asOf: string | null): void {
  if (years === null) {
    db.prepare('DELETE FROM security_durations WHERE symbol = :symbol AND source = :source').run({ symbol, source });
    return;
  }
  db.prepare(
    `INSERT INTO security_durations (symbol, source, years, as_of) VALUES (:symbol, :source, :years, :asOf)
     ON CONFLICT (symbol, source) DO UPDATE SET years = excluded.years, as_of = excluded.as_of`,
  ).run({ symbol, source, years, asOf });
}

/** Replaces every bundled duration with the given ones (symbol, years, as-of). */
export function replaceBundledDurations(db: Database, rows: readonly (readonly [string, number, string])[]): void {
  db.prepare("DELETE FROM security_durations WHERE source = 'bundled'").run();
  const insert = db.prepare("INSERT INTO security_durations (symbol, source, years, as_of) VALUES (:symbol, 'bundled', :years, :asOf)");
  for (const [symbol, years, asOf] of rows) insert.run({ symbol, years, asOf });
}
