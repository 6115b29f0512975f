import type { Book, BookIssue, FundLookThrough, LeverageLink, SecurityKey } from './book';
import { multiplierText } from '../domain/leveraged-etfs';
import { compileScenario, composeReturn, signedPercent, type CompiledScenario, type CurrencyMove, type Provenance } from './match';
import {
  COVERAGE_PARTS,
  coveragePartOf,
  EXPLICIT,
  NO_SHOCK,
  PART_COUNT,
  THROUGH_FUNDS,
  UNCLASSIFIED_PART,
  type CoveragePart,
} from './parts';
import type { Scenario } from './scenario';
import { scenarioTotals } from './totals';
import { optionGroupMove, type OptionDetail } from './options-pass';

export const DIMENSIONS = ['account', 'sector', 'industry', 'theme', 'country', 'assetClass', 'currency', 'symbol'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type MoveSource = 'explicit' | 'market' | 'none' | 'propagated' | 'proxy' | 'mixed';

export interface PositionResult {
  id: number;
  symbol: string;
  name: string;
  accountName: string;
  currency: string;
  value: number;
  pnl: number;
  return: number;
  source: MoveSource;
  throughFund: boolean;
  /** What moved it, in words: the matching shock, or the fund it was looked through. */
  applied: string;
  /** Low/high return from estimation uncertainty where part of the move was propagated. */
  band?: { low: number; high: number };
  /** An option revalued on its underlying's move: model value before and after, delta, gamma and the volatility used. */
  option?: OptionDetail;
}

export interface AggregateRow {
  key: string;
  value: number;
  pnl: number;
  /** P&L over value; null when the group's value is zero or negative (see `returnOn`). */
  return: number | null;
  /** P&L at the low and high ends of propagated bands, when part of the group was propagated. */
  band?: { low: number; high: number };
}

export interface CoverageBucket {
  /** Gross base-currency value in this part: Σ |value| of the slices it holds. */
  value: number;
  share: number;
  /** The positions with value in this part; empty when the run asked for no position results. */
  positionIds: number[];
}

export { COVERAGE_PARTS, MOVED_PARTS, coveragePartOf, type CoveragePart } from './parts';

/**
 * One partition of the book's value by how it moved. Shares are of the gross value (Σ |position value|), not the net
 * total: a book with shorts, or a negative total, still has parts that are each ≥ 0 and sum to 100%.
 */
export type Coverage = Record<Exclude<CoveragePart, 'unclassified'>, CoverageBucket> & {
  /** Not moved because we know no sector, industry or theme for it; `symbols` names those securities. */
  unclassified: CoverageBucket & { symbols: string[] };
  /** Σ |value| of the positions: what the shares are of. */
  grossValue: number;
};

export interface StressResult {
  scenarioId: string;
  scenarioName: string;
  baseCurrency: string;
  scale: number;
  lookThrough: boolean;
  valueBefore: number;
  pnl: number;
  valueAfter: number;
  /** P&L over the value before; null when that value is zero or negative (see `returnOn`). */
  return: number | null;
  /** Why `return` is null ("portfolio value is negative"); absent when there is a return. */
  returnNote?: string;
  positions: PositionResult[];
  worst: PositionResult | null;
  coverage: Coverage;
  aggregates: Partial<Record<Dimension, AggregateRow[]>>;
  /** Value (base currency) each shock of the scenario reached, by the shock's index. */
  shockValue: number[];
  issues: BookIssue[];
  /** P&L at the low and high ends of the propagated moves' bands (present when propagation moved something). */
  band?: { low: number; high: number };
  /** How price history was used: a replay window or a propagation estimate, with its notes. */
  history?: HistoryUse;
}

/** A replay's move of one currency against the base ("EUR/USD 1.0400 → 1.0800: +3.85%"); change null when no FX history covers the window. */
export interface ReplayCurrency {
  currency: string;
  pair: string;
  change: number | null;
  reason: string;
}

/** What a history-driven run used and found (replay window, estimation window, limits, drawdown). */
export interface HistoryUse {
  mode: 'replay' | 'propagation';
  /** The replay window, or the estimation window of propagation. */
  from: string;
  to: string;
  method: string;
  notes: string[];
  /**
   * Replay only, set when prices cover only part of the window asked for: that window and the sentence saying so
   * (the replay ran over `from` → `to` above instead). A window prices do not reach at all is refused, never run.
   */
  partial?: { from: string; to: string; reason: string };
  /** Replay only: the holding whose history starts latest / ends earliest, limiting the window. */
  limitingSymbol?: string | null;
  /** Replay only: peak-to-trough fall of the portfolio inside the window, and its dates. */
  drawdown?: { change: number; peak: string; trough: string } | null;
  /** Replay only: the portfolio's worst day inside the window. */
  worstDay?: { date: string; change: number } | null;
  /** Replay only, for books holding other currencies than the base: each one's move against the base over the window (null: no FX history). */
  currencies?: ReplayCurrency[];
  /** The history-driven move of every security it moved, by upper-case symbol (for "why did this move"). */
  moves?: Record<string, Provenance>;
  /** Propagation only: the proxy series the shocks were mapped to. */
  proxies?: { symbol: string; shock: string; change: number }[];
}

/**
 * A percentage return of P&L on a value, or null when the value is zero or negative: a percentage of a book that is
 * worth nothing or less than nothing has the wrong sign or no meaning, so it is shown as "n/a" with the reason.
 */
export function returnOn(pnl: number, value: number): number | null {
  return value > 0 ? pnl / value : null;
}

/** Why a return is null, for the words beside "n/a" ("portfolio value is negative", "nothing held"). */
export function noReturnReason(value: number, what = 'portfolio'): string {
  return value < 0 ? `${what} value is negative` : 'nothing held';
}

/** A return for display: "−4.2%", or "n/a (portfolio value is negative)" when there is none. */
export function returnText(change: number | null, value: number, what = 'portfolio'): string {
  return change === null ? `n/a (${noReturnReason(value, what)})` : signedPercent(change);
}

export interface SliceMove {
  price: Provenance;
  fx: CurrencyMove;
  return: number;
}

type Shares = Record<CoveragePart, number>;
// A literal, so every Shares object has one shape (the totals loop reads them for every group of every scenario).
const sharesOf = (p: ArrayLike<number>): Shares => ({
  explicit: p[0],
  throughFunds: p[1],
  market: p[2],
  propagated: p[3],
  proxy: p[4],
  noShock: p[5],
  unclassified: p[6],
  noPrice: p[7],
});
/** How each coverage part reads as a position's move source. */
const SOURCE_OF: Record<CoveragePart, Exclude<MoveSource, 'mixed'>> = {
  explicit: 'explicit',
  throughFunds: 'explicit',
  market: 'market',
  propagated: 'propagated',
  proxy: 'proxy',
  noShock: 'none',
  unclassified: 'none',
  noPrice: 'none',
};

/** A slice move's return at the low and high ends of its price band (the return itself without a band). */
function bandOf(move: SliceMove): { low: number; high: number } {
  const band = move.price.band;
  return band
    ? { low: composeReturn(band.low, move.fx.change), high: composeReturn(band.high, move.fx.change) }
    : { low: move.return, high: move.return };
}

/**
 * Evaluates slices for one scenario. The winning price shock of every security is found in one sweep over
 * the book's attribute index (lowest precedence first, so higher levels overwrite; within a level the
 * first-listed shock is written last), then fund returns are tight loops over typed arrays.
 */
export function createEvaluator(book: Book, compiled: CompiledScenario, overrides?: ReadonlyMap<string, Provenance>) {
  const nKeys = book.keyCount;
  const width = Math.max(1, book.currencies.length);
  const keys = book.keys;
  const shockOf = new Int32Array(nKeys);
  const market = compiled.market ?? -1;
  const { keyIsCash, keyMultiTheme, keyUnclassified } = book;
  const { keyIsOption } = book;
  for (let id = 0; id < nKeys; id++) shockOf[id] = keyIsCash[id] === 1 || keyIsOption[id] === 1 ? -1 : market;
  // The same precedence as the walk, swept lowest step first so higher steps overwrite; within a step the
  // first-listed shock is written last.
  for (let l = compiled.precedence.length - 1; l >= 0; l--) {
    const step = compiled.precedence[l];
    if (step.level === 'rates') {
      for (const id of book.durationKeys) shockOf[id] = step.index;
      continue;
    }
    const { level, shocks } = step;
    for (let i = shocks.length - 1; i >= 0; i--) {
      const ids = book.index[level].get(shocks[i].value);
      if (ids) for (const id of ids) shockOf[id] = shocks[i].index;
    }
  }
  const fxMoves = book.currencies.map((c) => compiled.currencyMove(c, book.baseCurrency));
  const currencyIndex = new Map(book.currencies.map((c, i) => [c, i]));
  // One provenance per shock, looked up by index; the slow path only for a theme win among several themes.
  const byShock: Provenance[] = compiled.shockCount ? Array.from({ length: compiled.shockCount }, (_, i) => compiled.provenanceOf(i)) : [];
  const fxChange = Float64Array.from({ length: width }, (_, c) => fxMoves[c]?.change ?? 0);
  // The coverage part of each shock when it wins a price (coveragePartOf by shock index, for the hot loops).
  const shockPart = Uint8Array.from(byShock, (p) => COVERAGE_PARTS.indexOf(coveragePartOf(p, keys[0])));
  const provenance: Provenance[] = new Array(nKeys);
  const isOverridden = new Uint8Array(nKeys);
  const keyReturn = new Float64Array(nKeys * width);
  // A history-driven key's coverage part as a fund's holding (index into COVERAGE_PARTS); the others' parts follow
  // from their winning shock (shockPart) or, unmatched, from keyUnclassified.
  const overriddenPart = new Uint8Array(overrides ? nKeys : 0);
  for (let id = 0; id < nKeys; id++) {
    const s = shockOf[id];
    let prov =
      s === -1
        ? keyIsCash[id] === 1
          ? compiled.cashUnmoved
          : keyIsOption[id] === 1
            ? compiled.optionUnvalued
            : compiled.unmatched
        : s === compiled.rates
          ? compiled.ratesMove(keys[id])
          : keyMultiTheme[id] === 1 && compiled.themeShocks.has(s)
            ? compiled.priceShock(keys[id])
            : byShock[s];
    // History-driven moves replace "not shocked" and the catch-all market move, never a named shock or cash.
    const override =
      overrides && (prov.kind === 'none' || prov.kind === 'market') && keyIsCash[id] === 0
        ? overrides.get(keys[id].match.symbol)
        : undefined;
    if (override) {
      prov = override;
      shockOf[id] = -1;
      isOverridden[id] = 1;
      const part = COVERAGE_PARTS.indexOf(coveragePartOf(prov, keys[id]));
      overriddenPart[id] = part === EXPLICIT ? THROUGH_FUNDS : part;
    }
    provenance[id] = prov;
    for (let c = 0; c < width; c++) keyReturn[id * width + c] = composeReturn(prov.change, fxChange[c]);
  }

  const shared = new Map<Provenance, Map<string, SliceMove>>();
  const skipMemo = new Map<string, SliceMove>();
  /** The move of one security held in `currency`; `skipSymbol` for a fund's unlisted rest. */
  const slice = (key: SecurityKey, currency: string, skipSymbol = false): SliceMove => {
    const c = currencyIndex.get(currency);
    const fx = c === undefined ? compiled.currencyMove(currency, book.baseCurrency) : fxMoves[c];
    if (skipSymbol) {
      const id = `${key.id}|${currency}`;
      let move = skipMemo.get(id);
      if (!move) {
        const natural = compiled.priceShock(key, { skipSymbol: true });
        const override =
          overrides && (natural.kind === 'none' || natural.kind === 'market') && key.assetClass !== 'cash'
            ? overrides.get(key.match.symbol)
            : undefined;
        const price = override ?? natural;
        skipMemo.set(id, (move = { price, fx, return: composeReturn(price.change, fx.change) }));
      }
      return move;
    }
    const price = provenance[key.id];
    let perCurrency = shared.get(price);
    if (!perCurrency) shared.set(price, (perCurrency = new Map()));
    let move = perCurrency.get(currency);
    if (!move) perCurrency.set(currency, (move = { price, fx, return: composeReturn(price.change, fx.change) }));
    return move;
  };

  const nShocks = compiled.shockCount;
  const fundMemo = new Map<
    string,
    { return: number; low: number; high: number; shares: Shares; byShock: Float64Array; source: MoveSource; unclassifiedSymbols: string[] }
  >();
  /** A looked-through fund's return and how its value splits by coverage part and by shock. */
  const fund = (lookThrough: FundLookThrough, key: SecurityKey, currency: string) => {
    const memoId = `${lookThrough.fund}|${currency}`;
    let hit = fundMemo.get(memoId);
    if (!hit) {
      const c = currencyIndex.get(currency) ?? 0;
      const byShock = new Float64Array(nShocks);
      const parts = new Float64Array(PART_COUNT);
      const { keyIds, weights } = lookThrough;
      let r = 0;
      let low = 0;
      let high = 0;
      let noShock = 0;
      let unclassified = 0;
      for (let i = 0; i < keyIds.length; i++) {
        const id = keyIds[i];
        const w = weights[i];
        const kr = keyReturn[id * width + c];
        r += w * kr;
        if (isOverridden[id] === 1) {
          // Only a history-driven move can carry a band; named shocks never do.
          const band = provenance[id].band;
          low += w * (band ? composeReturn(band.low, fxChange[c]) : kr);
          high += w * (band ? composeReturn(band.high, fxChange[c]) : kr);
          parts[overriddenPart[id]] += w;
          continue;
        }
        low += w * kr;
        high += w * kr;
        const s = shockOf[id];
        if (s !== -1) byShock[s] += w;
        else if (keyUnclassified[id] === 1) unclassified += w;
        else noShock += w;
      }
      // What a shock moved here is "through funds" (or "market" for the market and asset-class shocks).
      for (let s = 0; s < nShocks; s++) if (byShock[s] !== 0) parts[shockPart[s] === EXPLICIT ? THROUGH_FUNDS : shockPart[s]] += byShock[s];
      parts[NO_SHOCK] += noShock;
      parts[UNCLASSIFIED_PART] += unclassified;
      let covered = 1 - lookThrough.residualWeight;
      let restPart: CoveragePart | null = null;
      if (lookThrough.residualWeight > 0) {
        const rest = slice(key, currency, true);
        r += lookThrough.residualWeight * rest.return;
        low += lookThrough.residualWeight * bandOf(rest).low;
        high += lookThrough.residualWeight * bandOf(rest).high;
        restPart = coveragePartOf(rest.price, key);
        parts[COVERAGE_PARTS.indexOf(restPart)] += lookThrough.residualWeight;
        if (rest.price.shockIndex !== null) byShock[rest.price.shockIndex] += lookThrough.residualWeight;
        covered = 1;
      }
      const shares = sharesOf(parts);
      const fxIndex = (currencyIndex.has(currency) ? fxMoves[c] : compiled.currencyMove(currency, book.baseCurrency)).shockIndex;
      if (fxIndex !== null) {
        byShock[fxIndex] += covered;
        // A currency shock moves what no price shock reached: the shock names the position's own currency.
        if (compiled.currencyCovers) {
          shares.explicit += shares.noShock + shares.unclassified;
          shares.noShock = 0;
          shares.unclassified = 0;
        }
      }
      const sources = new Set(COVERAGE_PARTS.filter((k) => shares[k] > 1e-12).map((k) => SOURCE_OF[k]));
      hit = {
        return: r,
        low,
        high,
        shares,
        byShock,
        source: sources.size === 1 ? [...sources][0] : 'mixed',
        unclassifiedSymbols: shares.unclassified > 0 ? unmovedUnclassified(lookThrough, key, restPart) : [],
      };
      fundMemo.set(memoId, hit);
    }
    return hit;
  };
  // Direct holdings share their move by (winning shock, currency): an array slot instead of map lookups.
  const slots = nShocks + 2;
  const directMoves: (SliceMove | undefined)[] = new Array(slots * width);
  /** Which shared move a directly held security takes: its winning shock, cash, unmatched; −1 for a one-off. */
  const directSlot = (keyId: number): number => {
    const s = shockOf[keyId];
    if (isOverridden[keyId] === 1) return -1;
    if (s === -1) return provenance[keyId] === compiled.cashUnmoved ? nShocks : nShocks + 1;
    return provenance[keyId] === byShock[s] ? s : -1;
  };
  /** The move of a directly held security (by key id) in the currency at `currencyIndex` (the hot path of runScenario). */
  const direct = (keyId: number, currencyIndex: number, slot: number): SliceMove => {
    if (slot === -1) return slice(keys[keyId], book.currencies[currencyIndex]);
    const id = slot * width + currencyIndex;
    let move = directMoves[id];
    if (!move)
      directMoves[id] = move = { price: provenance[keyId], fx: fxMoves[currencyIndex], return: keyReturn[keyId * width + currencyIndex] };
    return move;
  };
  /**
   * Whether a fund holding is split through its listed holdings for this scenario: not when a move names the fund
   * itself — a symbol shock on its ticker, or (a replay) its own price history — which then moves the whole position.
   */
  const isLookedThrough = (p: { fund: FundLookThrough | null; key: SecurityKey }) =>
    p.fund !== null && !compiled.hasSymbolShock(p.key.symbol) && !(isOverridden[p.key.id] === 1 && provenance[p.key.id].level === 'symbol');
  /** Symbols of a fund's holdings (and of the fund, for its rest) that nothing moved because they are unclassified. */
  function unmovedUnclassified(lookThrough: FundLookThrough, key: SecurityKey, restPart: CoveragePart | null): string[] {
    const isUnmoved = (id: number) =>
      isOverridden[id] === 1 ? overriddenPart[id] === UNCLASSIFIED_PART : shockOf[id] === -1 && keyUnclassified[id] === 1;
    // A holding of zero weight reaches nothing, so it is not named.
    const symbols = lookThrough.constituents.filter((c) => c.weight !== 0 && isUnmoved(c.key.id)).map((c) => c.key.symbol);
    return restPart === 'unclassified' ? [...symbols, key.symbol] : symbols;
  }
  /**
   * Whether a leveraged fund moves as multiplier × its stand-in: not when a symbol shock names its own ticker, nor in a
   * replay, where its own history (or a daily-compounded stand-in series) already moves it.
   */
  const isLeveraged = (p: { leverage: LeverageLink | null; key: SecurityKey }) =>
    p.leverage !== null && !compiled.hasSymbolShock(p.key.symbol) && !(compiled.isReplay && isOverridden[p.key.id] === 1);
  /** The price move the index sweep chose for a security (by key id), before currency. */
  const priceOf = (keyId: number): Provenance => provenance[keyId];
  return {
    slice,
    fund,
    direct,
    directSlot,
    priceOf,
    isLookedThrough,
    isLeveraged,
    width,
    slots,
    currencyCovers: compiled.currencyCovers,
    shockCount: nShocks,
  };
}

export type Evaluator = ReturnType<typeof createEvaluator>;

/** Caveat every hypothetical leveraged move carries. */
export const DAILY_RESET_NOTE = 'held over several days the move can differ (daily reset)';

/**
 * A leveraged or inverse fund under a hypothetical shock: multiplier × its stand-in's local price move, floored at
 * −100%, then its currency's move. Its coverage is its stand-in's (the shock reached it through the stand-in).
 */
export function leveragedMove(evaluate: Evaluator, lev: LeverageLink, key: SecurityKey, currency: string, wantText = true) {
  const m = lev.multiplier;
  const stand = lev.standIn;
  const fx = evaluate.slice(stand, currency).fx;
  const byShock = new Float64Array(evaluate.shockCount);
  let price: number;
  let low: number;
  let high: number;
  let shares: Shares;
  let source: MoveSource;
  let how: string;
  let unclassifiedSymbols: string[] = [];
  if (lev.standInFund && evaluate.isLookedThrough({ fund: lev.standInFund, key: stand })) {
    const f = evaluate.fund(lev.standInFund, stand, currency);
    // The fund's return includes its currency's move; its holdings' weights sum to 1, so the local move is exact.
    const local = (r: number) => (1 + r) / (1 + fx.change) - 1;
    price = local(f.return);
    low = local(f.low);
    high = local(f.high);
    shares = { ...f.shares };
    byShock.set(f.byShock);
    source = f.source;
    unclassifiedSymbols = f.unclassifiedSymbols;
    how = `through ${lev.standInFund.constituents.length} listed holdings of ${stand.symbol} (as of ${lev.standInFund.asOf})`;
  } else {
    const move = evaluate.slice(stand, currency);
    price = move.price.change;
    low = move.price.band?.low ?? price;
    high = move.price.band?.high ?? price;
    shares = sharesOf(new Float64Array(PART_COUNT));
    const byCurrencyOnly = move.price.kind === 'none' && !move.price.noPrice && move.fx.shockIndex !== null && evaluate.currencyCovers;
    const part = byCurrencyOnly ? 'explicit' : coveragePartOf(move.price, stand);
    shares[part] = 1;
    source = byCurrencyOnly ? 'explicit' : move.price.kind;
    if (move.price.shockIndex !== null) byShock[move.price.shockIndex] += 1;
    if (move.fx.shockIndex !== null) byShock[move.fx.shockIndex] += 1;
    if (part === 'unclassified') unclassifiedSymbols = [stand.symbol];
    how = move.price.reason.replace(/\.$/, '');
  }
  const lever = (p: number) => Math.max(-1, m * p);
  const change = lever(price);
  const [lowChange, highChange] = m >= 0 ? [lever(low), lever(high)] : [lever(high), lever(low)];
  const floored = m * price < -1 ? ' (floored at −100%: a fund cannot lose more than it holds)' : '';
  const fxText = fx.reason ? `; ${fx.reason}` : '';
  const applied = wantText
    ? `${multiplierText(m)} daily: ${stand.symbol} ${signedPercent(price)} → ${key.symbol} ${signedPercent(change)}${floored} (${stand.symbol}: ${how})${fxText}; ${DAILY_RESET_NOTE}`
    : '';
  const move: GroupMove = {
    return: composeReturn(change, fx.change),
    low: composeReturn(lowChange, fx.change),
    high: composeReturn(highChange, fx.change),
    shares,
    throughFund: false,
    source,
    applied,
  };
  return { move, price: change, standInPrice: price, fx, byShock, unclassifiedSymbols };
}

const bucket = (): CoverageBucket => ({ value: 0, share: 0, positionIds: [] });

/** "What moved it" for a directly held slice: its price move, then its currency's; only the currency's when that alone moved it. */
function appliedText(move: SliceMove, byCurrencyOnly: boolean, cash: boolean): string {
  if (byCurrencyOnly) return `${move.fx.reason} (${cash ? 'cash: its amount does not move' : 'no price shock matches it'})`;
  return move.fx.reason ? `${move.price.reason.replace(/\.$/, '')}; ${move.fx.reason}` : move.price.reason;
}

/** How one group of alike positions moves under a scenario. */
export interface GroupMove {
  return: number;
  /** Return at the low and high ends of propagated bands (equal to `return` when nothing was propagated). */
  low: number;
  high: number;
  /** Shares of the group's value in each coverage part (they sum to 1). */
  shares: Shares;
  throughFund: boolean;
  source: MoveSource;
  applied: string;
  /** Set for an option revalued on its underlying's move (options-pass). */
  option?: OptionDetail;
}

/** What moving groups one by one collects: P&L reached by each shock, and the unclassified securities nothing moved. */
export interface GroupPass {
  evaluate: Evaluator;
  shockValue: number[];
  unclassifiedSymbols: Set<string>;
  wantPositions: boolean;
  directCache: (GroupMove | undefined)[];
  slowCache: [Map<SliceMove, GroupMove>, Map<SliceMove, GroupMove>];
}

/** A pass of groups over one evaluator, collecting into `shockValue` (by shock index). */
export function groupPass(evaluate: Evaluator, shockValue: number[], wantPositions: boolean): GroupPass {
  return {
    evaluate,
    shockValue,
    unclassifiedSymbols: new Set<string>(),
    wantPositions,
    directCache: new Array(evaluate.slots * evaluate.width * 2),
    slowCache: [new Map(), new Map()],
  };
}

/** How group `i` of the book moves: multiplier × stand-in for a leveraged fund, through its holdings for a fund, else directly. */
export function moveOfGroup(book: Book, pass: GroupPass, i: number): GroupMove {
  const { evaluate, shockValue, unclassifiedSymbols, wantPositions } = pass;
  const g = book.groups[i];
  // An option is revalued on its underlying's move, unless a move names the contract itself (options-pass).
  const option = book.optionOfGroup[i];
  if (option !== null && evaluate.priceOf(g.key.id).kind === 'none') return optionMove(pass, option, g);
  if (g.leverage !== null && evaluate.isLeveraged(g)) {
    const lev = leveragedMove(evaluate, g.leverage, g.key, g.currency, wantPositions);
    for (let index = 0; index < lev.byShock.length; index++)
      if (lev.byShock[index] !== 0) shockValue[index] += g.value * lev.byShock[index];
    for (const symbol of lev.unclassifiedSymbols) unclassifiedSymbols.add(symbol);
    return lev.move;
  }
  if (evaluate.isLookedThrough(g)) {
    const f = evaluate.fund(g.fund!, g.key, g.currency);
    for (let index = 0; index < f.byShock.length; index++) if (f.byShock[index] !== 0) shockValue[index] += g.value * f.byShock[index];
    for (const symbol of f.unclassifiedSymbols) unclassifiedSymbols.add(symbol);
    const rest = wantPositions && g.fund!.residualWeight >= 0.0005 ? ` and its unlisted ${(g.fund!.residualWeight * 100).toFixed(1)}%` : '';
    return {
      return: f.return,
      low: f.low,
      high: f.high,
      shares: f.shares,
      throughFund: true,
      source: f.source,
      applied: wantPositions
        ? `Through ${g.fund!.constituents.length} listed holdings of ${g.key.symbol} (as of ${g.fund!.asOf})${rest}`
        : '',
    };
  }
  const keyId = book.groupKeyIds[i];
  const slot = evaluate.directSlot(keyId);
  const move = evaluate.direct(keyId, g.currencyIndex, slot);
  if (move.price.shockIndex !== null) shockValue[move.price.shockIndex] += g.value;
  if (move.fx.shockIndex !== null) shockValue[move.fx.shockIndex] += g.value;
  const unclassified = book.groupUnclassified[i] === 1;
  // Direct groups share one GroupMove per (winning shock, currency, classified or not): no allocation per holding.
  const id = slot === -1 ? -1 : (slot * evaluate.width + g.currencyIndex) * 2 + (unclassified ? 1 : 0);
  let shared = id === -1 ? pass.slowCache[unclassified ? 1 : 0].get(move) : pass.directCache[id];
  if (!shared) {
    const shares = sharesOf(new Float64Array(PART_COUNT));
    const byCurrencyOnly = move.price.kind === 'none' && !move.price.noPrice && move.fx.shockIndex !== null && evaluate.currencyCovers;
    shares[byCurrencyOnly ? 'explicit' : coveragePartOf(move.price, g.key)] = 1;
    const source = byCurrencyOnly ? 'explicit' : move.price.kind;
    shared = {
      return: move.return,
      ...bandOf(move),
      shares,
      throughFund: false,
      source,
      applied: wantPositions ? appliedText(move, byCurrencyOnly, g.key.assetClass === 'cash') : '',
    };
    if (id === -1) pass.slowCache[unclassified ? 1 : 0].set(move, shared);
    else pass.directCache[id] = shared;
  }
  if (unclassified && shared.shares.unclassified > 0) unclassifiedSymbols.add(g.key.symbol);
  return shared;
}

/** An option group's move (options-pass), with the value each shock reached and the unclassified underlyings nothing moved. */
function optionMove(pass: GroupPass, option: NonNullable<Book['optionOfGroup'][number]>, g: Book['groups'][number]): GroupMove {
  const m = optionGroupMove(pass.evaluate, option, g.currency, pass.wantPositions);
  for (let index = 0; index < m.byShock.length; index++) if (m.byShock[index] !== 0) pass.shockValue[index] += g.value * m.byShock[index];
  if (m.shares.unclassified > 0) for (const symbol of m.unclassifiedSymbols) pass.unclassifiedSymbols.add(symbol);
  const sources = new Set(COVERAGE_PARTS.filter((k) => m.shares[k] > 1e-12).map((k) => SOURCE_OF[k]));
  return {
    return: m.return,
    low: m.low,
    high: m.high,
    shares: sharesOf(COVERAGE_PARTS.map((k) => m.shares[k])),
    throughFund: false,
    source: sources.size === 1 ? [...sources][0] : 'mixed',
    applied: m.applied,
    ...(m.detail ? { option: m.detail } : {}),
  };
}

/**
 * How every group of a prepared book moves under one scenario, one by one: the path for position results, history
 * overrides and per-account aggregates (totals alone take scenarioTotals' pass over securities).
 */
export function scenarioMoves(
  book: Book,
  scenario: Scenario,
  options: { scale?: number; positions?: boolean; overrides?: ReadonlyMap<string, Provenance> } = {},
) {
  const scale = options.scale ?? 1;
  const evaluate = createEvaluator(book, compileScenario(scenario, scale), options.overrides);
  const wantPositions = options.positions !== false;
  const pass = groupPass(
    evaluate,
    scenario.shocks.map(() => 0),
    wantPositions,
  );
  const moves: GroupMove[] = new Array(book.groups.length);
  for (let i = 0; i < moves.length; i++) moves[i] = moveOfGroup(book, pass, i);
  return { evaluate, moves, shockValue: pass.shockValue, unclassifiedSymbols: pass.unclassifiedSymbols, scale, wantPositions };
}

/** Applies one scenario to a prepared book (docs/stress-semantics.md): P&L per position, totals, coverage and aggregates. */
export function runScenario(
  book: Book,
  scenario: Scenario,
  options: {
    scale?: number;
    by?: readonly Dimension[];
    positions?: boolean;
    overrides?: ReadonlyMap<string, Provenance>;
    history?: HistoryUse;
  } = {},
): StressResult {
  const by = options.by ?? [];
  if (options.positions === false && !options.overrides && !by.includes('account'))
    return runTotals(book, scenario, options.scale ?? 1, by, options.history);
  const { evaluate, moves, shockValue, unclassifiedSymbols, scale, wantPositions } = scenarioMoves(book, scenario, options);
  let pnl = 0;
  let low = 0;
  let high = 0;
  // Coverage counts every position's dollars once, shorts included: each group's gross value, not its net.
  let explicit = 0;
  let throughFunds = 0;
  let market = 0;
  let propagated = 0;
  let proxy = 0;
  let noShock = 0;
  let unclassified = 0;
  let noPrice = 0;
  for (let i = 0; i < moves.length; i++) {
    const g = book.groups[i];
    const m = moves[i];
    const v = g.value;
    pnl += v * m.return;
    low += v * m.low;
    high += v * m.high;
    const gross = g.grossValue;
    const s = m.shares;
    explicit += gross * s.explicit;
    throughFunds += gross * s.throughFunds;
    market += gross * s.market;
    propagated += gross * s.propagated;
    proxy += gross * s.proxy;
    noShock += gross * s.noShock;
    unclassified += gross * s.unclassified;
    noPrice += gross * s.noPrice;
  }
  const parts = [explicit, throughFunds, market, propagated, proxy, noShock, unclassified, noPrice];
  const grossValue = book.grossValue;
  const coverage = {
    grossValue,
    ...Object.fromEntries(
      COVERAGE_PARTS.map((p, k) => [p, { ...bucket(), value: parts[k], share: grossValue === 0 ? 0 : parts[k] / grossValue }]),
    ),
  } as Coverage;
  coverage.unclassified.symbols = [...unclassifiedSymbols].sort();
  // Position ids per part, in book order (only with position results: batch runs skip them).
  if (wantPositions)
    book.positions.forEach((p, i) => {
      const m = moves[book.positionGroup[i]];
      if (p.value !== 0) for (const k of COVERAGE_PARTS) if (m.shares[k] > 1e-12) coverage[k].positionIds.push(p.id);
    });

  const positions: PositionResult[] = !wantPositions
    ? []
    : book.positions.map((p, i) => {
        const m = moves[book.positionGroup[i]];
        return {
          id: p.id,
          symbol: p.symbol,
          name: p.name,
          accountName: p.accountName,
          currency: p.currency,
          value: p.value,
          pnl: p.value * m.return,
          return: m.return,
          source: m.source,
          throughFund: m.throughFund,
          applied: m.applied,
          ...(m.low !== m.return || m.high !== m.return ? { band: { low: m.low, high: m.high } } : {}),
          ...(m.option ? { option: m.option } : {}),
        };
      });

  let worst: PositionResult | null = null;
  for (const p of positions) if (p.pnl < (worst?.pnl ?? 0)) worst = p;
  const aggregates: StressResult['aggregates'] = {};
  for (const dimension of options.by ?? []) aggregates[dimension] = aggregate(book, evaluate, moves, dimension);

  const result = stressResult(book, scenario, scale, pnl, { positions, worst, coverage, aggregates, shockValue });
  if (propagated > 0) result.band = { low: Math.min(low, high), high: Math.max(low, high) };
  if (options.history) result.history = options.history;
  return result;
}

/**
 * runScenario without position results, history overrides or per-account aggregates: the pass over securities
 * (scenarioTotals), whose figures are those of moving group by group.
 */
function runTotals(book: Book, scenario: Scenario, scale: number, by: readonly Dimension[], history: HistoryUse | undefined): StressResult {
  const totals = scenarioTotals(
    book,
    compileScenario(scenario, scale),
    by.filter((d): d is Exclude<Dimension, 'account'> => d !== 'account'),
  );
  const grossValue = book.grossValue;
  const coverage = { grossValue } as Coverage;
  for (let k = 0; k < COVERAGE_PARTS.length; k++)
    (coverage as Record<CoveragePart, CoverageBucket>)[COVERAGE_PARTS[k]] = {
      value: totals.parts[k],
      share: grossValue === 0 ? 0 : totals.parts[k] / grossValue,
      positionIds: [],
    };
  coverage.unclassified.symbols = totals.unclassifiedSymbols.size === 0 ? [] : [...totals.unclassifiedSymbols].sort();
  const aggregates: StressResult['aggregates'] = {};
  for (const dimension of by) {
    const sums = totals.aggregates[dimension as Exclude<Dimension, 'account'>];
    if (!sums) continue;
    const rows: AggregateRow[] = [];
    sums.names.forEach((key, row) => {
      if (sums.touched[row] === 1)
        rows.push({ key, value: sums.value[row], pnl: sums.pnl[row], return: returnOn(sums.pnl[row], sums.value[row]) });
    });
    aggregates[dimension] = rows.sort(byLoss);
  }
  const result = stressResult(book, scenario, scale, totals.pnl, {
    positions: [],
    worst: null,
    coverage,
    aggregates,
    shockValue: totals.shockValue,
  });
  if (history) result.history = history;
  return result;
}

/**
 * A result: the scenario, the book's value before and after the P&L, the return on it, and the body. One object
 * literal (spreading objects into a result cost a tenth of a totals run).
 */
function stressResult(
  book: Book,
  scenario: Scenario,
  scale: number,
  pnl: number,
  body: Pick<StressResult, 'positions' | 'worst' | 'coverage' | 'aggregates' | 'shockValue'>,
): StressResult {
  const valueBefore = book.totalValue;
  const result: StressResult = {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    baseCurrency: book.baseCurrency,
    scale,
    lookThrough: book.lookThrough,
    valueBefore,
    pnl,
    valueAfter: valueBefore + pnl,
    return: returnOn(pnl, valueBefore),
    positions: body.positions,
    worst: body.worst,
    coverage: body.coverage,
    aggregates: body.aggregates,
    shockValue: body.shockValue,
    issues: book.issues,
  };
  if (!(valueBefore > 0)) result.returnNote = noReturnReason(valueBefore);
  return result;
}

/** Aggregate rows in display order: largest loss first, then largest value, then by name. */
const byLoss = (a: AggregateRow, b: AggregateRow) => a.pnl - b.pnl || b.value - a.value || a.key.localeCompare(b.key);

export const UNCLASSIFIED = 'Unclassified';
export const NO_THEME = 'No theme';

/** The group names a slice falls in for a dimension (themes may give several). */
export function groupsOf(key: SecurityKey, currency: string, dimension: Exclude<Dimension, 'account'>): readonly string[] {
  switch (dimension) {
    case 'theme':
      return key.themes.length ? key.themes : [NO_THEME];
    case 'currency':
      return [currency];
    case 'symbol':
      return [key.symbol];
    case 'assetClass':
      return [key.assetClass];
    default:
      return [key[dimension] ?? UNCLASSIFIED];
  }
}

/**
 * Splits a leveraged fund's value and move over what its stand-in holds: each holding's slice moves by multiplier × its
 * own price move (then the currency's), shifted so the slices sum exactly to the fund's move (the −100% floor aside,
 * the shift is zero). A stand-in without listed holdings is one slice classified as the stand-in.
 */
export function attributeLeveraged(
  evaluate: Evaluator,
  lev: LeverageLink,
  value: number,
  currency: string,
  m: GroupMove,
  put: (key: SecurityKey, value: number, r: number, low: number, high: number) => void,
) {
  const fund = lev.standInFund;
  if (!fund || !evaluate.isLookedThrough({ fund, key: lev.standIn })) {
    put(lev.standIn, value, m.return, m.low, m.high);
    return;
  }
  const slices: { key: SecurityKey; weight: number; move: SliceMove }[] = fund.constituents.map((c) => ({
    key: c.key,
    weight: c.weight,
    move: evaluate.slice(c.key, currency),
  }));
  if (fund.residualWeight > 0)
    slices.push({ key: lev.standIn, weight: fund.residualWeight, move: evaluate.slice(lev.standIn, currency, true) });
  const leveredReturn = (move: SliceMove) => composeReturn(lev.multiplier * move.price.change, move.fx.change);
  let sum = 0;
  for (const s of slices) sum += s.weight * leveredReturn(s.move);
  const shift = m.return - sum;
  for (const s of slices) {
    const r = leveredReturn(s.move) + shift;
    put(s.key, value * s.weight, r, r + m.low - m.return, r + m.high - m.return);
  }
}

/** Sums value and P&L of slices by a dimension, largest loss first. */
function aggregate(book: Book, evaluate: ReturnType<typeof createEvaluator>, moves: GroupMove[], dimension: Dimension): AggregateRow[] {
  const rows = new Map<string, { value: number; pnl: number; low: number; high: number }>();
  const put = (key: string, value: number, r: number, low: number, high: number) => {
    const row = rows.get(key);
    if (row) {
      row.value += value;
      row.pnl += value * r;
      row.low += value * low;
      row.high += value * high;
    } else rows.set(key, { value, pnl: value * r, low: value * low, high: value * high });
  };
  if (dimension === 'account') {
    book.positions.forEach((p, i) => {
      const m = moves[book.positionGroup[i]];
      put(p.accountName, p.value, m.return, m.low, m.high);
    });
  } else {
    book.groups.forEach((g, i) => {
      const m = moves[i];
      // An option's value and P&L are its underlying's, as one security (not through the underlying's holdings).
      const option = book.optionOfGroup[i];
      if (option !== null) {
        for (const name of groupsOf(option.underlying, g.currency, dimension)) put(name, g.value, m.return, m.low, m.high);
        return;
      }
      if (g.leverage !== null && evaluate.isLeveraged(g)) {
        attributeLeveraged(evaluate, g.leverage, g.value, g.currency, m, (key, v, r, low, high) => {
          for (const name of groupsOf(key, g.currency, dimension)) put(name, v, r, low, high);
        });
        return;
      }
      const fund = g.fund;
      if (!fund) {
        for (const key of groupsOf(g.key, g.currency, dimension)) put(key, g.value, m.return, m.low, m.high);
        return;
      }
      // A fund that moved as a whole (its own history, a shock on its ticker) is still attributed through its holdings:
      // each slice is shifted by the gap between the fund's own move and its holdings' (a shift, not a ratio, which
      // would explode when the holdings' move is near zero), so the slices sum exactly to the fund's move.
      const through = m.throughFund ? null : evaluate.fund(fund, g.key, g.currency);
      const shift = through ? m.return - through.return : 0;
      const shiftLow = through ? m.low - through.low : 0;
      const shiftHigh = through ? m.high - through.high : 0;
      for (const c of fund.constituents) {
        const v = g.value * c.weight;
        const move = evaluate.slice(c.key, g.currency);
        const band = bandOf(move);
        for (const key of groupsOf(c.key, g.currency, dimension))
          put(key, v, move.return + shift, band.low + shiftLow, band.high + shiftHigh);
      }
      if (fund.residualWeight > 0) {
        const v = g.value * fund.residualWeight;
        const move = evaluate.slice(g.key, g.currency, true);
        const band = bandOf(move);
        for (const key of groupsOf(g.key, g.currency, dimension))
          put(key, v, move.return + shift, band.low + shiftLow, band.high + shiftHigh);
      }
    });
  }
  const hasBand = (r: { pnl: number; low: number; high: number }) =>
    Math.abs(r.low - r.pnl) > 1e-9 * (1 + Math.abs(r.pnl)) || Math.abs(r.high - r.pnl) > 1e-9 * (1 + Math.abs(r.pnl));
  return [...rows]
    .map(([key, r]) => ({
      key,
      value: r.value,
      pnl: r.pnl,
      return: returnOn(r.pnl, r.value),
      ...(hasBand(r) ? { band: { low: Math.min(r.low, r.high), high: Math.max(r.low, r.high) } } : {}),
    }))
    .sort(byLoss);
}
