import type { Book } from './book';
import { compileScenario, type CurrencyMove, type Provenance } from './match';
import { createEvaluator, leveragedMove } from './run';
import type { Scenario } from './scenario';

export interface SliceExplanation {
  /** The security this slice is: the position itself, a fund constituent, or the fund's unlisted rest. */
  symbol: string;
  name: string;
  kind: 'direct' | 'constituent' | 'residual';
  weight: number;
  value: number;
  pnl: number;
  return: number;
  price: Provenance;
  fx: CurrencyMove;
  classification: { sector: string | null; industry: string | null; country: string | null; themes: readonly string[]; assetClass: string };
}

/** "Why did this move": the slices of one position, each with the shock that matched it and why. */
export function explainPosition(
  book: Book,
  scenario: Scenario,
  positionId: number,
  options: { scale?: number; overrides?: ReadonlyMap<string, Provenance> } = {},
): SliceExplanation[] {
  const position = book.positions.find((p) => p.id === positionId);
  if (!position) return [];
  const evaluate = createEvaluator(book, compileScenario(scenario, options.scale ?? 1), options.overrides);
  const describe = (key: typeof position.key) => ({
    sector: key.sector,
    industry: key.industry,
    country: key.country,
    themes: key.themes,
    assetClass: key.assetClass,
  });
  /** The position as one slice, held directly, moved by `ret` (price, then currency). */
  const whole = (ret: number, price: Provenance, fx: SliceExplanation['fx']): SliceExplanation[] => [
    {
      symbol: position.symbol,
      name: position.name,
      kind: 'direct',
      weight: 1,
      value: position.value,
      pnl: position.value * ret,
      return: ret,
      price,
      fx,
      classification: describe(position.key),
    },
  ];
  if (position.leverage !== null && evaluate.isLeveraged(position)) {
    // One slice: the fund itself, moved by its multiplier times its stand-in (the reason says how).
    const lev = leveragedMove(evaluate, position.leverage, position.key, position.currency);
    const kind = lev.move.source === 'mixed' ? 'explicit' : lev.move.source;
    return whole(lev.move.return, { kind, level: null, shockIndex: null, change: lev.price, reason: lev.move.applied }, lev.fx);
  }
  if (!evaluate.isLookedThrough(position)) {
    const move = evaluate.slice(position.key, position.currency);
    return whole(move.return, move.price, move.fx);
  }
  const fund = position.fund!;
  const slices: SliceExplanation[] = fund.constituents.map((c) => {
    const move = evaluate.slice(c.key, position.currency);
    const value = position.value * c.weight;
    return {
      symbol: c.key.symbol,
      name: c.key.name,
      kind: 'constituent',
      weight: c.weight,
      value,
      pnl: value * move.return,
      return: move.return,
      price: move.price,
      fx: move.fx,
      classification: describe(c.key),
    };
  });
  if (fund.residualWeight > 0) {
    const move = evaluate.slice(position.key, position.currency, true);
    const value = position.value * fund.residualWeight;
    slices.push({
      symbol: position.symbol,
      name: `${position.symbol} — holdings not listed`,
      kind: 'residual',
      weight: fund.residualWeight,
      value,
      pnl: value * move.return,
      return: move.return,
      price: move.price,
      fx: move.fx,
      classification: describe(position.key),
    });
  }
  return slices.sort((a, b) => a.pnl - b.pnl);
}
