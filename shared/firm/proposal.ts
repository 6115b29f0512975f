import type { ReferenceData } from '../domain/reference';
import type { Position } from '../domain/types';
import type { OptionMarket } from '../engine/options-pass';
import { prepareBook, runScenario, type Scenario, type StressResult } from '../engine';
import { movedShare } from '../report/coverage';

/** One side of a proposal comparison under one scenario. */
export interface ComparisonSide {
  value: number;
  pnl: number;
  /** Null when the value is zero or negative. */
  return: number | null;
  shockedShare: number;
  worstSymbol: string | null;
}

/** Current holdings and a proposal side by side under the same scenarios, with the value moved per symbol. */
export interface ProposalComparison {
  baseCurrency: string;
  currentValue: number;
  proposedValue: number;
  scenarios: { scenarioId: string; scenarioName: string; current: ComparisonSide; proposed: ComparisonSide }[];
  /** Symbols whose value differs between the two, largest change first. */
  changes: { symbol: string; current: number; proposed: number; change: number }[];
}

function side(result: StressResult): ComparisonSide {
  return {
    value: result.valueBefore,
    pnl: result.pnl,
    return: result.return,
    shockedShare: movedShare(result.coverage),
    worstSymbol: result.worst?.symbol ?? null,
  };
}

function valueBySymbol(result: StressResult | undefined): Map<string, number> {
  const map = new Map<string, number>();
  for (const p of result?.positions ?? []) map.set(p.symbol, (map.get(p.symbol) ?? 0) + p.value);
  return map;
}

/** Runs the same scenarios on current and proposed positions (same base currency and reference data) and pairs the results. */
export function compareProposal(
  current: readonly Position[],
  proposed: readonly Position[],
  baseCurrency: string,
  reference: ReferenceData,
  scenarios: readonly Scenario[],
  options: { lookThrough?: boolean; optionMarket?: OptionMarket } = {},
): ProposalComparison {
  const before = prepareBook(current, baseCurrency, reference, options);
  const after = prepareBook(proposed, baseCurrency, reference, options);
  const pairs = scenarios.map((s) => ({ s, a: runScenario(before, s, { by: [] }), b: runScenario(after, s, { by: [] }) }));
  const was = valueBySymbol(pairs[0]?.a);
  const now = valueBySymbol(pairs[0]?.b);
  const changes = [...new Set([...was.keys(), ...now.keys()])]
    .map((symbol) => ({
      symbol,
      current: was.get(symbol) ?? 0,
      proposed: now.get(symbol) ?? 0,
      change: (now.get(symbol) ?? 0) - (was.get(symbol) ?? 0),
    }))
    .filter((c) => Math.abs(c.change) > 1e-9)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.symbol.localeCompare(y.symbol));
  return {
    baseCurrency,
    currentValue: before.totalValue,
    proposedValue: after.totalValue,
    scenarios: pairs.map(({ s, a, b }) => ({ scenarioId: s.id, scenarioName: s.name, current: side(a), proposed: side(b) })),
    changes,
  };
}
