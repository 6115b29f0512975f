import { z } from 'zod';
import type { ReportModel, ReportSettings } from '../../shared/report/model';
import { buildReportModel, defaultReportSettings, REPORT_DIMENSIONS } from '../../shared/report/model';
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
import { optionMarketOf } from './option-market';

const settingsKey = (clientId: number) => `report_settings:${clientId}`;
const FIRM_KEY = 'report_firm_defaults';
const remembered = z
  .object({
    clientName: z.string(),
    advisorName: z.string(),
    advisorContact: z.string(),
    firmName: z.string(),
    logo: z.string(),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    disclosure: z.string(),
    notes: z.string(),
    lookThrough: z.boolean(),
    pageSize: z.enum(['A4', 'Letter']),
    locale: z.string().max(35),
    appendix: z.boolean(),
    groupBy: z.enum(REPORT_DIMENSIONS),
  })
  .partial();

/** The settings that belong to the firm (set once, used for every client unless a client overrides them). */
export const FIRM_FIELDS = [
  'advisorName',
  'advisorContact',
  'firmName',
  'logo',
  'accentColor',
  'disclosure',
  'pageSize',
  'locale',
] as const;

/** This machine's locale (the report's default date style and page size: US → Letter). */
function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en-GB';
}

/** The firm defaults every report starts from: built-in defaults, then what was saved for the firm. */
export function firmReportDefaults(services: Services): ReportSettings {
  const saved = remembered.safeParse(getSetting(services.db, FIRM_KEY));
  return { ...defaultReportSettings(services.today(), systemLocale()), ...(saved.success ? saved.data : {}), date: services.today() };
}

/** Saves the firm's part of these settings as the firm defaults. */
export function saveFirmReportDefaults(services: Services, settings: Partial<ReportSettings>): ReportSettings {
  const current = firmReportDefaults(services);
  const next = Object.fromEntries(FIRM_FIELDS.map((k) => [k, settings[k] ?? current[k]]));
  const parsed = remembered.safeParse(next);
  if (!parsed.success)
    throw new AppError('validation', `The firm defaults are not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}.`);
  setSetting(services.db, FIRM_KEY, parsed.data);
  return firmReportDefaults(services);
}

/** The report settings for a client: the firm defaults, overridden by what was last used for this client. */
export function reportSettingsFor(services: Services, portfolioId: number): ReportSettings {
  const portfolio = getPortfolio(services.db, portfolioId);
  return clientReportSettings(services, portfolio.clientId, portfolio.clientName);
}

function clientReportSettings(services: Services, clientId: number, clientName: string): ReportSettings {
  const saved = remembered.safeParse(getSetting(services.db, settingsKey(clientId)));
  // An empty firm field saved for a client (settings saved before firm defaults existed) means "the firm's".
  const own = Object.fromEntries(
    Object.entries(saved.success ? saved.data : {}).filter(([k, v]) => !((FIRM_FIELDS as readonly string[]).includes(k) && v === '')),
  );
  return { ...firmReportDefaults(services), clientName, ...own, date: services.today() };
}

export interface ReportRequest {
  portfolioId: number;
  scenarioIds: string[];
  settings?: Partial<ReportSettings>;
  /** Save the settings (all but the date) as this client's defaults. */
  remember?: boolean;
  /** Save the firm's part of the settings as the firm defaults (every client's starting point). */
  rememberFirm?: boolean;
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
  const snapshot = stressSnapshot(services.db, request.portfolioId, services.today());
  const settings = { ...reportSettingsFor(services, request.portfolioId), ...request.settings };
  const scenarios = request.scenarioIds.map((id) => getScenario(services, id).scenario);
  if (request.rememberFirm) saveFirmReportDefaults(services, settings);
  if (request.remember) {
    // Only what differs from the firm defaults is the client's own: a later change of firm defaults still reaches it.
    const firm = firmReportDefaults(services);
    const own = Object.fromEntries(Object.entries(settings).filter(([k, v]) => k !== 'date' && firm[k as keyof ReportSettings] !== v));
    setSetting(services.db, settingsKey(snapshot.portfolio.clientId), own);
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
  const settings = { ...clientReportSettings(services, client.id, client.name), ...request.settings };
  const scenarios = request.scenarioIds.map((id) => getScenario(services, id).scenario);
  const optionMarket = optionMarketOf(services.db, positions, services.today());
  return buildReportModel({
    portfolio,
    positions,
    reference: loadReferenceData(services.db, [
      ...new Set([...positions.map((p) => p.symbol), ...Object.keys(optionMarket?.underlyings ?? {})]),
    ]),
    scenarios,
    settings,
    ...(optionMarket ? { optionMarket } : {}),
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
