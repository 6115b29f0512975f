import { sliceHoldings, type ExposureInput } from './exposure';
import type { ReferenceData } from './reference';

/** Sectors that are not GICS sectors but asset-class buckets, where a theme is not meaningful. */
export const NON_EQUITY_BUCKETS = ['Cash & Equivalents', 'Fixed Income', 'Commodities', 'Multi-Sector'];

export interface ClassificationCoverage {
  total: number;
  /** Share of value whose slice has a sector. */
  sectorShare: number;
  /** Share of value whose slice has at least one theme. */
  themeShare: number;
  /** Share of single-sector equity value (stocks and sector funds) with at least one theme. */
  themeShareOfEquity: number;
}

/** How much of a book's value the reference data classifies, by sector and by theme. */
export function classificationCoverage(
  positions: readonly ExposureInput[],
  reference: ReferenceData,
  lookThrough: boolean,
): ClassificationCoverage {
  const { slices } = sliceHoldings(positions, reference, lookThrough);
  let total = 0;
  let withSector = 0;
  let withTheme = 0;
  let equity = 0;
  let equityWithTheme = 0;
  for (const slice of slices) {
    const c = reference.securities[slice.symbol];
    total += slice.value;
    if (c?.sector) withSector += slice.value;
    if (c?.themes.length) withTheme += slice.value;
    if (c?.sector && !NON_EQUITY_BUCKETS.includes(c.sector)) {
      equity += slice.value;
      if (c.themes.length) equityWithTheme += slice.value;
    }
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    total,
    sectorShare: share(withSector, total),
    themeShare: share(withTheme, total),
    themeShareOfEquity: share(equityWithTheme, equity),
  };
}
