import type { RequestOf } from '../../shared/ipc/contract';
import { checkHealth, optionValueChecks, scenarioHealthOf, type HealthReport } from '../../shared/health';
import { AppError } from '../../shared/ipc/result';
import { listPortfolioImportFindings } from '../db/import-findings';
import { listHistoryPositionIds } from '../db/imports';
import { staleDays } from './health-settings';
import type { Services } from './services';
import { bookOfSnapshot, resolveScenario, stressSnapshot } from './book';
import { stressPortfolio } from './stress';

/** The data-health verdict on a portfolio, and on one scenario run on it when a scenario is given. */
export function portfolioHealth(services: Services, request: RequestOf<'health:check'>): HealthReport {
  const snapshot = stressSnapshot(services.db, request.portfolioId, services.today());
  const scenario = request.scenarioId || request.scenario ? resolveScenario(services, request) : undefined;
  const result = scenario ? stressPortfolio(services, { portfolioId: request.portfolioId, scenario, by: [] }) : undefined;
  // The book, once: for the scenario's findings, and for options checked against the model's value (a portfolio
  // without options has no option market and, without a scenario, needs no book).
  const book = result || snapshot.optionMarket ? bookOfSnapshot(snapshot) : undefined;
  return checkHealth({
    optionValues: book && snapshot.optionMarket ? optionValueChecks(book) : undefined,
    positions: snapshot.positions,
    baseCurrency: snapshot.portfolio.baseCurrency,
    reference: snapshot.reference,
    today: services.today(),
    fromHistory: listHistoryPositionIds(services.db, request.portfolioId),
    importFindings: listPortfolioImportFindings(services.db, request.portfolioId),
    staleDays: staleDays(services),
    ...(scenario && result ? { scenario: scenarioHealthOf(scenario, result, book) } : {}),
  });
}

/** Refuses to let a report leave the app for a portfolio with blocking findings unless the user said to go ahead. */
export function assertReportable(
  health: HealthReport,
  name: string,
  allowFindings: boolean | undefined,
  howToConfirm = 'confirm to print the report',
): void {
  if (allowFindings || health.counts.blocking === 0) return;
  const first = health.findings[0];
  throw new AppError(
    'needs-confirmation',
    `${name} has ${health.counts.blocking === 1 ? 'a finding that makes' : `${health.counts.blocking} findings that make`} its numbers wrong: ${first.sentence} Fix ${health.counts.blocking === 1 ? 'it' : 'them'} first, or ${howToConfirm} with the findings on its first page.`,
  );
}
