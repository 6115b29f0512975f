import { leveragedClassification, leveragedEtf, type LeveragedEtf } from '../domain/leveraged-etfs';
import { ASSET_CLASS_OF_TYPE, type Classification, type ReferenceData } from '../domain/reference';
import { ASSET_CLASSES, type AssetClass, type Position } from '../domain/types';
import { fxRate, localValue } from '../domain/valuation';
import { parseOccSymbol } from '../domain/options';
import { optionFindings, optionHolding, type OptionHolding, type OptionMarket } from './options-pass';
import { countOf, formatCount } from '../format';
import { ddAdd, ddAddPair, ddAddProduct, ddSplit, ddValue } from '../domain/double-double';
import { MATCH_LEVELS, type MatchLevel } from './scenario';

/** The attributes a shock can match, for one security as a slice of a position. */
export interface SecurityKey {
  symbol: string;
  name: string;
  themes: readonly string[];
  industry: string | null;
  sector: string | null;
  country: string | null;
  assetClass: AssetClass;
  isClassified: boolean;
  /** A listed option (OCC symbol): no market or asset-class shock moves it like a share; options-pass revalues it on its underlying. */
  isOption: boolean;
  /** Duration in years where known (bond funds), for rate shocks. */
  duration: number | null;
  /** Dense number unique to this symbol and asset class within the book, for fast per-scenario caches. */
  id: number;
  /** The attributes as shocks compare them: symbol upper-case, the rest trimmed lower-case. */
  match: { symbol: string; themes: string[]; industry: string; sector: string; country: string };
}

export interface FundLookThrough {
  fund: string;
  asOf: string;
  source: string;
  constituents: { key: SecurityKey; weight: number }[];
  /** Share of the fund not covered by the listed constituents, classified as the fund itself. */
  residualWeight: number;
  /** The constituents again as typed arrays, for the per-scenario hot loop. */
  keyIds: Int32Array;
  weights: Float64Array;
  /**
   * Each weight as a multiple of 2⁻⁵⁰ and the rest (2 per constituent): sums of the first are exact in a double for
   * weights whose magnitudes add up to less than 8, so a fund's weights summed by slot carry no rounding.
   */
  weightGrid: Float64Array;
  /** Weight of constituents without sector, industry or theme. */
  unclassifiedWeight: number;
}

/**
 * A leveraged or inverse fund's link to what it multiplies: under a hypothetical shock it moves by `multiplier` × its
 * stand-in's shocked move (floored at −100%); the stand-in is looked through when its holdings are known.
 */
export interface LeverageLink {
  etf: LeveragedEtf;
  multiplier: number;
  standIn: SecurityKey;
  standInFund: FundLookThrough | null;
}

export interface BookPosition {
  id: number;
  symbol: string;
  name: string;
  accountName: string;
  currency: string;
  /** Value in the base currency. */
  value: number;
  key: SecurityKey;
  /** Set when the position is a fund whose holdings are known and look-through is on. */
  fund: FundLookThrough | null;
  /** Set when the position is a leveraged or inverse fund of the bundled list. */
  leverage: LeverageLink | null;
}

export interface BookIssue {
  kind: 'missing-fx' | 'weights-over-100' | 'unclassified' | 'options';
  message: string;
  symbols: string[];
}

/**
 * Positions that move alike: same security, currency and asset class. A scenario's return is computed once
 * per group; position P&L is its value times its group's return.
 */
export interface BookGroup {
  key: SecurityKey;
  currency: string;
  currencyIndex: number;
  fund: FundLookThrough | null;
  leverage: LeverageLink | null;
  value: number;
  /** Σ |value| of its positions: what coverage counts (a long and a short of the same security are both dollars at risk). */
  grossValue: number;
  /** What rounding value and grossValue to one double left out (their sums are double-doubles: see BookExposure). */
  valueLo: number;
  grossValueLo: number;
  /** Indexes into Book.positions. */
  members: number[];
}

/** A portfolio made ready for many scenarios: valued, classified and split through funds once. */
export interface Book {
  baseCurrency: string;
  positions: BookPosition[];
  groups: BookGroup[];
  /** For each position, the index of its group. */
  positionGroup: Int32Array;
  /** How many distinct security keys the book has (key.id < keyCount). */
  keyCount: number;
  /** Every security key by id. */
  keys: SecurityKey[];
  /** Key ids by the attribute values shocks match on (normalised as in SecurityKey.match). */
  index: Record<MatchLevel, Map<string, number[]>>;
  /** Ids of the keys with a known duration (what a rate shock can move). */
  durationKeys: number[];
  /** Per key id: 1 for cash (never moved by a market shock). Typed arrays keep the per-scenario loops off the key objects. */
  keyIsCash: Uint8Array;
  /** Per key id: 1 for a listed option (moved only by a shock naming its own symbol; see SecurityKey.isOption). */
  keyIsOption: Uint8Array;
  /**
   * Per key id: 2 × its asset class index (ASSET_CLASSES.length for an option, which no class-wide shock moves), plus 1
   * when it is unclassified: which class-wide default a scenario gives it, and which "nothing moved it" slot otherwise.
   */
  keyFillCode: Uint8Array;
  /** Per key id: 1 when the security has several themes (a theme win needs the slow path). */
  keyMultiTheme: Uint8Array;
  /** Per key id: 1 when nothing classifies it (no sector, industry or theme) and it is not cash: coverage's "unclassified". */
  keyUnclassified: Uint8Array;
  /** Per group: its key's id, and 1 when it is unclassified non-cash, as flat arrays for the hot loops. */
  groupKeyIds: Int32Array;
  groupUnclassified: Uint8Array;
  /** Currencies of the positions; BookGroup.currencyIndex points here. */
  currencies: string[];
  /** Positions left out because they cannot be valued in the base currency. */
  excluded: { id: number; symbol: string; currency: string }[];
  totalValue: number;
  /** Σ |value| over the positions: coverage shares are of this, so they sum to 100% with shorts or a negative total. */
  grossValue: number;
  lookThrough: boolean;
  issues: BookIssue[];
  /** What the book holds by security × currency, summed once so a scenario's totals are a pass over securities (see BookExposure). */
  exposure: BookExposure;
  /** Option positions, each its own group, revalued on their underlying's move (shared/engine/options-pass.ts). */
  options: OptionHolding[];
  /** Per group: its option holding, or null. */
  optionOfGroup: (OptionHolding | null)[];
}

/**
 * The book's value by cell — one security key in one currency (index `key.id * width + currencyIndex`) — summed over
 * its groups once, so a scenario's totals, coverage and aggregates cost a pass over the distinct securities and the
 * currencies a scenario moves, not over positions × fund holdings. Directly held groups add their value to their own
 * cell; looked-through funds add value × weight to each listed holding's cell ("through") and value × unlisted weight
 * to the fund's own cell ("rest", which moves without the fund's symbol shocks). Leveraged funds are not summed here:
 * their move depends on the scenario (multiplier × stand-in), so each is evaluated on its own.
 */
export interface BookExposure {
  /** Currencies per key: the row length of the cell arrays (at least 1). */
  width: number;
  /** How many groups reach each cell (a security's coverage reasons are listed only where something holds it). */
  presence: Int32Array;
  /** The same, without funds' holdings of zero weight: where coverage may name an unclassified security. */
  named: Int32Array;
  /**
   * The value per key (over its currencies) and per cell, net (direct + through funds' listed holdings) and gross
   * (Σ |value|) direct and through. Sums in a scenario's hot loops are exact: each value (a double-double) is split
   * into a multiple of the book's grid (a power of two fine enough that any sum of such multiples is exact in a double)
   * and a small rest, whose sums round far below the last bit of a result. Per key, [net, direct gross, through gross]
   * on the grid then their rests (6 × key id); per cell, [net, its rest, direct gross, its rest, through gross, its
   * rest] (CELL_GRID × cell).
   */
  keyGrid: Float64Array;
  cellGrid: Float64Array;
  /** Ids of the keys some cell of which is held, ascending. */
  heldKeys: Int32Array;
  /** Per currency, the held keys (CSR: `cellKeys[cellStart[c] .. cellStart[c + 1])`). */
  cellStart: Int32Array;
  cellKeys: Int32Array;
  /** Net value per currency (leveraged funds and options aside: they are evaluated one by one): what a currency shock reaches. */
  currencyNet: Float64Array;
  currencyNetLo: Float64Array;
  /** Cells of unclassified securities that something holds (where coverage may have to name them). */
  unclassifiedCells: Int32Array;
  /** Funds' unlisted rests, one entry per fund key × currency. */
  rests: { keyId: number; currencyIndex: number; net: number; netLo: number; gross: number; grossLo: number }[];
  /** Groups that are looked-through funds (a symbol shock on the fund's ticker moves them whole instead). */
  fundGroups: Int32Array;
  /** Groups that are leveraged or inverse funds. */
  leveragedGroups: Int32Array;
  /** Groups that are option positions (revalued one by one: their P&L is per contract, not value × a price move). */
  optionGroups: Int32Array;
}

const TYPE_TO_CLASS = ASSET_CLASS_OF_TYPE;

/** Numbers per cell in BookExposure.cellGrid. */
export const CELL_GRID = 6;

/** More currencies than any book holds: group numbers are key id × this + currency index. */
const MAX_CURRENCIES = 4096;

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

function keyFor(
  symbol: string,
  info: Classification | undefined,
  fallbackClass: AssetClass,
  fallbackName: string,
  id: number,
): SecurityKey {
  return {
    id,
    symbol,
    name: info?.name || fallbackName,
    themes: info?.themes ?? [],
    industry: info?.industry ?? null,
    sector: info?.sector ?? null,
    country: info?.country ?? null,
    assetClass: info ? TYPE_TO_CLASS[info.type] : fallbackClass,
    isClassified: !!info && (info.sector !== null || info.industry !== null || info.themes.length > 0 || info.type !== 'stock'),
    isOption: parseOccSymbol(symbol) !== null,
    duration: info?.duration?.years ?? null,
    match: {
      symbol: symbol.toUpperCase(),
      themes: (info?.themes ?? []).map(lower),
      industry: lower(info?.industry),
      sector: lower(info?.sector),
      country: lower(info?.country),
    },
  };
}

/** Values, classifies and (optionally) looks through the positions of a portfolio, collecting issues. */
export function prepareBook(
  positions: readonly Position[],
  baseCurrency: string,
  reference: ReferenceData,
  options: { lookThrough?: boolean; optionMarket?: OptionMarket } = {},
): Book {
  const lookThrough = options.lookThrough ?? true;
  // Valued here rather than through valuePositions: one rate per currency and no copy of each position.
  const rateOf = new Map<string, number | null>();
  const issues: BookIssue[] = [];
  const funds = new Map<string, FundLookThrough | null>();
  const overweight: string[] = [];
  const unclassified = new Set<string>();
  const allKeys: SecurityKey[] = [];
  /** The keys of each symbol, one per asset class (almost always one). */
  const keysBySymbol = new Map<string, SecurityKey[]>();
  /** One shared key per symbol and asset class, so caches can be indexed by key.id. */
  const keyOf = (symbol: string, info: Classification | undefined, fallbackClass: AssetClass, fallbackName = ''): SecurityKey => {
    const assetClass = info ? TYPE_TO_CLASS[info.type] : fallbackClass;
    let list = keysBySymbol.get(symbol);
    if (!list) keysBySymbol.set(symbol, (list = []));
    for (const key of list) if (key.assetClass === assetClass) return key;
    const key = keyFor(symbol, info, fallbackClass, fallbackName, allKeys.length);
    allKeys.push(key);
    list.push(key);
    return key;
  };

  const fundFor = (symbol: string): FundLookThrough | null => {
    if (!lookThrough) return null;
    const cached = funds.get(symbol);
    if (cached !== undefined) return cached;
    const data = reference.funds[symbol];
    if (!data || data.holdings.length === 0) {
      funds.set(symbol, null);
      return null;
    }
    let sum = data.holdings.reduce((s, h) => s + h.weight, 0);
    const scale = sum > 1 + 1e-9 ? 1 / sum : 1;
    if (scale !== 1) overweight.push(symbol);
    sum *= scale;
    const constituents = data.holdings.map((h) => {
      const info = reference.securities[h.symbol];
      if (!info) unclassified.add(h.symbol);
      return { key: keyOf(h.symbol, info, 'equity'), weight: h.weight * scale };
    });
    const fund: FundLookThrough = {
      fund: symbol,
      asOf: data.asOf,
      source: data.source,
      constituents,
      residualWeight: Math.max(0, 1 - sum),
      keyIds: Int32Array.from(constituents, (c) => c.key.id),
      weights: Float64Array.from(constituents, (c) => c.weight),
      weightGrid: weightGridOf(constituents),
      unclassifiedWeight: constituents.reduce((w, c) => w + (c.key.isClassified ? 0 : c.weight), 0),
    };
    funds.set(symbol, fund);
    return fund;
  };

  const leverages = new Map<string, LeverageLink | null>();
  /** The leveraged fund a symbol is, linked to its stand-in's key (and holdings); null for everything else. */
  const leverageFor = (symbol: string): LeverageLink | null => {
    if (leverages.has(symbol)) return leverages.get(symbol)!;
    const etf = leveragedEtf(symbol);
    let link: LeverageLink | null = null;
    if (etf) {
      const standIn = keyOf(etf.standIn, reference.securities[etf.standIn], 'equity', etf.underlying);
      if (!standIn.isClassified) unclassified.add(etf.standIn);
      link = { etf, multiplier: etf.multiplier, standIn, standInFund: fundFor(etf.standIn) };
    }
    leverages.set(symbol, link);
    return link;
  };

  const book: BookPosition[] = [];
  const excluded: Book['excluded'] = [];
  /** What a symbol is, looked up once per symbol (reference lookups by a string key cost more than one Map lookup). */
  type SymbolFacts = {
    info: Classification | undefined;
    leverage: LeverageLink | null;
    fund: FundLookThrough | null;
    key: SecurityKey | null;
  };
  const bySymbol = new Map<string, SymbolFacts>();
  const cashBySymbol = new Map<string, SymbolFacts>();
  const symbolFacts = (symbol: string, isCash: boolean) => {
    // Cash is never a leveraged fund, whatever its symbol, nor classified as one.
    if (isCash) {
      let facts = cashBySymbol.get(symbol);
      if (!facts)
        cashBySymbol.set(symbol, (facts = { info: reference.securities[symbol], leverage: null, fund: fundFor(symbol), key: null }));
      return facts;
    }
    let facts = bySymbol.get(symbol);
    if (!facts) {
      const leverage = leverageFor(symbol);
      facts = { info: reference.securities[symbol], leverage, fund: fundFor(symbol), key: null };
      // A leveraged fund the security master does not know is still a known fund: the bundled list classifies it.
      if (!facts.info && leverage) facts.info = leveragedClassification(leverage.etf, reference.securities[leverage.etf.standIn]);
      bySymbol.set(symbol, facts);
    }
    return facts;
  };
  /** Option holdings by index into `book` (options-pass). */
  const optionAt = new Map<number, Omit<OptionHolding, 'group'>>();
  for (const p of positions) {
    let rate = rateOf.get(p.currency);
    if (rate === undefined) rateOf.set(p.currency, (rate = fxRate(p.currency, baseCurrency, reference.fxRates)));
    if (rate === null) {
      excluded.push({ id: p.id, symbol: p.symbol, currency: p.currency });
      continue;
    }
    const value = localValue(p) * rate;
    const facts = symbolFacts(p.symbol, p.assetClass === 'cash');
    const { info, leverage } = facts;
    // The symbol's last key again when the asset class agrees (it always does when the master knows the symbol).
    let key = facts.key;
    if (key === null || key.assetClass !== (info ? TYPE_TO_CLASS[info.type] : p.assetClass))
      key = facts.key = keyOf(p.symbol, info, p.assetClass, p.name);
    if (key.isOption) {
      // An option is classified by its underlying: the underlying, held or not, is a security of the book.
      const contract = parseOccSymbol(p.symbol, p.multiplier ?? 100)!;
      const u = symbolFacts(contract.underlying, false);
      const uKey = keyOf(contract.underlying, u.info, 'equity');
      if (!uKey.isClassified && uKey.assetClass !== 'cash') unclassified.add(uKey.symbol);
      optionAt.set(
        book.length,
        optionHolding(p, contract, value / rate, { key: uKey, fund: u.fund, leverage: u.leverage }, options.optionMarket),
      );
    } else if (!key.isClassified && key.assetClass !== 'cash') unclassified.add(p.symbol);
    book.push({
      id: p.id,
      symbol: p.symbol,
      name: p.name || key.name,
      accountName: p.accountName,
      currency: p.currency,
      value,
      key,
      fund: facts.fund,
      leverage,
    });
  }

  if (excluded.length) {
    const currencies = [...new Set(excluded.map((e) => e.currency))].sort();
    issues.push({
      kind: 'missing-fx',
      message: `No exchange rate to ${baseCurrency} for ${currencies.join(', ')}: ${countOf(excluded.length, 'position')} left out of the stress.`,
      symbols: excluded.map((e) => e.symbol),
    });
  }
  if (overweight.length) {
    issues.push({
      kind: 'weights-over-100',
      message: `Fund holdings add up to more than 100% for ${overweight.join(', ')}; weights were scaled down to 100%.`,
      symbols: overweight,
    });
  }
  if (unclassified.size) {
    issues.push({
      kind: 'unclassified',
      message: `${formatCount(unclassified.size)} ${unclassified.size === 1 ? 'security has' : 'securities have'} no sector, industry or theme; only market and asset-class shocks can reach them.`,
      symbols: [...unclassified].sort(),
    });
  }
  const findings = optionFindings([...optionAt.values()]);
  if (findings.length)
    issues.push({
      kind: 'options',
      message: findings.join(' '),
      symbols: [...new Set([...optionAt.values()].map((h) => h.contract.underlying))].sort(),
    });
  // A group is a key (symbol and asset class) in one currency: numbered key id × currencies + currency index.
  const groupIndex = new Map<number, number>();
  const groups: BookGroup[] = [];
  const currencies: string[] = [];
  const currencyIndexOf = new Map<string, number>();
  const positionGroup = new Int32Array(book.length);
  book.forEach((p, i) => {
    let currencyIndex = currencyIndexOf.get(p.currency);
    if (currencyIndex === undefined) currencyIndexOf.set(p.currency, (currencyIndex = currencies.push(p.currency) - 1));
    // Each option position is a group of its own (its P&L is per contract: options-pass).
    const id = p.key.isOption ? -1 - i : p.key.id * MAX_CURRENCIES + currencyIndex;
    let g = groupIndex.get(id);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(id, g);
      groups.push({
        key: p.key,
        currency: p.currency,
        currencyIndex,
        fund: p.fund,
        leverage: p.leverage,
        value: 0,
        grossValue: 0,
        valueLo: 0,
        grossValueLo: 0,
        members: [],
      });
    }
    groups[g].members.push(i);
    positionGroup[i] = g;
  });
  // Each group's value and gross value, and the book's, as double-doubles (BookExposure), rounded once.
  const sums = new Float64Array(4 * groups.length + 4);
  book.forEach((p, i) => {
    const g = positionGroup[i];
    ddAdd(sums, 2 * g, p.value);
    ddAdd(sums, 2 * g + 1, Math.abs(p.value));
    ddAdd(sums, 2 * groups.length, p.value);
  });
  groups.forEach((g, i) => {
    [g.value, g.valueLo] = ddSplit(sums, 2 * i);
    [g.grossValue, g.grossValueLo] = ddSplit(sums, 2 * i + 1);
    ddAddPair(sums, 2 * groups.length + 1, g.grossValue, g.grossValueLo);
  });
  const optionOfGroup: (OptionHolding | null)[] = groups.map(() => null);
  const optionHoldings: OptionHolding[] = [];
  for (const [i, h] of optionAt) optionHoldings.push((optionOfGroup[positionGroup[i]] = { ...h, group: positionGroup[i] }));
  const index = Object.fromEntries(MATCH_LEVELS.map((l) => [l, new Map<string, number[]>()])) as Book['index'];
  const file = (level: MatchLevel, value: string, id: number) => {
    if (value === '') return;
    const list = index[level].get(value);
    if (list) list.push(id);
    else index[level].set(value, [id]);
  };
  for (const key of allKeys) {
    file('symbol', key.match.symbol, key.id);
    for (const theme of new Set(key.match.themes)) file('theme', theme, key.id);
    file('industry', key.match.industry, key.id);
    file('sector', key.match.sector, key.id);
    file('country', key.match.country, key.id);
    if (!key.isOption) file('assetClass', key.assetClass, key.id);
  }
  const durationKeys = allKeys.filter((k) => k.duration !== null).map((k) => k.id);
  return {
    baseCurrency,
    positions: book,
    groups,
    positionGroup,
    keyCount: allKeys.length,
    keys: allKeys,
    index,
    durationKeys,
    keyIsCash: Uint8Array.from(allKeys, (k) => (k.assetClass === 'cash' ? 1 : 0)),
    keyIsOption: Uint8Array.from(allKeys, (k) => (k.isOption ? 1 : 0)),
    keyFillCode: Uint8Array.from(
      allKeys,
      (k) =>
        2 * (k.isOption ? ASSET_CLASSES.length : ASSET_CLASSES.indexOf(k.assetClass)) +
        (!k.isClassified && k.assetClass !== 'cash' ? 1 : 0),
    ),
    keyMultiTheme: Uint8Array.from(allKeys, (k) => (k.match.themes.length > 1 ? 1 : 0)),
    keyUnclassified: Uint8Array.from(allKeys, (k) => (!k.isClassified && k.assetClass !== 'cash' ? 1 : 0)),
    groupKeyIds: Int32Array.from(groups, (g) => g.key.id),
    groupUnclassified: Uint8Array.from(groups, (g) => (!g.key.isClassified && g.key.assetClass !== 'cash' ? 1 : 0)),
    currencies,
    excluded,
    totalValue: ddValue(sums, 2 * groups.length),
    grossValue: ddValue(sums, 2 * groups.length + 1),
    lookThrough,
    issues,
    exposure: exposureOf(groups, allKeys, Math.max(1, currencies.length)),
    options: optionHoldings,
    optionOfGroup,
  };
}

/** FundLookThrough.weightGrid. */
function weightGridOf(constituents: readonly { weight: number }[]): Float64Array {
  const grid = new Float64Array(2 * constituents.length);
  constituents.forEach(({ weight }, j) => {
    grid[2 * j] = Math.round(weight * 2 ** 50) / 2 ** 50;
    grid[2 * j + 1] = weight - grid[2 * j];
  });
  return grid;
}

/** Sums the groups' value by security × currency cell (BookExposure), in double-double. */
function exposureOf(groups: readonly BookGroup[], keys: readonly SecurityKey[], width: number): BookExposure {
  const keyCount = keys.length;
  const cells = keyCount * width;
  // Per cell, double-double pairs: [net, direct gross, through gross] (CELL_GRID numbers).
  const sums = new Float64Array(CELL_GRID * cells);
  const presence = new Int32Array(cells);
  const named = new Int32Array(cells);
  // Per rest (fund key × currency, by cell): double-double pairs [net, gross], in the order first met.
  const restSums = new Map<number, { keyId: number; currencyIndex: number; sums: Float64Array }>();
  const currencySums = new Float64Array(2 * width);
  const fundGroups: number[] = [];
  const leveragedGroups: number[] = [];
  const optionGroups: number[] = [];
  groups.forEach((g, i) => {
    if (g.leverage !== null) {
      leveragedGroups.push(i);
      return;
    }
    if (g.key.isOption) {
      optionGroups.push(i);
      return;
    }
    const c = g.currencyIndex;
    // What a currency shock reaches: the whole value of each group in the currency (not its slices, whose weights
    // and rest add up to 100% only to the last bits).
    ddAddPair(currencySums, c, g.value, g.valueLo);
    if (g.fund === null) {
      const cell = g.key.id * width + c;
      ddAddPair(sums, 3 * cell, g.value, g.valueLo);
      ddAddPair(sums, 3 * cell + 1, g.grossValue, g.grossValueLo);
      presence[cell]++;
      named[cell]++;
      return;
    }
    fundGroups.push(i);
    const { keyIds, weights, residualWeight } = g.fund;
    for (let j = 0; j < keyIds.length; j++) {
      const cell = keyIds[j] * width + c;
      ddAddProduct(sums, 3 * cell, g.value, g.valueLo, weights[j]);
      ddAddProduct(sums, 3 * cell + 2, g.grossValue, g.grossValueLo, weights[j]);
      presence[cell]++;
      // A holding of zero weight is a row of the aggregates but reaches nothing coverage would name.
      if (weights[j] !== 0) named[cell]++;
    }
    if (residualWeight > 0) {
      const cell = g.key.id * width + c;
      let rest = restSums.get(cell);
      if (!rest) restSums.set(cell, (rest = { keyId: g.key.id, currencyIndex: c, sums: new Float64Array(4) }));
      ddAddProduct(rest.sums, 0, g.value, g.valueLo, residualWeight);
      ddAddProduct(rest.sums, 1, g.grossValue, g.grossValueLo, residualWeight);
    }
  });
  const restList: BookExposure['rests'] = [...restSums.values()].map(({ keyId, currencyIndex, sums: pairs }) => {
    const [net, netLo] = ddSplit(pairs, 0);
    const [gross, grossLo] = ddSplit(pairs, 1);
    return { keyId, currencyIndex, net, netLo, gross, grossLo };
  });
  // Per key, double-double pairs: [net, direct gross, through gross].
  const keySums = new Float64Array(6 * keyCount);
  const held: number[] = [];
  const unclassifiedCells: number[] = [];
  const perCurrency: number[][] = Array.from({ length: width }, () => []);
  /** The bound on any partial sum of the values below: what the grid is chosen from. */
  let bound = 0;
  for (let k = 0; k < keyCount; k++) {
    let isHeld = false;
    for (let c = 0; c < width; c++) {
      const cell = k * width + c;
      if (presence[cell] === 0) continue;
      isHeld = true;
      perCurrency[c].push(k);
      if (!keys[k].isClassified && keys[k].assetClass !== 'cash') unclassifiedCells.push(cell);
      for (let n = 0; n < 3; n++) {
        ddAddPair(keySums, 3 * k + n, sums[6 * cell + 2 * n], sums[6 * cell + 2 * n + 1]);
        bound += Math.abs(sums[6 * cell + 2 * n]);
      }
    }
    if (isHeld) held.push(k);
  }
  for (const rest of restList) bound += Math.abs(rest.net) + Math.abs(rest.gross);
  // The grid: a power of two so fine that a sum of every value on it, whatever the order, stays below 2⁵³ of it.
  const grid = bound > 0 ? 2 ** (Math.ceil(Math.log2(2 * bound)) - 52) : 1;
  /** A double-double as a multiple of the grid and the rest. */
  const onGrid = (into: Float64Array, at: number, lowAt: number, hi: number, lo: number) => {
    const h = Math.round(hi / grid) * grid;
    into[at] = h;
    into[lowAt] = hi - h + lo;
  };
  const keyGrid = new Float64Array(6 * keyCount);
  for (let k = 0; k < keyCount; k++)
    for (let n = 0; n < 3; n++) onGrid(keyGrid, 6 * k + n, 6 * k + 3 + n, keySums[6 * k + 2 * n], keySums[6 * k + 2 * n + 1]);
  // Per cell: net, direct gross and through gross, each on the grid then its rest.
  const cellGrid = new Float64Array(CELL_GRID * cells);
  for (let cell = 0; cell < cells; cell++) {
    if (presence[cell] === 0) continue;
    for (let n = 0; n < 3; n++)
      onGrid(cellGrid, CELL_GRID * cell + 2 * n, CELL_GRID * cell + 2 * n + 1, sums[6 * cell + 2 * n], sums[6 * cell + 2 * n + 1]);
  }
  const currencyNet = new Float64Array(width);
  const currencyNetLo = new Float64Array(width);
  for (let c = 0; c < width; c++) [currencyNet[c], currencyNetLo[c]] = ddSplit(currencySums, c);
  const cellStart = new Int32Array(width + 1);
  perCurrency.forEach((ks, c) => (cellStart[c + 1] = cellStart[c] + ks.length));
  return {
    width,
    presence,
    named,
    keyGrid,
    cellGrid,
    heldKeys: Int32Array.from(held),
    cellStart,
    cellKeys: Int32Array.from(perCurrency.flat()),
    currencyNet,
    currencyNetLo,
    unclassifiedCells: Int32Array.from(unclassifiedCells),
    rests: restList,
    fundGroups: Int32Array.from(fundGroups),
    leveragedGroups: Int32Array.from(leveragedGroups),
    optionGroups: Int32Array.from(optionGroups),
  };
}
