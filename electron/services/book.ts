import type { Database } from 'better-sqlite3';
import { prepareBook, type Book, type Dimension, type Scenario } from '../../shared/engine';
import type { StressSnapshotData } from '../../shared/ipc/stress-types';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { loadReferenceData } from './reference';
import { optionMarketOf } from './option-market';
import { getScenario } from './scenario-library';
import type { Services } from './services';

/** What a stress result is broken down by when a request names nothing. */
export const DEFAULT_BY: readonly Dimension[] = ['sector', 'theme', 'account'];

/**
 * Loads a portfolio's positions with the reference data of its holdings and of its funds' constituents, and, when it
 * holds options, what revaluing them on `today` needs (their underlyings' prices and volatilities, the rate).
 */
export function stressSnapshot(db: Database, portfolioId: number, today: string): StressSnapshotData {
  const portfolio = getPortfolio(db, portfolioId);
  const positions = listPortfolioPositions(db, portfolioId);
  const optionMarket = optionMarketOf(db, positions, today);
  // Option underlyings are securities of the book too: classified like any holding.
  const underlyings = optionMarket ? Object.keys(optionMarket.underlyings) : [];
  return {
    portfolio,
    positions,
    reference: loadReferenceData(db, [...positions.map((p) => p.symbol), ...underlyings]),
    ...(optionMarket ? { optionMarket } : {}),
  };
}

/** The engine's book of a snapshot, looked through its funds unless asked not to. */
export function bookOfSnapshot(snapshot: StressSnapshotData, lookThrough = true): Book {
  return prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, {
    lookThrough,
    optionMarket: snapshot.optionMarket,
  });
}

/** The engine's book of a stored portfolio: the one way services turn a portfolio into a book. */
export function bookOf(db: Database, portfolioId: number, lookThrough: boolean | undefined, today: string): Book {
  return bookOfSnapshot(stressSnapshot(db, portfolioId, today), lookThrough ?? true);
}

/** A scenario given by id or inline (already validated). */
export function resolveScenario(services: Services, request: { scenarioId?: string; scenario?: Scenario }): Scenario {
  return request.scenario ?? getScenario(services, request.scenarioId!).scenario;
}
