import type { SecurityKey } from './book';
import { majorCurrency } from '../domain/valuation';
import { signedPercent } from '../format';
import { TARGET_PRECEDENCE, type MatchLevel, type Scenario, type Shock, type TargetKind } from './scenario';

/** Why a slice moved: the shock that matched (and at which level), or nothing. */
export interface Provenance {
  /** 'propagated': estimated from history given the shocked proxies (docs/stress-semantics.md §7); 'proxy': a replay moved by a stand-in series (§3.8). */
  kind: 'explicit' | 'market' | 'none' | 'propagated' | 'proxy';
  level: TargetKind | null;
  /** Index of the shock in the scenario's list. */
  shockIndex: number | null;
  /** The applied local-price change after scaling. */
  change: number;
  /** One sentence: which shock, and why it won. */
  reason: string;
  /** Low and high change from estimation uncertainty, for propagated moves. */
  band?: { low: number; high: number };
  /** Set on a replay's "not tested": no price history for it or a stand-in over the window (coverage "no price"). */
  noPrice?: true;
}

export interface CurrencyMove {
  change: number;
  shockIndex: number | null;
  reason: string;
}

/**
 * One step of the precedence walk (TARGET_PRECEDENCE without the market, which is the fallback): an attribute level
 * with its enabled shocks in listed order, or the first enabled rate shock (which moves holdings of known duration).
 */
export { signedPercent };

export type PrecedenceStep = { level: MatchLevel; shocks: { index: number; value: string }[] } | { level: 'rates'; index: number };

/** A change in yields in basis points, e.g. 0.01 → "+100bp". */
export function signedBasisPoints(change: number): string {
  const bp = Math.round(change * 10000);
  return `${bp > 0 ? '+' : bp < 0 ? '−' : ''}${Math.abs(bp)}bp`;
}

/** How a shock reads in provenance: "industry Semiconductors −10%", "rates +100bp". */
export function describeShock(shock: Pick<Shock, 'target' | 'value'>, change: number): string {
  if (shock.target === 'market') return `market ${signedPercent(change)}`;
  if (shock.target === 'rates') return `rates ${signedBasisPoints(change)}`;
  return `${shock.target} ${shock.value} ${signedPercent(change)}`;
}

const norm = (s: string) => s.trim().toLowerCase();

/** How a shock's value is matched: symbols upper-cased, asset classes as written, the rest trimmed and lower-cased. */
const matchValue = (level: MatchLevel, value: string) =>
  level === 'symbol' ? value.toUpperCase() : level === 'assetClass' ? value : norm(value);

/**
 * Compiles a scenario's shocks into its precedence steps, the one rule for which shock wins (docs/stress-semantics.md §3): the
 * highest step that matches a security wins; within a step the first listed shock wins. Both the walk (`priceShock`)
 * and the evaluator's index sweep read these steps.
 */
export function compileScenario(scenario: Scenario, scale = 1) {
  const currency = new Map<string, number>();
  let market: number | null = null;
  let rates: number | null = null;
  // One pass over the shocks, each enabled attribute shock filed under its level in listed order.
  const byLevel = new Map<MatchLevel, { index: number; value: string }[]>();
  scenario.shocks.forEach((shock, index) => {
    if (!shock.enabled) return;
    if (shock.target === 'market') market ??= index;
    else if (shock.target === 'rates') rates ??= index;
    else if (shock.target === 'currency') {
      // A shock naming a minor unit ("GBX") names its major currency; the first listed of the two wins.
      const major = majorCurrency(shock.value);
      if (!currency.has(major)) currency.set(major, index);
    } else {
      const level = shock.target;
      let list = byLevel.get(level);
      if (!list) byLevel.set(level, (list = []));
      list.push({ index, value: matchValue(level, shock.value) });
    }
  });
  const precedence: PrecedenceStep[] = [];
  /** Per attribute level, the first listed shock of each value. */
  const lookups: { level: MatchLevel; first: Map<string, number> }[] = [];
  for (const target of TARGET_PRECEDENCE) {
    if (target === 'market') continue;
    if (target === 'rates') {
      if (rates !== null) precedence.push({ level: 'rates', index: rates });
      continue;
    }
    const shocks = byLevel.get(target);
    if (!shocks) continue;
    precedence.push({ level: target, shocks });
    const first = new Map<string, number>();
    for (const { index, value } of shocks) if (!first.has(value)) first.set(value, index);
    lookups.push({ level: target, first });
  }
  const symbolShocks = lookups.find((l) => l.level === 'symbol')?.first ?? new Map<string, number>();
  /** Indexes of the theme shocks: a security with several themes needs the walk to say which matched. */
  const themeShocks = new Set((byLevel.get('theme') ?? []).map((x) => x.index));

  // A scaled price shock stops at −100% (a price cannot fall below zero); a rate or currency shock is as scaled.
  const changeOf = (index: number) => {
    const shock = scenario.shocks[index];
    const change = shock.change * scale;
    return shock.target === 'rates' || shock.target === 'currency' ? change : Math.max(-1, change);
  };
  // One provenance object per shock, shared by every slice it moves (this runs for every holding of every fund).
  const shared: (Provenance | undefined)[] = [];
  const explicit = (level: MatchLevel, index: number, extra = ''): Provenance => {
    if (extra)
      return {
        kind: 'explicit',
        level,
        shockIndex: index,
        change: changeOf(index),
        reason: `${describeShock(scenario.shocks[index], changeOf(index))}${extra}`,
      };
    return (shared[index] ??= {
      kind: 'explicit',
      level,
      shockIndex: index,
      change: changeOf(index),
      reason: describeShock(scenario.shocks[index], changeOf(index)),
    });
  };
  let marketReason: string | undefined;
  const marketMove: Provenance | null =
    market === null
      ? null
      : {
          kind: 'market',
          level: 'market',
          shockIndex: market,
          change: changeOf(market),
          // Worded on first use: most scenarios are run for their totals, which never read it.
          get reason() {
            marketReason ??= `${describeShock(scenario.shocks[market!], changeOf(market!))} (no more specific shock matches)`;
            return marketReason;
          },
        };
  const cashUnmoved: Provenance = {
    kind: 'none',
    level: null,
    shockIndex: null,
    change: 0,
    reason: 'Not shocked: cash is not moved by a market shock.',
  };
  const optionUnvalued: Provenance = {
    kind: 'none',
    level: null,
    shockIndex: null,
    change: 0,
    reason:
      'Not moved like a share: an option is revalued on its underlying’s move (shared/engine/options-pass.ts), or moved by a shock naming the contract.',
  };
  const unmatched: Provenance = {
    kind: 'none',
    level: null,
    shockIndex: null,
    change: 0,
    reason: 'Not shocked: no shock in the scenario matches it.',
  };

  /** The price shock for a security (before currency), with its provenance. */
  /** A rate shock's move of a holding of known duration: −duration × change in yields. */
  const ratesMove = (key: SecurityKey): Provenance => {
    const dy = changeOf(rates!);
    const change = Math.max(-1, -key.duration! * dy);
    return {
      kind: 'explicit',
      level: 'rates',
      shockIndex: rates,
      change,
      reason: `${describeShock(scenario.shocks[rates!], dy)} × duration ${key.duration} years = ${signedPercent(change)}`,
    };
  };

  function priceShock(key: SecurityKey, options: { skipSymbol?: boolean } = {}): Provenance {
    let l = 0;
    for (const step of precedence) {
      if (step.level === 'rates') {
        if (key.duration !== null) return ratesMove(key);
        continue;
      }
      const { level, first } = lookups[l++];
      if (level === 'symbol' && options.skipSymbol) continue;
      if (level === 'theme') {
        let best: number | null = null;
        let matches = 0;
        for (const theme of key.match.themes) {
          const hit = first.get(theme);
          if (hit !== undefined) {
            matches++;
            if (best === null || hit < best) best = hit;
          }
        }
        if (best !== null) return explicit(level, best, matches > 1 ? ` (first of ${matches} matching theme shocks)` : '');
        continue;
      }
      if (level === 'assetClass' && key.isOption) continue;
      const value = level === 'assetClass' ? key.assetClass : key.match[level];
      const best = value === '' ? undefined : first.get(value);
      if (best !== undefined) return explicit(level, best);
    }
    if (key.assetClass === 'cash') return cashUnmoved;
    if (key.isOption) return optionUnvalued;
    return marketMove ?? unmatched;
  }

  /** The move of a slice's currency against the base currency, without its reason; zero for the base itself. */
  function currencyChange(quoted: string, quotedBase: string): Omit<CurrencyMove, 'reason'> {
    // A minor unit (GBp, GBX, ZAc…) moves with its major currency, and a minor unit of the base is not foreign.
    const sliceCurrency = majorCurrency(quoted);
    const baseCurrency = majorCurrency(quotedBase);
    if (sliceCurrency === baseCurrency) return { change: 0, shockIndex: null };
    const own = currency.get(sliceCurrency);
    if (own !== undefined) return { change: changeOf(own), shockIndex: own };
    const base = currency.get(baseCurrency);
    if (base !== undefined) return { change: 1 / (1 + changeOf(base)) - 1, shockIndex: base };
    return { change: 0, shockIndex: null };
  }

  /** The move of a slice's currency against the base currency, with its reason. */
  function currencyMove(quoted: string, quotedBase: string): CurrencyMove {
    const { change, shockIndex } = currencyChange(quoted, quotedBase);
    if (shockIndex === null) return { change, shockIndex, reason: '' };
    const shock = describeShock(scenario.shocks[shockIndex], changeOf(shockIndex));
    // A shock on the base currency moves every other currency by its inverse.
    const reason =
      currency.get(majorCurrency(quoted)) === shockIndex
        ? shock
        : `${shock} moves ${majorCurrency(quoted)} ${signedPercent(change)} against it`;
    return { change, shockIndex, reason };
  }

  const hasSymbolShock = (symbol: string) => symbolShocks.has(symbol.toUpperCase());
  return {
    priceShock,
    currencyMove,
    currencyChange,
    hasSymbolShock,
    currencyShocks: currency,
    /** The precedence steps, highest first (the market shock, below them all, is `market`). */
    precedence,
    themeShocks,
    market,
    /** The first enabled rate shock, if any. */
    rates,
    /** The shared provenance of shock `index` when it wins at its own level. */
    provenanceOf: (index: number): Provenance =>
      index === market ? marketMove! : explicit(scenario.shocks[index].target as MatchLevel, index),
    ratesMove,
    /** Shock `index`'s change after scaling (a rate shock's: the change in yields). */
    changeOf,
    /** What shock `index` targets. */
    targetOf: (index: number) => scenario.shocks[index].target,
    cashUnmoved,
    optionUnvalued,
    unmatched,
    shockCount: scenario.shocks.length,
    /**
     * Whether a currency shock counts as shocking a slice whose price nothing moves (coverage "explicit"): so in a
     * hypothetical scenario ("US dollar +10%" moves every euro holding); not in a replay, whose coverage is about
     * which holdings had price history.
     */
    currencyCovers: scenario.kind !== 'historical',
    /** A replay moves each holding by its own history (a leveraged fund included): leverage × stand-in is for hypothetical shocks. */
    isReplay: scenario.kind === 'historical',
  };
}

export type CompiledScenario = ReturnType<typeof compileScenario>;

/** Composes a local-price change and a currency change: (1 + s)(1 + f) − 1, written to stay exact when f = 0. */
export function composeReturn(price: number, fx: number): number {
  return price + fx + price * fx;
}
