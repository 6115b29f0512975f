import { z } from 'zod';
import type { ReportModel, ReportSettings } from '../../shared/report/model';
import { buildReportModel } from '../../shared/report/model';
import { uniqueFileName } from '../../shared/file-names';
import { AppError } from '../../shared/ipc/result';
import { getClient } from '../db/clients';
import { getPortfolio, listPortfolios } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { loadReferenceData } from './reference';
import { getSetting, setSetting } from '../db/settings';
import { listPortfolioImportFindings } from '../db/import-findings';
import { listHistoryPositionIds } from '../db/imports';
import { assertReportable } from './health';
import { staleDays } from './health-settings';
import { reportHtml } from '../reports/html';
import type { Scenario } from '../../shared/engine';
import { historyThrough, loadFxHistory, loadHistory, proxyConfig } from './history';
import { getScenario } from './scenario-library';
import type { Services } from './services';
import { bookOfSnapshot, stressSnapshot } from './book';

const settingsKey = (clientId: number) => `report_settings:${clientId}`;
const remembered = z
  .object({
    clientName: z.string(),
    advisorName: z.string(),
    firmName: z.string(),
    logo: z.string(),
    notes: z.string(),
    lookThrough: z.boolean(),
  })
  .partial();

/** The report settings last used for a client, filled in with sensible defaults. */
export function reportSettingsFor(services: Services, portfolioId: number): ReportSettings {
  const portfolio = getPortfolio(services.db, portfolioId);
  const saved = remembered.safeParse(getSetting(services.db, settingsKey(portfolio.clientId)));
  return {
    clientName: portfolio.clientName,
    advisorName: '',
    firmName: '',
    logo: '',
    notes: '',
    lookThrough: true,
    ...(saved.success ? saved.data : {}),
    date: services.today(),
  };
}

export interface ReportRequest {
  portfolioId: number;
  scenarioIds: string[];
  settings?: Partial<ReportSettings>;
  /** Save the settings (all but the date) as this client's defaults. */
  remember?: boolean;
  /** The user confirmed printing a portfolio with blocking data-health findings (they are then on page 1). */
  allowFindings?: boolean;
}

/** What the report's health box checks against for these portfolios: the stale-price setting and history-made positions. */
function reportHealthInput(services: Services, portfolioIds: readonly number[]) {
  const fromHistory = new Set(portfolioIds.flatMap((id) => [...listHistoryPositionIds(services.db, id)]));
  return {
    staleDays: staleDays(services),
    fromHistory,
    importFindings: portfolioIds.flatMap((id) => listPortfolioImportFindings(services.db, id)),
  };
}

/** Price and FX history for the report's historical scenarios (none when it has none). */
function historyForReplays(services: Services, snapshot: ReturnType<typeof stressSnapshot>, scenarios: Scenario[], lookThrough: boolean) {
  const ends = scenarios.flatMap((s) => (s.kind === 'historical' && s.event?.window ? [s.event.window.to] : [])).sort();
  if (ends.length === 0) return undefined;
  const book = bookOfSnapshot(snapshot, lookThrough);
  const proxies = proxyConfig(services.db);
  const to = ends[ends.length - 1];
  return { prices: loadHistory(services.db, book, proxies, historyThrough(to)), proxies, fx: loadFxHistory(services.db, book, to) };
}

/** Builds the report model for a portfolio and scenarios; optionally remembers the settings for the client. */
export function buildReport(services: Services, request: ReportRequest): ReportModel {
  const snapshot = stressSnapshot(services.db, request.portfolioId);
  const settings = { ...reportSettingsFor(services, request.portfolioId), ...request.settings };
  const scenarios = request.scenarioIds.map((id) => getScenario(services, id).scenario);
  if (request.remember) {
    const { date: _date, ...rest } = settings;
    setSetting(services.db, settingsKey(snapshot.portfolio.clientId), rest);
  }
  return buildReportModel({
    ...snapshot,
    scenarios,
    settings,
    history: historyForReplays(services, snapshot, scenarios, settings.lookThrough),
    health: reportHealthInput(services, [request.portfolioId]),
  });
}

/**
 * The report for a whole client: its only portfolio's report, or every portfolio's positions together in the
 * client's base currency (accounts named "portfolio · account"), so a household gets one PDF.
 */
export function buildClientReport(
  services: Services,
  request: { clientId: number; scenarioIds: string[]; settings?: Partial<ReportSettings> },
): ReportModel {
  const client = getClient(services.db, request.clientId);
  const portfolios = listPortfolios(services.db, client.id);
  if (portfolios.length === 0) throw new AppError('not-found', `${client.name} has no portfolio to report on.`);
  if (portfolios.length === 1)
    return buildReport(services, { portfolioId: portfolios[0].id, scenarioIds: request.scenarioIds, settings: request.settings });
  const positions = portfolios.flatMap((p) =>
    listPortfolioPositions(services.db, p.id).map((x) => ({ ...x, accountName: `${p.name} · ${x.accountName}` })),
  );
  const portfolio = {
    ...portfolios[0],
    name: portfolios
      .map((p) => p.name)
      .join(', ')
      .slice(0, 120),
    baseCurrency: client.baseCurrency,
    accountCount: portfolios.reduce((n, p) => n + p.accountCount, 0),
    positionCount: positions.length,
  };
  const settings = { ...reportSettingsFor(services, portfolios[0].id), ...request.settings };
  const scenarios = request.scenarioIds.map((id) => getScenario(services, id).scenario);
  return buildReportModel({
    portfolio,
    positions,
    reference: loadReferenceData(services.db, [...new Set(positions.map((p) => p.symbol))]),
    scenarios,
    settings,
    health: reportHealthInput(
      services,
      portfolios.map((p) => p.id),
    ),
  });
}

/** A safe file name for a report: client, portfolio and date. */
export function reportFileName(model: ReportModel, extension: 'pdf' | 'html', taken = new Set<string>()): string {
  return uniqueFileName(
    [{ text: model.settings.clientName || model.portfolio.clientName }, { text: model.portfolio.name }, { text: model.settings.date }],
    extension,
    taken,
  );
}

/** The report as one self-contained HTML file. */
export function reportAsHtml(services: Services, request: ReportRequest): { fileName: string; html: string } {
  const model = buildReport(services, request);
  assertReportable(model.health, model.portfolio.name, request.allowFindings);
  return { fileName: reportFileName(model, 'html'), html: reportHtml(services.reportDir, model) };
}

/** The report printed to PDF, base64-encoded for the renderer to save. */
export async function reportAsPdf(
  services: Services,
  request: ReportRequest,
): Promise<{ fileName: string; base64: string; bytes: number }> {
  if (!services.printPdf) throw new AppError('not-found', 'Printing to PDF is not available here; export the HTML report instead.');
  const model = buildReport(services, request);
  assertReportable(model.health, model.portfolio.name, request.allowFindings);
  const pdf = await services.printPdf(
    reportHtml(services.reportDir, model),
    `${model.title} — ${model.settings.clientName || model.portfolio.clientName}`,
  );
  return { fileName: reportFileName(model, 'pdf'), base64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
}
