import type { Database } from 'better-sqlite3';
import { computeExposure, type ExposureDimension, type ExposureInput } from '../../shared/domain/exposure';
import { fxRate, valuePositions } from '../../shared/domain/valuation';
import { optionDeltaExposure } from '../../shared/engine/options-pass';
import { listFxRates } from '../db/fx-rates';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { optionMarketOf } from './option-market';
import { loadReferenceData } from './reference';

/**
 * A portfolio's positions valued in its base currency and summed per symbol; given `today`, its options also carry
 * their delta-adjusted exposure to their underlying (valued as the stress test values them on that day).
 */
export function portfolioExposureInputs(db: Database, portfolioId: number, today?: string) {
  const portfolio = getPortfolio(db, portfolioId);
  const positions = listPortfolioPositions(db, portfolioId);
  const rates = listFxRates(db);
  const valued = valuePositions(positions, portfolio.baseCurrency, rates);
  const market = today === undefined ? undefined : optionMarketOf(db, positions, today);
  const bySymbol = new Map<string, ExposureInput>();
  const unvalued = new Set<string>();
  for (const p of valued.positions) {
    if (p.baseValue === null) {
      unvalued.add(p.symbol);
      continue;
    }
    const input = bySymbol.get(p.symbol) ?? { symbol: p.symbol, value: 0 };
    input.value += p.baseValue;
    const delta = market ? optionDeltaExposure(p, market) : null;
    const rate = fxRate(p.currency, portfolio.baseCurrency, rates);
    if (delta && rate !== null) {
      const exposure = delta.exposure * rate + (input.delta?.exposure ?? 0);
      input.delta = { underlying: delta.underlying, delta: delta.delta, exposure };
    }
    bySymbol.set(p.symbol, input);
  }
  return { portfolio, inputs: [...bySymbol.values()], unvalued: [...unvalued].sort() };
}

/** What a portfolio holds by sector, industry, country, theme…, looked through its funds where asked; options by delta. */
export function portfolioExposure(
  db: Database,
  request: { portfolioId: number; by: ExposureDimension; lookThrough: boolean },
  today: string,
) {
  const { portfolio, inputs, unvalued } = portfolioExposureInputs(db, request.portfolioId, today);
  const reference = loadReferenceData(db, [...new Set(inputs.map((i) => i.delta?.underlying ?? i.symbol))]);
  return {
    ...computeExposure(inputs, reference, { by: request.by, lookThrough: request.lookThrough }),
    baseCurrency: portfolio.baseCurrency,
    unvalued,
  };
}
