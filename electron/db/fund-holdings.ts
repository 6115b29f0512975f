import type { Database } from 'better-sqlite3';

export type HoldingsOrigin = 'bundled' | 'market-data';

/** A stored constituent row of a fund. */
export interface FundHoldingRow {
  fund: string;
  symbol: string;
  weight: number;
  origin: HoldingsOrigin;
  asOf: string;
  source: string;
}

/** Holdings rows of the given funds (every fund when null), largest weight first, in one query. */
export function listFundHoldings(db: Database, funds: readonly string[] | null): FundHoldingRow[] {
  const sql = 'SELECT fund, symbol, weight, origin, as_of AS asOf, source FROM fund_holdings';
  const order = 'ORDER BY fund, origin, weight DESC, symbol';
  const rows =
    funds === null
      ? db.prepare(`${sql} ${order}`).all()
      : db.prepare(`${sql} WHERE fund IN (SELECT value FROM json_each(:funds)) ${order}`).all({ funds: JSON.stringify(funds) });
  return rows as FundHoldingRow[];
}

/** Replaces one fund's holdings from one origin (call inside a transaction). */
export function replaceFundHoldings(
  db: Database,
  fund: string,
  origin: HoldingsOrigin,
  asOf: string,
  source: string,
  holdings: readonly { symbol: string; weight: number }[],
): void {
  db.prepare('DELETE FROM fund_holdings WHERE fund = :fund AND origin = :origin').run({ fund, origin });
  const insert = db.prepare(
    `INSERT INTO fund_holdings (fund, symbol, weight, origin, as_of, source)
     VALUES (:fund, :symbol, :weight, :origin, :asOf, :source)`,
  );
  for (const h of holdings) insert.run({ fund, origin, asOf, source, symbol: h.symbol, weight: h.weight });
}

/** Removes every fund's holdings of one origin. */
export function deleteFundHoldings(db: Database, origin: HoldingsOrigin): number {
  return db.prepare('DELETE FROM fund_holdings WHERE origin = :origin').run({ origin }).changes;
}
