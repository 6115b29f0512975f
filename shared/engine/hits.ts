import type { Book } from './book';
import { compileScenario } from './match';
import { createEvaluator } from './run';
import type { Scenario } from './scenario';

/** The ids of positions that shock `shockIndex` moves, directly or through a fund's holdings. */
export function positionsHitBy(book: Book, scenario: Scenario, shockIndex: number, options: { scale?: number } = {}): number[] {
  const evaluate = createEvaluator(book, compileScenario(scenario, options.scale ?? 1));
  const hitGroups = book.groups.map((g) => {
    if (evaluate.isLookedThrough(g)) return evaluate.fund(g.fund!, g.key, g.currency).byShock[shockIndex] > 0;
    const move = evaluate.slice(g.key, g.currency);
    return move.price.shockIndex === shockIndex || move.fx.shockIndex === shockIndex;
  });
  return book.positions.filter((_, i) => hitGroups[book.positionGroup[i]]).map((p) => p.id);
}
