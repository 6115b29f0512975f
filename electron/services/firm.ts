import type { Database } from 'better-sqlite3';
import type { ClientSummary } from '../../shared/domain/types';
import { groupBy } from '../../shared/group-by';
import { valueCurrencySums } from '../../shared/domain/valuation';
import { clientsWithTag, firmTotal, rankFirm, summariseFirm, type ClientRanking, type FirmClientInput } from '../../shared/firm/ranking';
import type { FirmJobStatus, FirmRun } from '../../shared/firm/runs';
import { rankingAsOf, withHealth, type RankingHealthOptions } from '../../shared/firm/health';
import { AppError } from '../../shared/ipc/result';
import type { Scenario } from '../../shared/engine';
import { countOf, formatCount } from '../../shared/format';
import { listClients } from '../db/clients';
import { insertFirmRun } from '../db/firm-runs';
import { listFxRates } from '../db/fx-rates';
import { listPortfolioImportFindings } from '../db/import-findings';
import { listHistoryPositionIds } from '../db/imports';
import { listPortfolios } from '../db/portfolios';
import { listPositionsByPortfolio, sumPositionsBy } from '../db/positions';
import { staleDays } from './health-settings';
import { optionMarketOf } from './option-market';
import { loadReferenceData } from './reference';
import { getHypotheticalScenarios } from './scenario-library';
import { createJob, type JobControls, type RunningJob } from './job';
import type { Services } from './services';

export interface FirmRequest {
  scenarioIds: string[];
  tag?: string;
  lookThrough?: boolean;
}

/**
 * Every client (or those with a tag) with its portfolios and positions, in three queries. The bundled sample client is
 * never part of it: sample data must not go into a firm total or a batch of client reports.
 */
export function loadFirm(db: Database, tag?: string): FirmClientInput[] {
  const positions = listPositionsByPortfolio(db);
  // Grouped once by client: filtering every portfolio for each client is quadratic (25 million tests at 5,000 clients).
  const byClient = groupBy(listPortfolios(db), (p) => p.clientId);
  const own = listClients(db).filter((c) => !c.isSample);
  return clientsWithTag(own, tag).map((client) => ({
    id: client.id,
    name: client.name,
    baseCurrency: client.baseCurrency,
    tags: client.tags,
    portfolios: (byClient.get(client.id) ?? []).map((p) => ({ id: p.id, name: p.name, positions: positions.get(p.id) ?? [] })),
  }));
}

/** Clients with people, tags and their total value in the client's base currency, for the client list (sums per currency from SQL). */
export function clientOverview(db: Database): ClientSummary[] {
  const rates = listFxRates(db);
  const sums = sumPositionsBy(db, 'client');
  return listClients(db).map((client) => ({ ...client, ...valueCurrencySums(sums.get(client.id) ?? [], client.baseCurrency, rates) }));
}

/** What the ranking's "needs review" column checks against: today, the stale-price setting, history-made positions. */
function healthOptions(services: Services, clients: readonly FirmClientInput[]): RankingHealthOptions {
  const portfolioIds = clients.flatMap((c) => c.portfolios.map((p) => p.id));
  const importFindings = new Map(portfolioIds.map((id) => [id, listPortfolioImportFindings(services.db, id)]));
  return { today: services.today(), staleDays: staleDays(services), fromHistory: listHistoryPositionIds(services.db), importFindings };
}

function refuseEmpty(clients: readonly FirmClientInput[], tag: string | undefined): void {
  if (clients.length === 0)
    throw new AppError(
      'not-found',
      tag
        ? `No client has the tag "${tag}".`
        : 'There are no clients to stress yet: add a client (the sample client is left out of firm-wide runs).',
    );
}

/** The reference data of every client's holdings (and options' underlyings), and what revaluing their options on today needs. */
function firmData(services: Services, clients: readonly FirmClientInput[]) {
  const positions = clients.flatMap((c) => c.portfolios.flatMap((p) => p.positions));
  const optionMarket = optionMarketOf(services.db, positions, services.today());
  const symbols = [...positions.map((x) => x.symbol), ...Object.keys(optionMarket?.underlyings ?? {})];
  return { reference: loadReferenceData(services.db, [...new Set(symbols)]), optionMarket };
}

/** Runs the scenarios across every client (or a tag) at once and, unless told not to, saves the run with today's date. */
export function runFirm(services: Services, request: FirmRequest & { save?: boolean }): FirmRun {
  const scenarios = getHypotheticalScenarios(services, request.scenarioIds);
  const clients = loadFirm(services.db, request.tag);
  refuseEmpty(clients, request.tag);
  const { reference, optionMarket } = firmData(services, clients);
  const ranked = rankFirm(clients, scenarios, reference, { lookThrough: request.lookThrough ?? true, optionMarket });
  const ranking = {
    ...ranked,
    clients: withHealth(ranked.clients, clients, reference, { ...healthOptions(services, clients), optionMarket }),
    asOf: rankingAsOf(clients, reference),
  };
  const run = { runDate: services.today(), scenarioIds: request.scenarioIds, tag: request.tag ?? null, ranking };
  if (request.save === false) return { id: 0, createdAt: new Date().toISOString(), clientCount: ranking.clients.length, ...run };
  return insertFirmRun(services.db, run);
}

/** The firm-wide run as a job in chunks of clients, so the UI can show progress and cancel it. */
export interface FirmJobs extends JobControls<FirmJobStatus> {
  start(services: Services, request: FirmRequest): FirmJobStatus;
}

const IDLE: FirmJobStatus = {
  id: 0,
  state: 'idle',
  done: 0,
  total: 0,
  runId: null,
  message: 'No firm-wide stress has run in this session.',
};
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Creates the job runner; `chunk` clients are stressed between yields to the event loop. */
export function createFirmJobs(options: { chunk?: number } = {}): FirmJobs {
  const job = createJob<FirmJobStatus>(IDLE, 'Cancelling…');
  const chunk = options.chunk ?? 50;

  const work = async (
    services: Services,
    request: FirmRequest,
    running: RunningJob<FirmJobStatus>,
    clients: FirmClientInput[],
    scenarios: Scenario[],
  ): Promise<FirmJobStatus> => {
    await tick();
    const { reference, optionMarket } = firmData(services, clients);
    const rows: ClientRanking[] = [];
    const stopped = (): FirmJobStatus => ({
      ...running.status,
      state: 'cancelled',
      message: `Cancelled after ${formatCount(rows.length)} of ${countOf(clients.length, 'client')}; nothing was saved.`,
    });
    for (let i = 0; i < clients.length; i += chunk) {
      if (running.signal.aborted) return stopped();
      rows.push(
        ...rankFirm(clients.slice(i, i + chunk), scenarios, reference, { lookThrough: request.lookThrough ?? true, optionMarket }).clients,
      );
      running.update({ done: rows.length, message: `Stressed ${formatCount(rows.length)} of ${countOf(clients.length, 'client')}…` });
      await tick();
    }
    if (running.signal.aborted) return stopped();
    const summary = summariseFirm(withHealth(rows, clients, reference, { ...healthOptions(services, clients), optionMarket }), scenarios);
    const ranking = {
      ...summary,
      asOf: rankingAsOf(clients, reference),
      // Converted now, at the rates this run used: a saved run keeps its own total when rates move on.
      firmTotal: firmTotal(summary.totals, reference.fxRates),
    };
    const saved = insertFirmRun(services.db, {
      runDate: services.today(),
      scenarioIds: request.scenarioIds,
      tag: request.tag ?? null,
      ranking,
    });
    const failed = ranking.clients.filter((c) => c.error !== null).length;
    return {
      ...running.status,
      state: 'done',
      runId: saved.id,
      message: `Stressed ${countOf(rows.length, 'client')}${failed ? `; ${formatCount(failed)} could not be stressed (see the list)` : ''}.`,
    };
  };

  return {
    start(services, request) {
      if (job.isRunning()) return job.status();
      const scenarios = getHypotheticalScenarios(services, request.scenarioIds);
      const clients = loadFirm(services.db, request.tag);
      refuseEmpty(clients, request.tag);
      return job.start(
        (id) => ({
          id,
          state: 'running',
          done: 0,
          total: clients.length,
          runId: null,
          message: `Stressing ${countOf(clients.length, 'client')}…`,
        }),
        (running) => work(services, request, running, clients, scenarios),
        (error, last) => ({ ...last, state: 'failed', message: `The firm-wide stress stopped: ${(error as Error).message}` }),
      );
    },
    status: job.status,
    cancel: job.cancel,
    settled: job.settled,
  };
}
