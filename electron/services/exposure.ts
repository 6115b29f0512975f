import type { Database } from 'better-sqlite3';
import { computeExposure, type ExposureDimension } from '../../shared/domain/exposure';
import { valuePositions } from '../../shared/domain/valuation';
import { listFxRates } from '../db/fx-rates';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { loadReferenceData } from './reference';

/** A portfolio's positions valued in its base currency and summed per symbol. */
export function portfolioExposureInputs(db: Database, portfolioId: number) {
  const portfolio = getPortfolio(db, portfolioId);
  const valued = valuePositions(listPortfolioPositions(db, portfolioId), portfolio.baseCurrency, listFxRates(db));
  const bySymbol = new Map<string, number>();
  const unvalued = new Set<string>();
  for (const p of valued.positions) {
    if (p.baseValue === null) unvalued.add(p.symbol);
    else bySymbol.set(p.symbol, (bySymbol.get(p.symbol) ?? 0) + p.baseValue);
  }
  return { portfolio, inputs: [...bySymbol].map(([symbol, value]) => ({ symbol, value })), unvalued: [...unvalued].sort() };
}

/** What a portfolio holds by sector, industry, country, theme…, looked through its funds where asked. */
export function portfolioExposure(db: Database, request: { portfolioId: number; by: ExposureDimension; lookThrough: boolean }) {
  const { portfolio, inputs, unvalued } = portfolioExposureInputs(db, request.portfolioId);
  const reference = loadReferenceData(
    db,
    inputs.map((i) => i.symbol),
  );
  return {
    ...computeExposure(inputs, reference, { by: request.by, lookThrough: request.lookThrough }),
    baseCurrency: portfolio.baseCurrency,
    unvalued,
  };
}
