import { isCashEquivalent } from '../domain/cash-equivalents';
import { optionLabel } from '../domain/options';
import { localValue, minorUnit } from '../domain/valuation';
import type { AccountTotal, ImportPosition, ImportPreview, ImportRecord } from './types';

const CUSIP = /^[0-9]{3}[0-9A-Z]{5}[0-9]$/;
const BOND_TEXT = /\d%|\b(BDS?|BONDS?|NOTES?|REV|MUNI|TREAS(URY)?|BILLS?|DEBS?|CORP NT)\b/i;
/** A price this close to 100 reads as percent of par (T-bills 95–100, notes and munis 80–120, distressed corporates lower). */
const PAR_PRICE = { min: 40, max: 160 };

/** What isParQuotedBond looks at; marketValue is decisive when the file gives it. */
export interface BondClues {
  symbol: string;
  name: string;
  price: number | null;
  quantity: number | null;
  marketValue?: number | null;
  securityType?: string;
}

/**
 * Tells whether a holding is a bond quoted in percent of par (Fidelity, Schwab, most US brokers): a CUSIP-shaped
 * symbol whose market value is quantity × price / 100; without a market value, one with bond wording in its name or
 * type, or a price near 100 on a whole face amount of 1,000 or more (T-bills, notes, munis, corporates with no name).
 */
export function isParQuotedBond(c: BondClues): boolean {
  if (!CUSIP.test(c.symbol)) return false;
  const { price, quantity, marketValue } = c;
  if (price !== null && price > 0 && quantity !== null && quantity !== 0 && marketValue != null && marketValue !== 0) {
    const perHundred = Math.abs((quantity * price) / 100 - marketValue);
    const perUnit = Math.abs(quantity * price - marketValue);
    return perHundred < perUnit;
  }
  if (BOND_TEXT.test(c.name) || BOND_TYPE.test(c.securityType ?? '')) return true;
  return (
    price !== null &&
    price >= PAR_PRICE.min &&
    price <= PAR_PRICE.max &&
    quantity !== null &&
    Number.isInteger(quantity) &&
    quantity >= 1000
  );
}

const FUND = /\b(ETF|FUND|FD|FDS|INDEX|TRUST|UCITS|ISHARES|SPDR|VANGUARD)\b/i;
// Module constants, not literals in the function: a literal makes a new RegExp object on every call.
const BOND_TYPE = /bond|fixed income/i;
const FUND_TYPE = /fund|etf/i;
/** Market value and quantity × price further apart than this share of the market value: the broker's value is kept. */
const VALUE_TOLERANCE = 0.01;

function assetClassOf(r: ImportRecord, isBond: boolean): ImportPosition['assetClass'] {
  if (r.isCash || isCashEquivalent(r.symbol, r.name)) return 'cash';
  if (isBond || BOND_TYPE.test(r.securityType)) return 'bond';
  return FUND.test(r.name) || FUND_TYPE.test(r.securityType) ? 'fund' : 'equity';
}

/**
 * Turns a positions-snapshot record into a position (a cash row as cash, GBX prices in GBP, bonds per unit of face).
 * When the file gives a market value, it is kept (the number on the statement): the price becomes market value /
 * quantity, and when quantity × price was more than 1% off, `valueFromPrice` keeps that product for the preview.
 */
export function toPosition(r: ImportRecord): ImportPosition {
  // A quote in a minor unit (pence, cents, agorot) becomes one in its major currency; a bond's is per 100 of face.
  const minor = minorUnit(r.currency);
  const option = r.isCash ? undefined : r.option;
  const isBond = !r.isCash && !option && isParQuotedBond(r);
  // Divided (not multiplied by 0.01) so 3,850 pence are exactly 38.5 pounds; an option's per-share premium becomes
  // its price per contract (× multiplier), so quantity × price is its value.
  const minorScale = minor ? 1 / minor.factor : 1;
  const scale = (minor ? minorScale : isBond ? 100 : 1) / (option ? option.multiplier : 1);
  const quantity = r.quantity ?? r.marketValue ?? 0;
  let price = r.price === null ? null : r.price / scale;
  const marketValue = r.marketValue === null ? null : minor ? r.marketValue / minorScale : r.marketValue;
  let valueFromPrice: number | undefined;
  if (!r.isCash && price !== null && marketValue !== null && quantity !== 0) {
    const product = quantity * price;
    // The stored value is quantity × price: a price that does not give the statement's value (a delayed last price,
    // a rounded one) is replaced by market value / quantity, and a gap over 1% is shown and recorded. A cent is rounding.
    if (Math.abs(product - marketValue) > 0.01) price = marketValue / quantity;
    if (Math.abs(product - marketValue) > VALUE_TOLERANCE * Math.abs(marketValue)) valueFromPrice = Math.round(product * 100) / 100;
  }
  const position: ImportPosition = {
    account: r.account,
    symbol: r.symbol,
    name: r.name || (option ? optionLabel(option) : ''),
    assetClass: option ? 'other' : assetClassOf(r, isBond),
    quantity,
    price,
    marketValue,
    costBasis: r.costBasis,
    currency: minor ? minor.major : r.currency,
    asOf: r.date,
  };
  // Set only when they apply (not as spreads: this runs once per row of a 100,000-row file).
  if (valueFromPrice !== undefined) position.valueFromPrice = valueFromPrice;
  if (isBond) position.isParQuoted = true;
  if (option) position.multiplier = option.multiplier;
  return position;
}

/** The value of a position in its own currency, by the rule the stored holdings use (localValue): the preview and the import agree. */
export function positionValue(p: Pick<ImportPosition, 'marketValue' | 'quantity' | 'price'>): number {
  return localValue(p);
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
  return [...totals.values()]
    .flatMap((byCurrency) => [...byCurrency.values()])
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
