import type { Database } from 'better-sqlite3';
import { prepareBook, type Book, type Dimension, type Scenario } from '../../shared/engine';
import type { StressSnapshotData } from '../../shared/ipc/stress-types';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { loadReferenceData } from './reference';
import { getScenario } from './scenario-library';
import type { Services } from './services';

/** What a stress result is broken down by when a request names nothing. */
export const DEFAULT_BY: readonly Dimension[] = ['sector', 'theme', 'account'];

/** Loads a portfolio's positions with the reference data of its holdings and of its funds' constituents. */
export function stressSnapshot(db: Database, portfolioId: number): StressSnapshotData {
  const portfolio = getPortfolio(db, portfolioId);
  const positions = listPortfolioPositions(db, portfolioId);
  return {
    portfolio,
    positions,
    reference: loadReferenceData(
      db,
      positions.map((p) => p.symbol),
    ),
  };
}

/** The engine's book of a snapshot, looked through its funds unless asked not to. */
export function bookOfSnapshot(snapshot: StressSnapshotData, lookThrough = true): Book {
  return prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, { lookThrough });
}

/** The engine's book of a stored portfolio: the one way services turn a portfolio into a book. */
export function bookOf(db: Database, portfolioId: number, lookThrough = true): Book {
  return bookOfSnapshot(stressSnapshot(db, portfolioId), lookThrough);
}

/** A scenario given by id or inline (already validated). */
export function resolveScenario(services: Services, request: { scenarioId?: string; scenario?: Scenario }): Scenario {
  return request.scenario ?? getScenario(services, request.scenarioId!).scenario;
}
