import { optionLabel, parseOccSymbol } from '../domain/options';
import { COVERAGE_PARTS, MOVED_PARTS, type Coverage, type CoveragePart, type HistoryUse } from '../engine/run';
import { formatPercent } from '../format';

/** One part of the coverage partition as the Results view, the report and the CLI say it. */
export interface CoverageRow {
  part: CoveragePart;
  label: string;
  help: string;
  share: number;
  value: number;
  positionIds: number[];
}

type Mode = 'replay' | 'shock';
const WORDS: Record<CoveragePart, Record<Mode, [label: string, help: string]>> = {
  explicit: {
    shock: ['Shocked directly', 'A shock names the holding, its theme, industry, sector, country, currency or duration.'],
    replay: ['By its own history', 'Moved by its own total return over the window (a fund as a whole).'],
  },
  throughFunds: {
    shock: ['Through funds’ holdings', 'Part of a fund whose listed holdings a named shock reaches.'],
    replay: ['Through funds’ holdings', 'A fund without history of its own, moved by its listed holdings’ histories.'],
  },
  market: {
    shock: [
      'By the market or asset-class shock only',
      'Nothing more specific matched, so the scenario’s market or asset-class move applies.',
    ],
    replay: ['By the market or asset-class shock only', 'Nothing more specific matched.'],
  },
  propagated: {
    shock: ['Propagated from history', 'No shock names it: its move is estimated from its sensitivities to the shocked groups.'],
    replay: ['Propagated from history', 'Estimated from its sensitivities to other series.'],
  },
  proxy: {
    shock: ['By a stand-in fund', 'Its own history misses the window, so a stand-in fund’s return is used.'],
    replay: ['By a stand-in fund', 'Its own history misses the window, so its industry’s or sector’s fund, or the market, is used.'],
  },
  noShock: {
    shock: ['Not moved: no shock matches', 'Cash, or holdings the scenario does not reach.'],
    replay: ['Not moved: cash', 'Cash keeps its amount (in another currency, only that currency moves).'],
  },
  unclassified: {
    shock: [
      'Not moved: unclassified',
      'We know no sector, industry or theme for these, so only a market or asset-class shock could reach them.',
    ],
    replay: ['Not moved: unclassified', 'We know no sector, industry or theme for these.'],
  },
  noPrice: {
    shock: ['Not moved: no price', 'No price to move it by.'],
    replay: ['Not moved: no price history', 'Neither it nor a stand-in has prices over the window.'],
  },
};

/**
 * The coverage partition as rows, in display order: the parts that hold value (and always the first), so the rows shown
 * sum to 100% of the gross value.
 */
export function coverageRows(result: { coverage: Coverage; history?: HistoryUse }): CoverageRow[] {
  const mode: Mode = result.history?.mode === 'replay' ? 'replay' : 'shock';
  return COVERAGE_PARTS.filter((part, i) => i === 0 || result.coverage[part].share > 0).map((part) => {
    const [label, help] = WORDS[part][mode];
    const bucket = result.coverage[part];
    return { part, label, help, share: bucket.share, value: bucket.value, positionIds: bucket.positionIds };
  });
}

/** Share of the gross value the scenario moved (every part but the three "not moved"). */
export function movedShare(coverage: Coverage): number {
  return MOVED_PARTS.reduce((sum, part) => sum + coverage[part].share, 0);
}

/** The partition in one sentence: "44.0% shocked directly, 19.3% through funds’ holdings and 36.7% not moved: no shock matches". */
export function coverageSentence(result: { coverage: Coverage; history?: HistoryUse }): string {
  const parts = coverageRows(result).map((r) => `${formatPercent(r.share, 1)} ${r.label.charAt(0).toLowerCase()}${r.label.slice(1)}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

/**
 * "Not tested: option valuation": the option positions of a result (stored under their OCC symbol) that could not be
 * revalued — no price for the underlying, no valuation date, no value of their own (the engine's reason is in each
 * position's `applied`). Options revalued on their underlying's move (`option` set) or moved by a shock naming the
 * contract are not listed. Their value is in the totals, their P&L is what only a currency move gave. Null when none.
 */
export function optionsNotTested(
  result: { positions: readonly { symbol: string; value: number; pnl: number; applied?: string; option?: unknown }[] },
  formatValue: (amount: number) => string,
): { message: string; symbols: string[]; value: number; pnl: number } | null {
  const options = result.positions.filter(
    (p) => parseOccSymbol(p.symbol) !== null && p.option === undefined && (p.applied ?? '').startsWith('Not tested'),
  );
  if (options.length === 0) return null;
  const labels = [...new Set(options.map((p) => optionLabel(parseOccSymbol(p.symbol)!)))];
  const value = options.reduce((sum, p) => sum + p.value, 0);
  const pnl = options.reduce((sum, p) => sum + p.pnl, 0);
  const shown = labels.length > 6 ? `${labels.slice(0, 6).join(', ')} and ${labels.length - 6} more` : labels.join(', ');
  const one = options.length === 1;
  return {
    message:
      `Not tested: option valuation. ${one ? 'One option position' : `${options.length} option positions`} (${shown}; value ${formatValue(value)}) ` +
      `could not be revalued (${one ? 'reason' : 'reasons'} by position: no price for the underlying, no valuation date, or no value of ${one ? 'its' : 'their'} own): ` +
      `${one ? 'it is' : 'they are'} left unmoved (P&L ${formatValue(pnl)} in the total).`,
    symbols: options.map((p) => p.symbol),
    value,
    pnl,
  };
}
