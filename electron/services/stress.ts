import { reverseStress, runScenario, type ReverseResult, type StressResult } from '../../shared/engine';
import type { RequestOf } from '../../shared/ipc/contract';
import { bookOf, DEFAULT_BY, resolveScenario } from './book';
import { stressWithHistory } from './history';
import type { Services } from './services';

/** Runs one scenario on one portfolio, as the CLI, reports and batch runs do. */
export function stressPortfolio(services: Services, request: RequestOf<'stress:run'>): StressResult {
  // Resolved once: a user scenario is read and validated from the database.
  const scenario = resolveScenario(services, request);
  const withHistory = stressWithHistory(services, { ...request, scenario });
  if (withHistory) return withHistory;
  return runScenario(bookOf(services.db, request.portfolioId, request.lookThrough, services.today()), scenario, {
    by: request.by ?? [...DEFAULT_BY],
  });
}

/** The scale at which a scenario loses `loss` (a fraction) of the portfolio. */
export function reversePortfolio(services: Services, request: RequestOf<'stress:reverse'>): ReverseResult {
  return reverseStress(
    bookOf(services.db, request.portfolioId, request.lookThrough, services.today()),
    resolveScenario(services, request),
    request.loss,
  );
}
