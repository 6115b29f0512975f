import type { AccountTotal, ImportPosition, ImportPreview, ImportRecord } from './types';

const CUSIP = /^[0-9]{3}[0-9A-Z]{5}[0-9]$/;
const BOND_TEXT = /\d%|\b(BDS?|BONDS?|NOTES?|REV|MUNI|TREAS(URY)?)\b/i;

/** Tells whether a holding is a bond quoted in percent of par (Fidelity, Schwab): a CUSIP with bond wording. */
export function isParQuotedBond(symbol: string, name: string): boolean {
  return CUSIP.test(symbol) && BOND_TEXT.test(name);
}

const FUND = /\b(ETF|FUND|FD|FDS|INDEX|TRUST|UCITS|ISHARES|SPDR|VANGUARD)\b/i;
// Module constants, not literals in the function: a literal makes a new RegExp object on every call.
const BOND_TYPE = /bond|fixed income/i;
const FUND_TYPE = /fund|etf/i;

/** Turns a positions-snapshot record into a position (a cash row as cash, GBX prices in GBP). */
export function toPosition(r: ImportRecord): ImportPosition {
  const isPence = r.currency === 'GBX';
  const isBond = isParQuotedBond(r.symbol, r.name);
  return {
    account: r.account,
    symbol: r.symbol,
    name: r.name,
    assetClass: r.isCash ? 'cash' : isBond || BOND_TYPE.test(r.securityType) ? 'bond' : FUND.test(r.name) || FUND_TYPE.test(r.securityType) ? 'fund' : 'equity',
    quantity: r.quantity ?? r.marketValue ?? 0,
    price: r.price === null ? null : isPence || isBond ? r.price / 100 : r.price,
    marketValue: r.marketValue === null ? null : isPence ? r.marketValue / 100 : r.marketValue,
    costBasis: r.costBasis,
    currency: isPence ? 'GBP' : r.currency,
    asOf: r.date,
  };
}

/** The value of a position in its own currency: market value when given, else quantity × price. */
export function positionValue(p: Pick<ImportPosition, 'marketValue' | 'quantity' | 'price'>): number {
  return p.marketValue ?? p.quantity * (p.price ?? 0);
}

/** Positions and market value per account and currency, for the preview's totals. */
export function summarise(positions: readonly ImportPosition[]): AccountTotal[] {
  // Per account, then per currency: nested maps spare a joined key string per position.
  const totals = new Map<string, Map<string, AccountTotal>>();
  for (const p of positions) {
    let byCurrency = totals.get(p.account);
    if (!byCurrency) totals.set(p.account, (byCurrency = new Map()));
    let t = byCurrency.get(p.currency);
    if (!t) byCurrency.set(p.currency, (t = { account: p.account, currency: p.currency, positions: 0, marketValue: 0 }));
    t.positions++;
    t.marketValue += positionValue(p);
  }
  return [...totals.values()].flatMap((byCurrency) => [...byCurrency.values()])
    .map((t) => ({ ...t, marketValue: Math.round(t.marketValue * 100) / 100 }))
    .sort((a, b) => a.account.localeCompare(b.account) || a.currency.localeCompare(b.currency));
}

/** New rows and positions a preview sent to the screen lists; the rest are only counted. */
export const PREVIEW_ROW_LIMIT = 500;

/**
 * A preview small enough to send to the screen: every row that is not new, the first `limit` new rows
 * and positions; counts and totals stay whole, and `omitted` says how many rows and positions were left out.
 */
export function trimPreview(preview: ImportPreview, limit = PREVIEW_ROW_LIMIT): ImportPreview {
  let kept = 0;
  const rows = preview.rows.filter((r) => r.status !== 'new' || kept++ < limit);
  const positions = preview.positions.slice(0, limit);
  const earlier = preview.omitted ?? { rows: 0, positions: 0 };
  return {
    ...preview,
    rows,
    positions,
    omitted: {
      rows: earlier.rows + preview.rows.length - rows.length,
      positions: earlier.positions + preview.positions.length - positions.length,
    },
  };
}
