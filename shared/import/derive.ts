import { isCashEquivalent } from '../domain/cash-equivalents';
import { minorUnit } from '../domain/valuation';
import { movesShares } from './actions';
import { deriveCash, type CashFlow } from './derive-cash';
import { shortfallFinding } from './findings';
import { isParQuotedBond } from './summary';
import type { HistoryShortfall, ImportFindingDraft, ImportPosition, ImportRecord, OpeningDecision } from './types';

/** Positions, warnings and the decisions taken, derived from a transaction history. */
export interface Derived {
  positions: ImportPosition[];
  warnings: string[];
  shortfalls: HistoryShortfall[];
  findings: ImportFindingDraft[];
}

interface Holding {
  account: string;
  symbol: string;
  name: string;
  quantity: number;
  cost: number;
  price: number | null;
  currency: string;
  asOf: string | null;
  /** The running quantity exactly as the file states it (no opening, no clamp), and its lowest point. */
  stated: number;
  lowest: number;
  firstShortDate: string | null;
  isMarkedShort: boolean;
  /** The user's decision for this holding, if any. */
  chosen: OpeningDecision | undefined;
  /** Shares of an entered opening quantity still held: their cost is not in the file. */
  unknownCostQuantity: number;
  /** Shares sold beyond what was held and clamped away. */
  clamped: number;
  /** A listed option's shares per contract (quantity is contracts); undefined for anything else. */
  multiplier?: number;
  /** A trade paid about a hundredth of quantity × price: the price is per 100 of face (a bond quoted in percent). */
  isPerHundred?: boolean;
}

const EPSILON = 1e-9;

/** The decision the caller gave for a holding: its `account:symbol` key first, then its symbol. */
function chosenFor(openings: DeriveOptions['openings'], account: string, symbol: string): OpeningDecision | undefined {
  return openings?.[`${account}:${symbol}`] ?? openings?.[symbol];
}

/** Whether a holding may go below zero: the user chose "keep as short", or chose nothing and the file marks it short. */
function mayBeShort(h: Holding): boolean {
  return h.chosen ? h.chosen.kind === 'short' : h.isMarkedShort;
}

export interface DeriveOptions {
  /** The file lists trades only: no cash is derived. */
  hasNoCash?: boolean;
  /** Decisions for holdings the history sells more of than it shows bought (see PipelineOptions.openings). */
  openings?: Readonly<Record<string, OpeningDecision>>;
  /** Cash rows read from another table of the file (Vanguard UK's cash table, next to its trades), oldest first. */
  cashFlows?: readonly CashFlow[];
}

/** Orders records oldest first; most exports list newest first, and then same-day rows are reversed too. */
function chronological(records: readonly ImportRecord[]): ImportRecord[] {
  const isNewestFirst = records.length > 1 && (records[0].date ?? '') > (records[records.length - 1].date ?? '');
  return records
    .map((r, i) => ({ r, i: isNewestFirst ? -i : i }))
    .sort((a, b) => (a.r.date ?? '').localeCompare(b.r.date ?? '') || a.i - b.i)
    .map(({ r }) => r);
}

/** Applies one share-moving record to its holding: quantity, average cost, last price; clamps an unintended short. */
function applyTrade(h: Holding, r: ImportRecord & { quantity: number }): void {
  const q = r.quantity;
  h.stated += q;
  if (h.stated < h.lowest) h.lowest = h.stated;
  if (h.stated < -EPSILON && h.firstShortDate === null) h.firstShortDate = r.date;
  if (r.isShortMarked) h.isMarkedShort = true;
  const before = h.quantity;
  if (q > 0 && (r.txClass === 'buy' || r.txClass === 'shares-in' || r.txClass === 'shares')) {
    const paid = r.txClass === 'buy' ? (r.price !== null ? r.price * q : Math.abs(r.amount ?? 0)) : 0;
    // Covering a short first: only the shares beyond it are a holding with a cost.
    h.cost += before < -EPSILON ? paid * Math.max(0, (before + q) / q) : paid;
  } else if (q < 0 && before > EPSILON) {
    const kept = Math.max(0, (before + q) / before);
    h.cost *= kept;
    h.unknownCostQuantity *= kept;
  }
  h.quantity += q;
  if (h.quantity < -EPSILON && !mayBeShort(h)) {
    // The history sells what it never showed bought: it starts after the purchase. Closed, not short.
    h.clamped += -h.quantity;
    h.quantity = 0;
    h.cost = 0;
    h.unknownCostQuantity = 0;
  }
  // A split changes the share count, not the value: scale the last price with it.
  if (r.txClass === 'split' && h.price !== null && before > EPSILON && h.quantity > EPSILON) h.price *= before / h.quantity;
  if (r.price !== null && r.price > 0 && r.txClass !== 'shares' && r.txClass !== 'split') {
    h.price = r.price;
    h.currency = r.priceCurrency ?? r.currency;
  }
  if (!h.name && r.name) h.name = r.name;
  h.asOf = r.date;
  // 2000 of a BTP bought at 99.50 for 1,990.00 (Fineco): the price is percent of the face, whatever the symbol.
  const isSameCurrency = r.priceCurrency === null || r.priceCurrency === r.currency;
  // A price in a minor unit (pence) against an amount in its major currency is also a hundredth: not a bond.
  const isMinorPrice = minorUnit(r.priceCurrency ?? r.currency) !== undefined;
  if ((r.txClass === 'buy' || r.txClass === 'sell') && r.price && r.amount && isSameCurrency && !isMinorPrice) {
    const ratio = Math.abs((q * r.price) / r.amount);
    if (ratio > 90 && ratio < 110) h.isPerHundred = true;
  }
}

/**
 * Replays a transaction history: shares per account and symbol (buys, sells, reinvestments, transfers, splits as
 * stated), the last traded price and average cost. A sale beyond what the history shows held means the history
 * starts mid-way: the holding is closed at zero unless the caller enters an opening quantity or keeps it short
 * (the default when the file marks the sale short). Cash comes from the file's balance column, or from the amounts
 * only when the history starts from zero (see deriveCash).
 */
export function derivePositions(records: readonly ImportRecord[], options: DeriveOptions = {}): Derived {
  const ordered = chronological(records);
  const holdings = new Map<string, Holding>();
  const flows: CashFlow[] = [];
  for (const r of ordered) {
    if (r.txClass && movesShares(r.txClass) && r.quantity !== null) {
      const key = `${r.account}\u0000${r.symbol}`;
      let h = holdings.get(key);
      if (!h) {
        const chosen = chosenFor(options.openings, r.account, r.symbol);
        const opening = chosen?.kind === 'opening' ? chosen.quantity : 0;
        h = {
          account: r.account,
          symbol: r.symbol,
          name: r.name,
          quantity: opening,
          cost: 0,
          price: null,
          currency: r.priceCurrency ?? r.currency,
          asOf: null,
          stated: 0,
          lowest: 0,
          firstShortDate: null,
          isMarkedShort: false,
          chosen,
          unknownCostQuantity: opening,
          clamped: 0,
          ...(r.option && { multiplier: r.option.multiplier }),
        };
        holdings.set(key, h);
      }
      applyTrade(h, r as ImportRecord & { quantity: number });
    }
    if (r.amount !== null || r.balance !== null)
      flows.push({ account: r.account, currency: r.currency, date: r.date, amount: r.amount ?? 0, balance: r.balance });
  }
  const derived = collect([...holdings.values()]);
  const startsMidway = new Set(derived.shortfalls.map((s) => s.account));
  // Another table's cash rows join the trades' own in date order (a stable sort keeps each day's rows as listed).
  if (options.cashFlows?.length) {
    flows.push(...options.cashFlows);
    flows.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  }
  const cash = deriveCash(flows, { hasNoCash: options.hasNoCash === true, startsMidway });
  const positions = [...derived.positions, ...cash.positions];
  positions.sort(
    (a, b) =>
      a.account.localeCompare(b.account) ||
      Number(a.assetClass === 'cash' && a.symbol === a.currency) - Number(b.assetClass === 'cash' && b.symbol === b.currency) ||
      a.symbol.localeCompare(b.symbol),
  );
  const warnings = [...derived.warnings, ...cash.warnings, ...unusedOpenings(options.openings, holdings)];
  return { positions, warnings, shortfalls: derived.shortfalls, findings: [...derived.findings, ...cash.findings] };
}

/** Decisions given for symbols the file does not trade: said, not silently dropped. */
function unusedOpenings(openings: DeriveOptions['openings'], holdings: Map<string, Holding>): string[] {
  if (!openings) return [];
  const known = new Set<string>();
  for (const h of holdings.values()) known.add(h.symbol).add(`${h.account}:${h.symbol}`);
  const unused = Object.keys(openings).filter((k) => !known.has(k));
  return unused.length ? [`A decision was given for ${unused.join(', ')}, which this file does not trade; it was not used.`] : [];
}

function collect(holdings: readonly Holding[]): Omit<Derived, 'warnings'> & { warnings: string[] } {
  const positions: ImportPosition[] = [];
  const shortfalls: HistoryShortfall[] = [];
  const findings: ImportFindingDraft[] = [];
  const unpriced: string[] = [];
  for (const h of holdings) {
    const quantity = Math.abs(h.quantity) < 1e-6 ? 0 : Math.round(h.quantity * 1e8) / 1e8;
    const shortfall = h.lowest < -1e-6 ? Math.round(-h.lowest * 1e8) / 1e8 : 0;
    if (shortfall > 0 || h.chosen?.kind === 'opening') {
      const decision: OpeningDecision = h.chosen ?? (h.isMarkedShort ? { kind: 'short' } : { kind: 'closed' });
      const entry: HistoryShortfall = {
        account: h.account,
        symbol: h.symbol,
        name: h.name,
        shortfall,
        firstDate: h.firstShortDate,
        isMarkedShort: h.isMarkedShort,
        decision,
        quantity,
      };
      shortfalls.push(entry);
      findings.push(shortfallFinding(entry, h.clamped, h.unknownCostQuantity > 1e-6));
    }
    if (quantity === 0) continue;
    if (h.price === null) unpriced.push(h.symbol);
    const price = h.price ?? 0;
    const isBond =
      h.multiplier === undefined && (isParQuotedBond({ symbol: h.symbol, name: h.name, price, quantity }) || h.isPerHundred === true);
    // Minor-unit (pence, cents, agorot) and percent-of-par quotes become prices per unit in the major currency; a bond's
    // cost (price × face) is per 100 of face too; an option's per-share premium becomes its price per contract.
    const minor = minorUnit(h.currency);
    const scale = (minor ? 1 / minor.factor : isBond ? 100 : 1) / (h.multiplier ?? 1);
    const [unitPrice, currency] = [price / scale, minor ? minor.major : h.currency];
    const cost = h.cost / scale;
    const hasKnownCost = quantity > 0 && cost > 0 && h.unknownCostQuantity <= 1e-6;
    positions.push({
      account: h.account,
      symbol: h.symbol,
      name: h.name,
      assetClass: h.multiplier !== undefined ? 'other' : isBond ? 'bond' : isCashEquivalent(h.symbol, h.name) ? 'cash' : 'equity',
      quantity,
      price: unitPrice,
      marketValue: null,
      costBasis: hasKnownCost ? cost : null,
      currency,
      asOf: h.asOf,
      ...(quantity < 0 && { isShortIntended: true }),
      ...(isBond && { isParQuoted: true }),
      ...(h.multiplier !== undefined && { multiplier: h.multiplier }),
    });
  }
  const warnings = unpriced.length
    ? [`No trade price in the file for ${unpriced.join(', ')}: entered at price 0; set the price in Holdings.`]
    : [];
  return { positions, shortfalls, findings, warnings };
}
