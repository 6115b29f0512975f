import type { Book, BookIssue, BookPosition, FundLookThrough, SecurityKey } from './book';
import { compileScenario, composeReturn, type CompiledScenario, type CurrencyMove, type Provenance } from './match';
import type { Scenario } from './scenario';

export const DIMENSIONS = ['account', 'sector', 'industry', 'theme', 'country', 'assetClass', 'currency', 'symbol'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type MoveSource = 'explicit' | 'market' | 'none' | 'mixed';

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
}

export interface AggregateRow {
  key: string;
  value: number;
  pnl: number;
  return: number;
}

export interface CoverageBucket {
  value: number;
  share: number;
  positionIds: number[];
}

export interface Coverage {
  explicit: CoverageBucket;
  market: CoverageBucket;
  none: CoverageBucket;
  /** Value reached through funds' listed holdings (overlaps the three above). */
  throughFunds: CoverageBucket;
  /** Value in securities without sector, industry or theme (overlaps the three above). */
  unclassified: CoverageBucket & { symbols: string[] };
}

export interface StressResult {
  scenarioId: string;
  scenarioName: string;
  baseCurrency: string;
  scale: number;
  lookThrough: boolean;
  valueBefore: number;
  pnl: number;
  valueAfter: number;
  return: number;
  positions: PositionResult[];
  worst: PositionResult | null;
  coverage: Coverage;
  aggregates: Partial<Record<Dimension, AggregateRow[]>>;
  /** Value (base currency) each shock of the scenario reached, by the shock's index. */
  shockValue: number[];
  issues: BookIssue[];
}

export interface SliceMove {
  price: Provenance;
  fx: CurrencyMove;
  return: number;
}

/** Evaluates slices for one scenario, remembering each security's move. */
export function createEvaluator(book: Book, compiled: CompiledScenario) {
  const memo = new Map<string, SliceMove>();
  const slice = (key: SecurityKey, currency: string, skipSymbol = false): SliceMove => {
    const id = `${key.symbol}|${key.assetClass}|${currency}|${skipSymbol ? 1 : 0}`;
    let move = memo.get(id);
    if (!move) {
      const price = compiled.priceShock(key, { skipSymbol });
      const fx = compiled.currencyMove(currency, book.baseCurrency);
      move = { price, fx, return: composeReturn(price.change, fx.change) };
      memo.set(id, move);
    }
    return move;
  };
  const fundMemo = new Map<string, { return: number; shares: Record<'explicit' | 'market' | 'none' | 'unclassified', number>; byShock: Map<number, number> }>();
  const fund = (lookThrough: FundLookThrough, key: SecurityKey, currency: string) => {
    const id = `${lookThrough.fund}|${currency}`;
    let hit = fundMemo.get(id);
    if (!hit) {
      const shares = { explicit: 0, market: 0, none: 0, unclassified: 0 };
      const byShock = new Map<number, number>();
      let r = 0;
      const count = (move: SliceMove, weight: number) => {
        r += weight * move.return;
        shares[move.price.kind] += weight;
        for (const index of [move.price.shockIndex, move.fx.shockIndex]) {
          if (index !== null) byShock.set(index, (byShock.get(index) ?? 0) + weight);
        }
      };
      for (const c of lookThrough.constituents) {
        count(slice(c.key, currency), c.weight);
        if (!c.key.isClassified) shares.unclassified += c.weight;
      }
      if (lookThrough.residualWeight > 0) count(slice(key, currency, true), lookThrough.residualWeight);
      hit = { return: r, shares, byShock };
      fundMemo.set(id, hit);
    }
    return hit;
  };
  /** Whether this position is split through its fund's holdings for this scenario. */
  const isLookedThrough = (p: BookPosition) => p.fund !== null && !compiled.hasSymbolShock(p.symbol);
  return { slice, fund, isLookedThrough };
}

const bucket = (): CoverageBucket => ({ value: 0, share: 0, positionIds: [] });

/** Applies one scenario to a prepared book (DESIGN §3): P&L per position, totals, coverage and aggregates. */
export function runScenario(book: Book, scenario: Scenario, options: { scale?: number; by?: readonly Dimension[] } = {}): StressResult {
  const scale = options.scale ?? 1;
  const evaluate = createEvaluator(book, compileScenario(scenario, scale));
  const coverage: Coverage = { explicit: bucket(), market: bucket(), none: bucket(), throughFunds: bucket(), unclassified: { ...bucket(), symbols: [] } };
  const unclassifiedSymbols = new Set<string>();
  const shockValue = scenario.shocks.map(() => 0);
  const add = (name: keyof Coverage, value: number, id: number) => {
    if (value === 0) return;
    coverage[name].value += value;
    const ids = coverage[name].positionIds;
    if (ids[ids.length - 1] !== id) ids.push(id);
  };

  const positions: PositionResult[] = book.positions.map((p) => {
    if (evaluate.isLookedThrough(p)) {
      const f = evaluate.fund(p.fund!, p.key, p.currency);
      for (const [index, weight] of f.byShock) shockValue[index] += p.value * weight;
      (['explicit', 'market', 'none'] as const).forEach((k) => add(k, p.value * f.shares[k], p.id));
      add('throughFunds', p.value * (1 - p.fund!.residualWeight), p.id);
      if (f.shares.unclassified > 0) {
        add('unclassified', p.value * f.shares.unclassified, p.id);
        p.fund!.constituents.forEach((c) => !c.key.isClassified && unclassifiedSymbols.add(c.key.symbol));
      }
      const kinds = (['explicit', 'market', 'none'] as const).filter((k) => f.shares[k] > 1e-12);
      return {
        ...identity(p),
        pnl: p.value * f.return,
        return: f.return,
        source: kinds.length === 1 ? kinds[0] : 'mixed',
        throughFund: true,
        applied: `Through ${p.fund!.constituents.length} listed holdings of ${p.symbol} (as of ${p.fund!.asOf})${p.fund!.residualWeight > 0 ? ` and its unlisted ${(p.fund!.residualWeight * 100).toFixed(1)}%` : ''}`,
      };
    }
    const move = evaluate.slice(p.key, p.currency);
    add(move.price.kind, p.value, p.id);
    for (const index of [move.price.shockIndex, move.fx.shockIndex]) if (index !== null) shockValue[index] += p.value;
    if (!p.key.isClassified && p.key.assetClass !== 'cash') {
      add('unclassified', p.value, p.id);
      unclassifiedSymbols.add(p.symbol);
    }
    return {
      ...identity(p),
      pnl: p.value * move.return,
      return: move.return,
      source: move.price.kind,
      throughFund: false,
      applied: [move.price.reason, move.fx.reason].filter(Boolean).join('; '),
    };
  });

  const valueBefore = book.totalValue;
  const pnl = positions.reduce((s, p) => s + p.pnl, 0);
  for (const name of ['explicit', 'market', 'none', 'throughFunds', 'unclassified'] as const) {
    coverage[name].share = valueBefore === 0 ? 0 : coverage[name].value / valueBefore;
  }
  coverage.unclassified.symbols = [...unclassifiedSymbols].sort();
  const worst = positions.reduce<PositionResult | null>((w, p) => (p.pnl < (w?.pnl ?? 0) ? p : w), null);
  const aggregates: StressResult['aggregates'] = {};
  for (const dimension of options.by ?? []) aggregates[dimension] = aggregate(book, evaluate, positions, dimension);

  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    baseCurrency: book.baseCurrency,
    scale,
    lookThrough: book.lookThrough,
    valueBefore,
    pnl,
    valueAfter: valueBefore + pnl,
    return: valueBefore === 0 ? 0 : pnl / valueBefore,
    positions,
    worst,
    coverage,
    aggregates,
    shockValue,
    issues: book.issues,
  };
}

function identity(p: BookPosition) {
  return { id: p.id, symbol: p.symbol, name: p.name, accountName: p.accountName, currency: p.currency, value: p.value };
}

export const UNCLASSIFIED = 'Unclassified';
export const NO_THEME = 'No theme';

/** The group names a slice falls in for a dimension (themes may give several). */
function groupsOf(key: SecurityKey, currency: string, dimension: Exclude<Dimension, 'account'>): readonly string[] {
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

/** Sums value and P&L of slices by a dimension, largest loss first. */
function aggregate(book: Book, evaluate: ReturnType<typeof createEvaluator>, positions: PositionResult[], dimension: Dimension): AggregateRow[] {
  const rows = new Map<string, { value: number; pnl: number }>();
  const put = (key: string, value: number, pnl: number) => {
    const row = rows.get(key) ?? { value: 0, pnl: 0 };
    row.value += value;
    row.pnl += pnl;
    rows.set(key, row);
  };
  if (dimension === 'account') {
    positions.forEach((p) => put(p.accountName, p.value, p.pnl));
  } else {
    // Fund positions are grouped per fund and currency so each fund's holdings are walked once.
    const funds = new Map<string, { position: BookPosition; value: number }>();
    for (const p of book.positions) {
      if (evaluate.isLookedThrough(p)) {
        const id = `${p.symbol}|${p.currency}`;
        const group = funds.get(id);
        if (group) group.value += p.value;
        else funds.set(id, { position: p, value: p.value });
      } else {
        const move = evaluate.slice(p.key, p.currency);
        for (const g of groupsOf(p.key, p.currency, dimension)) put(g, p.value, p.value * move.return);
      }
    }
    for (const { position, value } of funds.values()) {
      const fund = position.fund!;
      for (const c of fund.constituents) {
        const v = value * c.weight;
        const move = evaluate.slice(c.key, position.currency);
        for (const g of groupsOf(c.key, position.currency, dimension)) put(g, v, v * move.return);
      }
      if (fund.residualWeight > 0) {
        const v = value * fund.residualWeight;
        const move = evaluate.slice(position.key, position.currency, true);
        for (const g of groupsOf(position.key, position.currency, dimension)) put(g, v, v * move.return);
      }
    }
  }
  return [...rows]
    .map(([key, r]) => ({ key, value: r.value, pnl: r.pnl, return: r.value === 0 ? 0 : r.pnl / r.value }))
    .sort((a, b) => a.pnl - b.pnl || b.value - a.value || a.key.localeCompare(b.key));
}
