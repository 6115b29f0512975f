/**
 * A slow reference for the stress engine: docs/stress-semantics.md §1–§6 written out position by position and slice by
 * slice, with no caches, no typed arrays and no shared state between positions, so each rule can be read off one
 * function. The property test (reference-property.test.ts) holds the engine's totals, per-position results, coverage
 * and aggregates to it on random books. Hypothetical scenarios only (no propagation, no replay).
 *
 * It uses nothing from shared/engine but the scenario type and the vocabulary of coverage parts and dimensions; FX
 * is looked up here from rates quoted against USD (the generators only write those), and minor units from one table.
 *
 * Every sum and product of money is carried in double-double (shared/domain/double-double.ts) and rounded once, and a
 * move composed with its currency's is c + f + c·f exactly, so a figure is the exact sum of its slices, rounded: the
 * order of summation does not show in it, and the engine, which sums by security, can land on the same double.
 *
 * Where docs/stress-semantics.md is silent, this follows the engine as it is, and says so:
 * - look-through is one level deep: a fund listed among a fund's holdings is one slice, moved by its own classification;
 * - an `assetClass cash` shock moves cash (only the market shock passes it over);
 * - a scaled price shock is floored at −100% (market −60% at scale 2 is −100%: a price cannot fall below zero), as
 *   rate and leveraged moves are;
 * - a currency shock naming a minor unit ("GBX") names its major currency: the first listed of the two wins.
 */
import { leveragedClassification, leveragedEtf } from '../../../shared/domain/leveraged-etfs';
import { blackScholes, parseOccSymbol, type OptionContract } from '../../../shared/domain/options';
import { ASSET_CLASS_OF_TYPE, type Classification, type ReferenceData } from '../../../shared/domain/reference';
import type { AssetClass, FxRate, Position } from '../../../shared/domain/types';
import type { CoveragePart, Dimension, Scenario } from '../../../shared/engine';
import type { OptionMarket } from '../../../shared/engine/options-pass';
import {
  ddAdd,
  ddAddComposed,
  ddAddPair,
  ddAddProduct,
  ddAddProductPair,
  ddValue,
  productError,
} from '../../../shared/domain/double-double';

/** A double-double: [high, low]. */
type DD = Float64Array;
const dd = (x = 0): DD => Float64Array.of(x, 0);
/** (1 + c)(1 + f) − 1 as c + f + c·f, exactly. */
const composedDD = (c: number, f: number): DD => {
  const out = dd();
  ddAddComposed(out, 0, 1, 0, c, f);
  return out;
};

/** Minor units as market data writes them, with their major currency and how many of them make one of it. */
const MINOR: Record<string, { major: string; per: number }> = {
  GBp: { major: 'GBP', per: 100 },
  GBX: { major: 'GBP', per: 100 },
  ZAc: { major: 'ZAR', per: 100 },
  ILA: { major: 'ILS', per: 100 },
};
const majorOf = (currency: string) => MINOR[currency]?.major ?? currency;

/** US dollars per unit of a (major) currency, from a rate quoted against USD either way round; null when none. */
function usdPer(currency: string, rates: readonly FxRate[]): number | null {
  if (currency === 'USD') return 1;
  for (const r of rates) if (r.currency === currency && r.quote === 'USD') return r.rate;
  for (const r of rates) if (r.currency === 'USD' && r.quote === currency && r.rate !== 0) return 1 / r.rate;
  return null;
}

/** Units of the base per unit of `currency` (§1), minor units divided down; null when the rates cannot say. */
export function referenceRate(currency: string, base: string, rates: readonly FxRate[]): number | null {
  const major = majorOf(currency);
  const per = MINOR[currency]?.per ?? 1;
  if (major === base) return 1 / per;
  const a = usdPer(major, rates);
  const b = usdPer(base, rates);
  if (a === null || b === null) return null;
  // Crossed through the dollar as valuation crosses (a × 1 / b); a minor unit is its major currency's rate times one
  // hundredth (as valuation writes it). So a position's value is the same double in the engine.
  const cross = b === 1 ? a : a * (1 / b);
  return per === 1 ? cross : cross * (1 / per);
}

const CLASS_OF = ASSET_CLASS_OF_TYPE;

/** What a shock can match on one security. */
interface Security {
  symbol: string;
  themes: string[];
  industry: string | null;
  sector: string | null;
  country: string | null;
  assetClass: AssetClass;
  /** Known sector, industry or theme, or a known type other than a stock. */
  classified: boolean;
  duration: number | null;
}

function securityOf(symbol: string, info: Classification | undefined, fallback: AssetClass): Security {
  return {
    symbol,
    themes: info ? info.themes : [],
    industry: info ? info.industry : null,
    sector: info ? info.sector : null,
    country: info ? info.country : null,
    assetClass: info ? CLASS_OF[info.type] : fallback,
    classified: !!info && (info.sector !== null || info.industry !== null || info.themes.length > 0 || info.type !== 'stock'),
    duration: info && info.duration ? info.duration.years : null,
  };
}

/** A price move: the change, the shock that made it (index) and how coverage reads it. */
interface PriceMove {
  change: number;
  shock: number | null;
  kind: 'explicit' | 'market' | 'none';
  level: string | null;
}

const same = (a: string | null, b: string) =>
  a !== null && a.trim().toLowerCase() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * §3: the winning price shock of one security. Levels in order symbol > rates > theme > industry > sector > country >
 * assetClass > market; within a level the first enabled shock listed. Cash is never moved by the market shock.
 */
function priceMove(sec: Security, scenario: Scenario, scale: number, skipSymbol: boolean): PriceMove {
  const shocks = scenario.shocks;
  const explicit = (i: number, change: number, level: string): PriceMove => ({ change, shock: i, kind: 'explicit', level });
  if (!skipSymbol)
    for (let i = 0; i < shocks.length; i++)
      if (shocks[i].enabled && shocks[i].target === 'symbol' && shocks[i].value.toUpperCase() === sec.symbol.toUpperCase())
        return explicit(i, Math.max(-1, shocks[i].change * scale), 'symbol');
  for (let i = 0; i < shocks.length; i++)
    if (shocks[i].enabled && shocks[i].target === 'rates') {
      // Only the first rate shock counts; it moves a holding of known duration by −duration × change, at most −100%.
      if (sec.duration !== null) return explicit(i, Math.max(-1, -sec.duration * (shocks[i].change * scale)), 'rates');
      break;
    }
  for (let i = 0; i < shocks.length; i++)
    if (shocks[i].enabled && shocks[i].target === 'theme')
      for (const theme of sec.themes) if (same(theme, shocks[i].value)) return explicit(i, Math.max(-1, shocks[i].change * scale), 'theme');
  for (const level of ['industry', 'sector', 'country'] as const)
    for (let i = 0; i < shocks.length; i++)
      if (shocks[i].enabled && shocks[i].target === level && same(sec[level], shocks[i].value))
        return explicit(i, Math.max(-1, shocks[i].change * scale), level);
  for (let i = 0; i < shocks.length; i++)
    if (shocks[i].enabled && shocks[i].target === 'assetClass' && shocks[i].value === sec.assetClass)
      return explicit(i, Math.max(-1, shocks[i].change * scale), 'assetClass');
  if (sec.assetClass !== 'cash')
    for (let i = 0; i < shocks.length; i++)
      if (shocks[i].enabled && shocks[i].target === 'market')
        return { change: Math.max(-1, shocks[i].change * scale), shock: i, kind: 'market', level: 'market' };
  return { change: 0, shock: null, kind: 'none', level: null };
}

/**
 * §4: the move of a holding's currency against the base. A minor unit moves with its major currency, and a minor unit
 * of the base is not foreign. The first shock naming the currency wins; failing that, a shock on the base currency
 * moves every foreign currency by 1 / (1 + c) − 1.
 */
function currencyMove(currency: string, base: string, scenario: Scenario, scale: number): { change: number; shock: number | null } {
  if (majorOf(currency) === majorOf(base)) return { change: 0, shock: null };
  // A shock naming a minor unit ("GBX") names its major currency: the first listed of either wins.
  const first = (code: string) =>
    scenario.shocks.findIndex((s) => s.enabled && s.target === 'currency' && majorOf(s.value) === majorOf(code));
  const own = first(currency);
  if (own !== -1) return { change: scenario.shocks[own].change * scale, shock: own };
  const onBase = first(base);
  if (onBase !== -1) return { change: 1 / (1 + scenario.shocks[onBase].change * scale) - 1, shock: onBase };
  return { change: 0, shock: null };
}

/** One slice of a position: a security, its share of the position's value, and its move. */
interface Slice {
  sec: Security;
  weight: number;
  price: PriceMove;
  /** Its return including the currency's move, exactly. */
  return: DD;
  part: CoveragePart;
}

/** §6: the coverage part of a slice's price move; `viaFund` for a fund's listed holding. */
function partOf(price: PriceMove, sec: Security, viaFund: boolean): CoveragePart {
  if (price.kind === 'market' || (price.kind === 'explicit' && price.level === 'assetClass')) return 'market';
  if (price.kind === 'explicit') return viaFund ? 'throughFunds' : 'explicit';
  return !sec.classified && sec.assetClass !== 'cash' ? 'unclassified' : 'noShock';
}

/** A fund's holdings with weights over 100% scaled down to 100%, and the unlisted rest. */
function holdingsOf(reference: ReferenceData, symbol: string): { list: { symbol: string; weight: number }[]; rest: number } | null {
  const fund = reference.funds[symbol];
  if (!fund || fund.holdings.length === 0) return null;
  let sum = 0;
  for (const h of fund.holdings) sum += h.weight;
  const scale = sum > 1 + 1e-9 ? 1 / sum : 1;
  return { list: fund.holdings.map((h) => ({ symbol: h.symbol, weight: h.weight * scale })), rest: Math.max(0, 1 - sum * scale) };
}

/** The slices of a looked-through fund: its listed holdings (as securities, never looked through again) and its rest. */
function fundSlices(
  reference: ReferenceData,
  fund: Security,
  holdings: { list: { symbol: string; weight: number }[]; rest: number },
  fx: number,
  scenario: Scenario,
  scale: number,
): Slice[] {
  const slices: Slice[] = [];
  for (const h of holdings.list) {
    const sec = securityOf(h.symbol, reference.securities[h.symbol], 'equity');
    const price = priceMove(sec, scenario, scale, false);
    slices.push({ sec, weight: h.weight, price, return: composedDD(price.change, fx), part: partOf(price, sec, true) });
  }
  if (holdings.rest > 0) {
    // The unlisted rest is the fund itself, but a shock on the fund's own ticker would have moved it whole.
    const price = priceMove(fund, scenario, scale, true);
    slices.push({ sec: fund, weight: holdings.rest, price, return: composedDD(price.change, fx), part: partOf(price, fund, false) });
  }
  return slices;
}

const hasSymbolShock = (symbol: string, scenario: Scenario) =>
  scenario.shocks.some((s) => s.enabled && s.target === 'symbol' && s.value.toUpperCase() === symbol.toUpperCase());

export interface ReferencePosition {
  id: number;
  value: number;
  pnl: number;
  return: number;
}

export interface ReferenceResult {
  valueBefore: number;
  pnl: number;
  grossValue: number;
  excluded: number[];
  positions: ReferencePosition[];
  coverage: Record<CoveragePart, { value: number; positionIds: number[] }>;
  unclassifiedSymbols: string[];
  aggregates: Record<Dimension, Map<string, { value: number; pnl: number }>>;
  shockValue: number[];
  /**
   * Each figure's double-double before it was rounded, by name: "value before", "P&L", "gross value", "coverage
   * <part>", "shock <index>", "<dimension> <row> value" and "<dimension> <row> P&L".
   */
  unrounded: Map<string, Float64Array>;
}

/**
 * Whether `engine` is the reference's figure `name` to the last bit: the same double, or, where the exact sum lies on
 * a halfway point between two doubles (integer prices and round weights make such ties common), the other neighbour
 * of it. At a tie the last 2⁻¹⁰⁰ or so of either side's double-double decides the rounding, so both neighbours are
 * the exact sum rounded.
 */
export function sameDouble(engine: number, ref: ReferenceResult, name: string): boolean {
  const pair = ref.unrounded.get(name);
  if (!pair) return false;
  const rounded = pair[0] + pair[1];
  if (Object.is(engine, rounded)) return true;
  const gap = engine - rounded;
  // Adjacent doubles only: the gap is one unit in the last place of the larger.
  const ulp = Math.max(ulpOf(engine), ulpOf(rounded));
  if (Math.abs(gap) !== ulp) return false;
  // Distance from the exact sum to the halfway point rounded + gap / 2.
  const distance = pair[0] - rounded - gap / 2 + pair[1];
  return Math.abs(distance) <= Math.abs(rounded) * 2 ** -80;
}

/** One unit in the last place of a double. */
function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return Number.MIN_VALUE;
  const e = Math.floor(Math.log2(a));
  let u = 2 ** (e - 52);
  // log2 can be off by one at a power of two.
  if (a < 2 ** e) u /= 2;
  else if (a >= 2 ** (e + 1)) u *= 2;
  return Math.max(u, Number.MIN_VALUE);
}

export const REFERENCE_PARTS: readonly CoveragePart[] = [
  'explicit',
  'throughFunds',
  'market',
  'propagated',
  'proxy',
  'noShock',
  'unclassified',
  'noPrice',
];
const DIMS: readonly Dimension[] = ['account', 'sector', 'industry', 'theme', 'country', 'assetClass', 'currency', 'symbol'];

/** The group names one slice falls in for a dimension: every theme it has, or "No theme"; "Unclassified" for no value. */
function namesOf(sec: Security, position: Position, dimension: Dimension): string[] {
  if (dimension === 'account') return [position.accountName];
  if (dimension === 'theme') return sec.themes.length ? sec.themes : ['No theme'];
  if (dimension === 'currency') return [position.currency];
  if (dimension === 'symbol') return [sec.symbol];
  if (dimension === 'assetClass') return [sec.assetClass];
  return [sec[dimension] ?? 'Unclassified'];
}

/** Runs one hypothetical scenario over a portfolio by §1–§6, one position and one slice at a time. */
export function referenceRun(
  positions: readonly Position[],
  base: string,
  reference: ReferenceData,
  scenario: Scenario,
  options: { scale?: number; lookThrough?: boolean; optionMarket?: OptionMarket; dimensions?: readonly Dimension[] } = {},
): ReferenceResult {
  const scale = options.scale ?? 1;
  const market = options.optionMarket;
  const lookThrough = options.lookThrough ?? true;
  const dimensions = options.dimensions ?? DIMS;
  const result: ReferenceResult = {
    valueBefore: 0,
    pnl: 0,
    grossValue: 0,
    excluded: [],
    positions: [],
    coverage: {} as ReferenceResult['coverage'],
    unclassifiedSymbols: [],
    aggregates: Object.fromEntries(DIMS.map((d) => [d, new Map()])) as ReferenceResult['aggregates'],
    shockValue: scenario.shocks.map(() => 0),
    unrounded: new Map(),
  };
  for (const part of REFERENCE_PARTS) result.coverage[part] = { value: 0, positionIds: [] };
  // The sums, in double-double: [value before, P&L, gross value], each coverage part, each shock's reach, each row.
  const totals = new Float64Array(6);
  const partSums = new Float64Array(2 * REFERENCE_PARTS.length);
  const shockSums = new Float64Array(2 * scenario.shocks.length);
  const rowSums = Object.fromEntries(DIMS.map((d) => [d, new Map<string, Float64Array>()])) as Record<Dimension, Map<string, Float64Array>>;
  const unclassified = new Set<string>();
  /** Adds to a row: value (vh + vl) and value × return. */
  const add = (dimension: Dimension, name: string, vh: number, vl: number, ret: DD) => {
    let row = rowSums[dimension].get(name);
    if (!row) rowSums[dimension].set(name, (row = new Float64Array(4)));
    ddAddPair(row, 0, vh, vl);
    ddAddProductPair(row, 1, vh, vl, ret[0], ret[1]);
  };

  /** Σ weight × return over slices, exactly (to double-double). */
  const weighted = (slices: readonly { weight: number; return: DD }[]): DD => {
    const sum = dd();
    for (const s of slices) ddAddProductPair(sum, 0, s.return[0], s.return[1], s.weight, 0);
    return sum;
  };
  /** a + (b − c), in double-double. */
  const shifted = (a: DD, b: DD, c: DD): DD => {
    const out = dd();
    ddAddPair(out, 0, a[0], a[1]);
    ddAddPair(out, 0, b[0], b[1]);
    ddAddPair(out, 0, -c[0], -c[1]);
    return out;
  };

  /**
   * How a holding of `symbol` moves (§2–§5, its currency's move `fx` composed in, the currency rule aside): its return,
   * local price move, value by coverage part (as shares), by shock, and the slices aggregates see.
   */
  const moveOf = (symbol: string, assetClass: AssetClass, fx: { change: number; shock: number | null }) => {
    const etf = assetClass === 'cash' ? null : leveragedEtf(symbol);
    const info = reference.securities[symbol] ?? (etf ? leveragedClassification(etf, reference.securities[etf.standIn]) : undefined);
    const own = securityOf(symbol, info, assetClass);
    const ownHoldings = lookThrough ? holdingsOf(reference, symbol) : null;
    const ownShocked = hasSymbolShock(symbol, scenario);

    /** How the position moves: its return, its value by coverage part (as shares), by shock, and the slices aggregates see. */
    let ret: DD;
    /** Its local price move, before the currency's. */
    let local: number;
    /** Shares of the position's value by coverage part and by shock, in double-double. */
    const shares: Partial<Record<CoveragePart, DD>> = {};
    const addShare = (part: CoveragePart, w: number) => ddAdd((shares[part] ??= dd()), 0, w);
    const byShock = new Map<number, DD>();
    const addShock = (i: number | null, w: number) => {
      if (i === null) return;
      let sum = byShock.get(i);
      if (!sum) byShock.set(i, (sum = dd()));
      ddAdd(sum, 0, w);
    };
    const unmovedUnclassified: string[] = [];
    /** Slices for the aggregates: security, weight, return. */
    let attributed: { sec: Security; weight: number; return: DD }[];

    if (etf && !ownShocked) {
      // A leveraged or inverse fund: multiplier × its stand-in's local move, floored at −100%, then its currency.
      const stand = securityOf(etf.standIn, reference.securities[etf.standIn], 'equity');
      const standHoldings = lookThrough && !hasSymbolShock(etf.standIn, scenario) ? holdingsOf(reference, etf.standIn) : null;
      let standMove: number;
      let standSlices: Slice[] | null = null;
      if (standHoldings) {
        standSlices = fundSlices(reference, stand, standHoldings, fx.change, scenario, scale);
        const move = dd();
        for (const s of standSlices) {
          ddAddProduct(move, 0, s.weight, 0, s.price.change);
          addShare(s.part, s.weight);
          addShock(s.price.shock, s.weight);
          if (s.part === 'unclassified' && s.weight !== 0) unmovedUnclassified.push(s.sec.symbol);
        }
        standMove = ddValue(move, 0);
      } else {
        const price = priceMove(stand, scenario, scale, false);
        standMove = price.change;
        const part = partOf(price, stand, false);
        addShare(part, 1);
        addShock(price.shock, 1);
        if (part === 'unclassified') unmovedUnclassified.push(stand.symbol);
      }
      const levered = Math.max(-1, etf.multiplier * standMove);
      local = levered;
      ret = composedDD(levered, fx.change);
      if (standSlices) {
        // Each holding moves by multiplier × its own move, shifted so the slices sum to the fund's (floored) move.
        const own = standSlices.map((s) => ({ ...s, return: composedDD(etf.multiplier * s.price.change, fx.change) }));
        const sum = weighted(own);
        attributed = own.map((s) => ({ sec: s.sec, weight: s.weight, return: shifted(s.return, ret, sum) }));
      } else attributed = [{ sec: stand, weight: 1, return: ret }];
    } else if (ownHoldings && !ownShocked) {
      // §2: a fund split through its listed holdings and its unlisted rest.
      const slices = fundSlices(reference, own, ownHoldings, fx.change, scenario, scale);
      ret = weighted(slices);
      const move = dd();
      for (const s of slices) {
        ddAddProduct(move, 0, s.weight, 0, s.price.change);
        addShare(s.part, s.weight);
        addShock(s.price.shock, s.weight);
        if (s.part === 'unclassified' && s.weight !== 0) unmovedUnclassified.push(s.sec.symbol);
      }
      local = ddValue(move, 0);
      attributed = slices;
    } else {
      // One slice: a security held directly, a fund without holdings, or a fund whose own ticker a shock names.
      const price = priceMove(own, scenario, scale, false);
      local = price.change;
      ret = composedDD(price.change, fx.change);
      const part = partOf(price, own, false);
      addShare(part, 1);
      addShock(price.shock, 1);
      if (part === 'unclassified') unmovedUnclassified.push(own.symbol);
      if (ownHoldings) {
        // Moved whole, but still attributed through its holdings, each shifted by the gap to the fund's own move.
        const slices = fundSlices(reference, own, ownHoldings, fx.change, scenario, scale);
        const through = weighted(slices);
        attributed = slices.map((s) => ({ sec: s.sec, weight: s.weight, return: shifted(s.return, ret, through) }));
      } else attributed = [{ sec: own, weight: 1, return: ret }];
    }

    return { ret, local, shares, byShock, unmovedUnclassified, attributed };
  };

  /** An option's underlying as a security (a leveraged fund the master lacks classified by the bundled list). */
  const underlyingOf = (contract: OptionContract) => {
    const etf = leveragedEtf(contract.underlying);
    const info =
      reference.securities[contract.underlying] ?? (etf ? leveragedClassification(etf, reference.securities[etf.standIn]) : undefined);
    return securityOf(contract.underlying, info, 'equity');
  };

  /**
   * §11: an option revalued on its underlying's move (the move `moveOf` gives the underlying as a holding in the option's
   * currency): contracts × multiplier × (BS at price × (1 + move) − BS at price), over its own value, then its currency.
   * Time to expiry from the valuation date, volatility the position's, else the underlying's estimate, else 30%. Without
   * market data, an underlying price or a value of its own it is not tested: "no price", only its currency moves it.
   * Aggregates see it as its underlying.
   */
  const optionMove = (p: Position, contract: OptionContract, local: number, fx: { change: number; shock: number | null }) => {
    const underlyingSec = underlyingOf(contract);
    const u = market?.underlyings[contract.underlying];
    const spot = u && u.price !== null && u.price > 0 ? u.price : null;
    if (!market || spot === null || local === 0) {
      const ret = composedDD(0, fx.change);
      return {
        ret,
        local: 0,
        shares: { noPrice: dd(1) } as Partial<Record<CoveragePart, DD>>,
        byShock: new Map<number, DD>(),
        unmovedUnclassified: [] as string[],
        attributed: [{ sec: underlyingSec, weight: 1, return: ret }],
      };
    }
    const m = moveOf(contract.underlying, 'equity', fx);
    const vol = p.volatility ?? u?.volatility ?? 0.3;
    const years = (Date.parse(contract.expiry) - Date.parse(market.asOf)) / (365 * 86_400_000);
    const bs = (s: number) => blackScholes(contract.right, s, contract.strike, years, vol, market.rate).price;
    const size = p.quantity * contract.multiplier;
    const pnl = size * (bs(spot * Math.max(0, 1 + m.local)) - bs(spot));
    const ret = composedDD(pnl / local, fx.change);
    return { ...m, ret, attributed: [{ sec: underlyingSec, weight: 1, return: ret }] };
  };

  for (const p of positions) {
    // §1 value in the base currency; without a rate the position is left out.
    const rate = referenceRate(p.currency, base, reference.fxRates);
    if (rate === null) {
      result.excluded.push(p.id);
      continue;
    }
    const local = p.price !== null ? p.quantity * p.price : (p.marketValue ?? 0);
    const value = local * rate;
    const fx = currencyMove(p.currency, base, scenario, scale);

    const option = parseOccSymbol(p.symbol, p.multiplier ?? 100);
    let moved: ReturnType<typeof moveOf>;
    if (option && !hasSymbolShock(p.symbol, scenario)) moved = optionMove(p, option, local, fx);
    else moved = moveOf(p.symbol, p.assetClass, fx);
    const { ret, byShock, unmovedUnclassified } = moved;
    // An option is its underlying in the aggregates, even when a shock names the contract itself.
    const attributed = option ? [{ sec: underlyingOf(option), weight: 1, return: ret }] : moved.attributed;
    let shares = moved.shares;

    // §4/§6: a currency shock moves, and so covers, whatever no price shock reached.
    if (fx.shock !== null) {
      let reach = byShock.get(fx.shock);
      if (!reach) byShock.set(fx.shock, (reach = dd()));
      ddAdd(reach, 0, 1);
      const explicit = dd();
      for (const part of ['explicit', 'noShock', 'unclassified'] as const) {
        const share = shares[part];
        if (share) ddAddPair(explicit, 0, share[0], share[1]);
      }
      shares = { ...shares, explicit, noShock: dd(), unclassified: dd() };
    }
    const shareOf = (part: CoveragePart) => (shares[part] ? ddValue(shares[part], 0) : 0);
    if (shareOf('unclassified') > 0) for (const s of unmovedUnclassified) unclassified.add(s);

    const pnl = dd();
    ddAddProductPair(pnl, 0, ret[0], ret[1], value, 0);
    ddAdd(totals, 0, value);
    ddAddPair(totals, 1, pnl[0], pnl[1]);
    ddAdd(totals, 2, Math.abs(value));
    result.positions.push({ id: p.id, value, pnl: ddValue(pnl, 0), return: ddValue(ret, 0) });
    REFERENCE_PARTS.forEach((part, k) => {
      const share = shares[part];
      if (!share) return;
      ddAddProductPair(partSums, k, share[0], share[1], Math.abs(value), 0);
      if (value !== 0 && shareOf(part) > 1e-12) result.coverage[part].positionIds.push(p.id);
    });
    for (const [i, w] of byShock) ddAddProductPair(shockSums, i, w[0], w[1], value, 0);
    if (dimensions.includes('account')) add('account', p.accountName, value, 0, ret);
    for (const s of attributed) {
      // The slice's value, value × weight, exactly as a pair.
      const vh = value * s.weight;
      const vl = productError(value, s.weight, vh);
      for (const dimension of dimensions)
        if (dimension !== 'account') for (const name of namesOf(s.sec, p, dimension)) add(dimension, name, vh, vl, s.return);
    }
  }
  // A figure below 2⁻⁵⁰ of the gross value is zero: the last bits of so small a sum (of moves that cancel) are below
  // what double-doubles carry (as the engine reads it: shared/engine/totals.ts, settled).
  const gross = ddValue(totals, 2);
  /** A figure rounded, its double-double kept by name. */
  const figure = (name: string, acc: Float64Array, i: number) => {
    const value = ddValue(acc, i);
    const settled = Math.abs(value) < gross * 2 ** -50;
    result.unrounded.set(name, settled ? new Float64Array(2) : acc.slice(2 * i, 2 * i + 2));
    return settled ? 0 : value;
  };
  result.valueBefore = figure('value before', totals, 0);
  result.pnl = figure('P&L', totals, 1);
  result.grossValue = figure('gross value', totals, 2);
  REFERENCE_PARTS.forEach((part, k) => (result.coverage[part].value = figure(`coverage ${part}`, partSums, k)));
  result.shockValue = result.shockValue.map((_, i) => figure(`shock ${i}`, shockSums, i));
  for (const dimension of DIMS)
    for (const [name, row] of rowSums[dimension])
      result.aggregates[dimension].set(name, {
        value: figure(`${dimension} ${name} value`, row, 0),
        pnl: figure(`${dimension} ${name} P&L`, row, 1),
      });
  result.unclassifiedSymbols = [...unclassified].sort();
  return result;
}
