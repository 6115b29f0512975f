import type { SecurityKey } from './book';
import type { Provenance } from './match';

/**
 * The parts of the coverage partition (docs/stress-semantics.md §6), in display order: every base-currency dollar of the book is in
 * exactly one. `explicit`: a shock names the holding or its theme, industry, sector, country, currency or duration (in
 * a replay: its own price history); `throughFunds`: such a move reached through a fund's listed holdings; `market`: only
 * the catch-all market or an asset-class shock moved it; `propagated` and `proxy`: estimated from, or standing in with,
 * another series; the last three are not moved, by reason: no shock matches (cash included), unclassified (so only
 * market and asset-class shocks could reach it), no price (a replay without history for it or a stand-in).
 */
export const COVERAGE_PARTS = ['explicit', 'throughFunds', 'market', 'propagated', 'proxy', 'noShock', 'unclassified', 'noPrice'] as const;
export type CoveragePart = (typeof COVERAGE_PARTS)[number];
/** The parts that moved; the rest are the reasons nothing moved. */
export const MOVED_PARTS = ['explicit', 'throughFunds', 'market', 'propagated', 'proxy'] as const satisfies readonly CoveragePart[];

/** Index of each part in COVERAGE_PARTS, for the typed-array loops. */
export const PART_COUNT = COVERAGE_PARTS.length;
export const EXPLICIT = COVERAGE_PARTS.indexOf('explicit');
export const THROUGH_FUNDS = COVERAGE_PARTS.indexOf('throughFunds');
export const MARKET = COVERAGE_PARTS.indexOf('market');
export const NO_SHOCK = COVERAGE_PARTS.indexOf('noShock');
export const UNCLASSIFIED_PART = COVERAGE_PARTS.indexOf('unclassified');
/** Parts before this index moved (MOVED_PARTS); from it on are the reasons nothing moved. */
export const FIRST_UNMOVED = NO_SHOCK;

/** The coverage part of a slice whose price moved by `price` (its currency aside): one rule for direct holdings, fund holdings and a fund's rest. */
export function coveragePartOf(price: Provenance, key: SecurityKey): CoveragePart {
  if (price.kind === 'explicit') return price.level === 'assetClass' ? 'market' : 'explicit';
  if (price.kind !== 'none') return price.kind;
  if (price.noPrice) return 'noPrice';
  return !key.isClassified && key.assetClass !== 'cash' ? 'unclassified' : 'noShock';
}
