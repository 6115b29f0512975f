import type { Database } from 'better-sqlite3';
import type { ReferenceData } from '../../shared/domain/reference';
import type { Portfolio, Position } from '../../shared/domain/types';
import { prepareBook, reverseStress, runScenario, type Dimension, type ReverseResult, type Scenario, type StressResult } from '../../shared/engine';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { stressWithHistory, type ProxyChoices } from './history';
import { loadReferenceData } from './reference';
import { getScenario } from './scenario-library';
import type { Services } from './services';

/** What the engine needs for one portfolio; the renderer gets the same to recompute what-ifs itself. */
export interface StressSnapshot {
  portfolio: Portfolio;
  positions: Position[];
  reference: ReferenceData;
}

/** Loads a portfolio's positions with the reference data of its holdings and of its funds' constituents. */
export function stressSnapshot(db: Database, portfolioId: number): StressSnapshot {
  const portfolio = getPortfolio(db, portfolioId);
  const positions = listPortfolioPositions(db, portfolioId);
  return { portfolio, positions, reference: loadReferenceData(db, positions.map((p) => p.symbol)) };
}

/** A scenario given by id or inline (already validated). */
export function resolveScenario(services: Services, request: { scenarioId?: string; scenario?: Scenario }): Scenario {
  return request.scenario ?? getScenario(services, request.scenarioId!).scenario;
}

/** Runs one scenario on one portfolio, as the CLI, reports and batch runs do. */
export function stressPortfolio(
  services: Services,
  request: { portfolioId: number; scenarioId?: string; scenario?: Scenario; lookThrough?: boolean; by?: Dimension[]; propagate?: boolean; asOf?: string; proxies?: ProxyChoices },
): StressResult {
  // Resolved once: a user scenario is read and validated from the database.
  const scenario = resolveScenario(services, request);
  const withHistory = stressWithHistory(services, { ...request, scenario });
  if (withHistory) return withHistory;
  const snapshot = stressSnapshot(services.db, request.portfolioId);
  const book = prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, { lookThrough: request.lookThrough ?? true });
  return runScenario(book, scenario, { by: request.by ?? ['sector', 'theme', 'account'] });
}

/** The scale at which a scenario loses `loss` (a fraction) of the portfolio. */
export function reversePortfolio(
  services: Services,
  request: { portfolioId: number; scenarioId?: string; scenario?: Scenario; lookThrough?: boolean; loss: number },
): ReverseResult {
  const snapshot = stressSnapshot(services.db, request.portfolioId);
  const book = prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, { lookThrough: request.lookThrough ?? true });
  return reverseStress(book, resolveScenario(services, request), request.loss);
}
