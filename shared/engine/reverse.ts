import type { Book } from './book';
import { runScenario } from './run';
import type { Scenario } from './scenario';

export interface ReverseResult {
  /** The loss asked for, as a fraction of the portfolio's value (0.2 = 20%). */
  targetLoss: number;
  /** The scale k, or null when no k reaches the loss. */
  scale: number | null;
  method: 'linear' | 'quadratic' | 'numeric';
  /** The largest loss any allowed scale reaches (shocks stay above −100%). */
  maxLoss: number;
  maxScale: number;
  impliedShocks: { target: string; value: string; change: number }[];
  explanation: string;
}

/**
 * The largest k for which every scaled shock stays at or above −100% (prices cannot go below zero);
 * a rise in yields moves the longest-duration holding by −duration × change.
 */
function scaleLimit(scenario: Scenario, book: Book): number {
  let limit = 1000;
  const longest = Math.max(0, ...book.keys.map((k) => k.duration ?? 0));
  for (const s of scenario.shocks) {
    if (!s.enabled) continue;
    const worst = s.target === 'rates' ? -s.change * longest : s.change;
    if (worst < 0) limit = Math.min(limit, 1 / -worst);
  }
  return limit;
}

/**
 * Reverse stress (docs/stress-semantics.md §9): the scale k at which the scenario loses `targetLoss` of the portfolio.
 * Without currency shocks the loss is linear in k; with shocks on foreign currencies it is quadratic
 * (exact roots); a shock on the base currency itself is solved numerically by bisection.
 */
export function reverseStress(book: Book, scenario: Scenario, targetLoss: number): ReverseResult {
  const total = book.totalValue;
  const pnlAt = (k: number) => runScenario(book, scenario, { scale: k }).pnl;
  const target = -targetLoss * total;
  const kMax = scaleLimit(scenario, book);
  const currencies = scenario.shocks.filter((s) => s.enabled && s.target === 'currency');
  let method: ReverseResult['method'] =
    currencies.length === 0 ? 'linear' : currencies.some((s) => s.value === book.baseCurrency) ? 'numeric' : 'quadratic';

  let k: number | null = null;
  if (total > 0 && targetLoss > 0) {
    if (method === 'linear') {
      const p1 = pnlAt(1);
      k = p1 < 0 ? target / p1 : null;
    } else if (method === 'quadratic') {
      // P(k) = a k² + b k, from P(1) = a + b and P(−1) = a − b.
      const p1 = pnlAt(1);
      const m1 = pnlAt(-1);
      const a = (p1 + m1) / 2;
      const b = (p1 - m1) / 2;
      k = smallestPositiveRoot(a, b, -target);
    } else {
      k = bisect((x) => pnlAt(x) - target, 0, kMax);
    }
    if (k !== null && (k <= 0 || k > kMax + 1e-9)) k = null;
    // A leveraged fund's loss stops at −100% (its multiple of a big enough shock is floored): the closed forms then
    // miss, so check the answer and solve numerically where it does not hold.
    const hasLeverage = book.groups.some((g) => g.leverage !== null);
    if (hasLeverage && method !== 'numeric' && (k === null || Math.abs(pnlAt(k) - target) > 1e-9 * Math.max(1, total))) {
      method = 'numeric';
      k = bisect((x) => pnlAt(x) - target, 0, kMax);
      if (k !== null && (k <= 0 || k > kMax + 1e-9)) k = null;
    }
  }
  const maxLoss = total > 0 ? -Math.min(0, pnlAt(kMax)) / total : 0;
  const scale = k;
  const impliedShocks = scenario.shocks
    .filter((s) => s.enabled)
    .map((s) => ({ target: s.target, value: s.value, change: s.change * (scale ?? 0) }));
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const explanation =
    scale === null
      ? `No scaling of “${scenario.name}” loses ${pct(targetLoss)}: with every shock kept above −100% (k ≤ ${kMax.toFixed(2)}) the largest loss is ${pct(maxLoss)}.`
      : `“${scenario.name}” loses ${pct(targetLoss)} when every shock is multiplied by ${scale.toFixed(4)}.`;
  return { targetLoss, scale, method, maxLoss, maxScale: kMax, impliedShocks, explanation };
}

/** Smallest k > 0 with a k² + b k + c = 0, for c = −target (solving a k² + b k = target). */
function smallestPositiveRoot(a: number, b: number, c: number): number | null {
  if (Math.abs(a) < 1e-12 * Math.max(1, Math.abs(b))) return b !== 0 && -c / b > 0 ? -c / b : null;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return null;
  const sq = Math.sqrt(disc);
  // Numerically stable pair of roots.
  const q = -0.5 * (b + Math.sign(b || 1) * sq);
  const roots = [q / a, q !== 0 ? c / q : Number.NaN].filter((r) => Number.isFinite(r) && r > 0);
  return roots.length ? Math.min(...roots) : null;
}

/** Finds the first sign change of f on (lo, hi] by scanning, then bisects to machine precision. */
function bisect(f: (x: number) => number, lo: number, hi: number): number | null {
  const steps = 200;
  let a = lo;
  let fa = f(a);
  for (let i = 1; i <= steps; i++) {
    const b = lo + ((hi - lo) * i) / steps;
    const fb = f(b);
    if (fa === 0) return a > 0 ? a : null;
    if (Math.sign(fa) !== Math.sign(fb)) {
      let x = a;
      let y = b;
      for (let j = 0; j < 200 && y - x > 1e-14 * Math.max(1, y); j++) {
        const m = (x + y) / 2;
        if (Math.sign(f(m)) === Math.sign(fa)) x = m;
        else y = m;
      }
      return (x + y) / 2;
    }
    a = b;
    fa = fb;
  }
  return null;
}
