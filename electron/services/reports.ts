import { z } from 'zod';
import type { ReportModel, ReportSettings } from '../../shared/report/model';
import { buildReportModel } from '../../shared/report/model';
import { AppError } from '../../shared/ipc/result';
import { getPortfolio } from '../db/portfolios';
import { getSetting, setSetting } from '../db/settings';
import { reportHtml } from '../reports/html';
import { prepareBook, type Scenario } from '../../shared/engine';
import { loadHistory, proxyConfig } from './history';
import { getScenario } from './scenario-library';
import type { Services } from './services';
import { stressSnapshot } from './stress';

const settingsKey = (clientId: number) => `report_settings:${clientId}`;
const remembered = z.object({ clientName: z.string(), advisorName: z.string(), firmName: z.string(), logo: z.string(), notes: z.string(), lookThrough: z.boolean() }).partial();

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
}

/** Price history for the report's historical scenarios (none when it has none). */
function historyForReplays(services: Services, snapshot: ReturnType<typeof stressSnapshot>, scenarios: Scenario[], lookThrough: boolean) {
  const ends = scenarios.flatMap((s) => (s.kind === 'historical' && s.event?.window ? [s.event.window.to] : [])).sort();
  if (ends.length === 0) return undefined;
  const book = prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, { lookThrough });
  const proxies = proxyConfig(services.db);
  return { prices: loadHistory(services.db, book, proxies, ends[ends.length - 1]), proxies };
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
  return buildReportModel({ ...snapshot, scenarios, settings, history: historyForReplays(services, snapshot, scenarios, settings.lookThrough) });
}

/** A safe file name for a report: client, portfolio and date. */
export function reportFileName(model: ReportModel, extension: 'pdf' | 'html'): string {
  const part = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${[part(model.settings.clientName || model.portfolio.clientName), part(model.portfolio.name), model.settings.date].filter(Boolean).join('_').slice(0, 120)}.${extension}`;
}

/** The report as one self-contained HTML file. */
export function reportAsHtml(services: Services, request: ReportRequest): { fileName: string; html: string } {
  const model = buildReport(services, request);
  return { fileName: reportFileName(model, 'html'), html: reportHtml(services.reportDir, model) };
}

/** The report printed to PDF, base64-encoded for the renderer to save. */
export async function reportAsPdf(services: Services, request: ReportRequest): Promise<{ fileName: string; base64: string; bytes: number }> {
  if (!services.printPdf) throw new AppError('not-found', 'Printing to PDF is not available here; export the HTML report instead.');
  const model = buildReport(services, request);
  const pdf = await services.printPdf(reportHtml(services.reportDir, model), `${model.title} — ${model.settings.clientName || model.portfolio.clientName}`);
  return { fileName: reportFileName(model, 'pdf'), base64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
}
