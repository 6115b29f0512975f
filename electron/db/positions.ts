import type { Database } from 'better-sqlite3';
import type { AssetClass, Position } from '../../shared/domain/types';
import type { CurrencySum } from '../../shared/domain/valuation';
import type { ImportPosition } from '../../shared/import/types';
import { found } from './errors';

/** A positions row joined with its account's name, as the SELECTs here (and proposals' copies of them) read it. */
export interface PositionRow {
  id: number;
  account_id: number;
  account_name: string;
  symbol: string;
  name: string;
  asset_class: AssetClass;
  quantity: number;
  price: number | null;
  market_value: number | null;
  cost_basis: number | null;
  currency: string;
  as_of: string | null;
  is_short_intended: number;
  /** Shares per contract of a listed option (proposal copies do not carry it). */
  multiplier?: number | null;
  /** A listed option's volatility as the user gave it. */
  volatility?: number | null;
}

/** Columns a caller may set on a position. */
export interface PositionInput {
  accountId: number;
  symbol: string;
  name?: string;
  assetClass?: AssetClass;
  quantity: number;
  price?: number | null;
  marketValue?: number | null;
  costBasis?: number | null;
  currency: string;
  asOf?: string | null;
  importId?: number | null;
  /** Unset keeps the stored mark (false for a new position). */
  isShortIntended?: boolean;
  /** Shares per contract of a listed option (its symbol is the OCC symbol); null or unset for anything else. */
  multiplier?: number | null;
  /** A listed option's annualised volatility as the user gave it; null or unset otherwise. */
  volatility?: number | null;
}

const SELECT = `
  SELECT x.id, x.account_id, a.name AS account_name, x.symbol, x.name, x.asset_class, x.quantity,
         x.price, x.market_value, x.cost_basis, x.currency, x.as_of, x.is_short_intended, x.multiplier,
         x.volatility
  FROM positions x JOIN accounts a ON a.id = x.account_id`;

/** A position from its row. */
export function hydrate(row: PositionRow): Position {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    symbol: row.symbol,
    name: row.name,
    assetClass: row.asset_class,
    quantity: row.quantity,
    price: row.price,
    marketValue: row.market_value,
    costBasis: row.cost_basis,
    currency: row.currency,
    asOf: row.as_of,
    isShortIntended: row.is_short_intended === 1,
    ...(row.multiplier != null && { multiplier: row.multiplier }),
    ...(row.volatility != null && { volatility: row.volatility }),
  };
}

/** Positions of one account. */
export function listAccountPositions(db: Database, accountId: number): Position[] {
  const rows = db.prepare(`${SELECT} WHERE x.account_id = :accountId ORDER BY x.symbol, x.id`).all({ accountId });
  return (rows as PositionRow[]).map(hydrate);
}

/** Positions of every account in a portfolio. */
export function listPortfolioPositions(db: Database, portfolioId: number): Position[] {
  const rows = db
    .prepare(`${SELECT} WHERE a.portfolio_id = :portfolioId ORDER BY a.name COLLATE NOCASE, x.symbol, x.id`)
    .all({ portfolioId });
  return (rows as PositionRow[]).map(hydrate);
}

/** Every position of every portfolio, grouped by portfolio id: the firm-wide run reads them in one query. */
export function listPositionsByPortfolio(db: Database): Map<number, Position[]> {
  const rows = db
    .prepare(
      `${SELECT.replace('SELECT x.id', 'SELECT a.portfolio_id, x.id')} ORDER BY a.portfolio_id, a.name COLLATE NOCASE, x.symbol, x.id`,
    )
    .all() as (PositionRow & { portfolio_id: number })[];
  const byPortfolio = new Map<number, Position[]>();
  for (const row of rows) {
    const list = byPortfolio.get(row.portfolio_id);
    if (list) list.push(hydrate(row));
    else byPortfolio.set(row.portfolio_id, [hydrate(row)]);
  }
  return byPortfolio;
}

/**
 * Holdings summed per currency for each client or each portfolio: the client list's and portfolio list's totals
 * without reading every position.
 */
export function sumPositionsBy(db: Database, owner: 'client' | 'portfolio'): Map<number, CurrencySum[]> {
  // The CASE is localValue() in shared/domain/valuation.ts: quantity × price, else the imported market value.
  const rows = db
    .prepare(
      `SELECT ${owner === 'client' ? 'p.client_id' : 'p.id'} AS ownerId, x.currency AS currency, COUNT(*) AS positions,
              TOTAL(CASE WHEN x.price IS NOT NULL THEN x.quantity * x.price ELSE COALESCE(x.market_value, 0) END) AS localValue
       FROM positions x JOIN accounts a ON a.id = x.account_id JOIN portfolios p ON p.id = a.portfolio_id
       GROUP BY ownerId, x.currency`,
    )
    .all() as (CurrencySum & { ownerId: number })[];
  const byOwner = new Map<number, CurrencySum[]>();
  for (const { ownerId, ...sum } of rows) {
    const list = byOwner.get(ownerId);
    if (list) list.push(sum);
    else byOwner.set(ownerId, [sum]);
  }
  return byOwner;
}

/** One position, or a not-found error. */
export function getPosition(db: Database, id: number): Position {
  return hydrate(found(db.prepare(`${SELECT} WHERE x.id = :id`).get({ id }) as PositionRow | undefined, 'Position', id));
}

/** The SQL parameters of what a position and a proposal position share, unset fields given their defaults. */
export function holdingParams(input: Omit<PositionInput, 'accountId' | 'importId' | 'isShortIntended'>) {
  return {
    symbol: input.symbol,
    name: input.name ?? '',
    assetClass: input.assetClass ?? 'equity',
    quantity: input.quantity,
    price: input.price ?? null,
    marketValue: input.marketValue ?? null,
    costBasis: input.costBasis ?? null,
    currency: input.currency,
    asOf: input.asOf ?? null,
  };
}

function params(input: PositionInput) {
  return {
    accountId: input.accountId,
    ...holdingParams(input),
    importId: input.importId ?? null,
    isShortIntended: input.isShortIntended === undefined ? null : Number(input.isShortIntended),
    multiplier: input.multiplier ?? null,
    volatility: input.volatility ?? null,
  };
}

/** Adds a position to an account. */
export function insertPosition(db: Database, input: PositionInput): Position {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO positions (account_id, symbol, name, asset_class, quantity, price, market_value,
                              cost_basis, currency, as_of, import_id, is_short_intended, multiplier, volatility)
       VALUES (:accountId, :symbol, :name, :assetClass, :quantity, :price, :marketValue,
               :costBasis, :currency, :asOf, :importId, COALESCE(:isShortIntended, 0), :multiplier, :volatility)`,
    )
    .run(params(input));
  return getPosition(db, Number(lastInsertRowid));
}

/** Replaces a position's editable fields. */
export function updatePosition(db: Database, id: number, input: PositionInput): Position {
  getPosition(db, id);
  db.prepare(
    `UPDATE positions SET account_id = :accountId, symbol = :symbol, name = :name, asset_class = :assetClass,
            quantity = :quantity, price = :price, market_value = :marketValue, cost_basis = :costBasis,
            currency = :currency, as_of = :asOf, is_short_intended = COALESCE(:isShortIntended, is_short_intended),
            multiplier = :multiplier, volatility = :volatility
     WHERE id = :id`,
  ).run({ ...params(input), id });
  return getPosition(db, id);
}

/** Deletes one position. */
export function deletePosition(db: Database, id: number): { deleted: number } {
  getPosition(db, id);
  return { deleted: db.prepare('DELETE FROM positions WHERE id = :id').run({ id }).changes };
}

const BULK_COLUMNS = `INSERT INTO positions (account_id, symbol, name, asset_class, quantity, price, market_value,
                                         cost_basis, currency, as_of, import_id, is_short_intended, multiplier) VALUES `;
/** Rows per multi-row INSERT: fewer statement runs; at most 6,500 parameters, far below SQLite's limit of 32,766. */
const BULK_BATCH = 500;

/** The columns a file usually gives one value for every position; each is bound once per statement when it does. */
const SHAREABLE = ['account', 'assetClass', 'currency', 'asOf', 'isShort', 'multiplier'] as const;
type Shareable = (typeof SHAREABLE)[number];

/**
 * Inserts the positions of one import (account names resolved through `accountIds`); call inside a transaction.
 * Bound straight from the preview's positions, 500 rows per statement: per-statement and per-value binding costs
 * dominate at 100,000 rows. A column with one value in every row (the account of a one-account file, the currency, the
 * date, the import) is a named parameter bound once per statement, not once per row.
 */
export function insertImportedPositions(
  db: Database,
  importId: number,
  positions: readonly ImportPosition[],
  accountIds: ReadonlyMap<string, number>,
): number {
  const read: Record<Shareable, (p: ImportPosition) => unknown> = {
    account: (p) => accountIds.get(p.account),
    assetClass: (p) => p.assetClass,
    currency: (p) => p.currency,
    asOf: (p) => p.asOf,
    isShort: (p) => (p.isShortIntended === true && p.quantity < 0 ? 1 : 0),
    multiplier: (p) => p.multiplier ?? null,
  };
  const shared: Record<string, unknown> = { importId };
  for (const column of SHAREABLE) {
    const first = positions.length ? read[column](positions[0]) : null;
    if (positions.every((p) => read[column](p) === first)) shared[column] = first;
  }
  const [account, assetClass, currency, asOf, isShort, multiplier] = SHAREABLE.map((c) => !(c in shared));
  const slot = (column: Shareable) => (column in shared ? `@${column}` : '?');
  const row = `(${slot('account')}, ?, ?, ${slot('assetClass')}, ?, ?, ?, ?, ${slot('currency')}, ${slot('asOf')}, @importId, ${slot('isShort')}, ${slot('multiplier')})`;
  // Six columns always vary (symbol, name, quantity, price, market value, cost basis), and so do the shareable ones that do.
  const width = 6 + [account, assetClass, currency, asOf, isShort, multiplier].filter(Boolean).length;
  /** Writes the varying values of the `count` positions from `from` into `values`. */
  const bind = (values: unknown[], from: number, count: number) => {
    let at = 0;
    for (let index = from; index < from + count; index++) {
      const p = positions[index];
      if (account) values[at++] = read.account(p);
      values[at++] = p.symbol;
      values[at++] = p.name.slice(0, 200);
      if (assetClass) values[at++] = p.assetClass;
      values[at++] = p.quantity;
      values[at++] = p.price;
      values[at++] = p.marketValue;
      values[at++] = p.costBasis;
      if (currency) values[at++] = p.currency;
      if (asOf) values[at++] = p.asOf;
      if (isShort) values[at++] = read.isShort(p);
      if (multiplier) values[at++] = read.multiplier(p);
    }
  };
  const count = positions.length;
  const batch = db.prepare(BULK_COLUMNS + Array(BULK_BATCH).fill(row).join(', '));
  const values: unknown[] = new Array(BULK_BATCH * width);
  let i = 0;
  for (; i + BULK_BATCH <= count; i += BULK_BATCH) {
    bind(values, i, BULK_BATCH);
    batch.run(values, shared);
  }
  if (i < count) {
    const tail: unknown[] = new Array((count - i) * width);
    bind(tail, i, count - i);
    db.prepare(
      BULK_COLUMNS +
        Array(count - i)
          .fill(row)
          .join(', '),
    ).run(tail, shared);
  }
  return count;
}
