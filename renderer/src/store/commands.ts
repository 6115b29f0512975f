import type { Scenario, StressResult } from '../../../shared/engine';
import type { RequestInput } from '../../../shared/ipc/contract';
import { call, unwrap } from '../api';
import { attempt } from './attempt';
import { useStore } from './store';

/*
 * Questions views ask main without keeping the answer in the store (run them through useCommand): each answers
 * the command's value or throws its sentence. Views do not call api() themselves.
 */

export type StressRequest = RequestInput<'stress:run'>;
export type ReportRequest = RequestInput<'reports:build'>;

export const runStress = (request: StressRequest) => unwrap(call('stress:run', request));
export const replayWindow = (request: RequestInput<'stress:replay'>) => unwrap(call('stress:replay', request));
export const portfolioRisk = (request: RequestInput<'stress:risk'>) => unwrap(call('stress:risk', request));
export const scenarioVocabulary = () => unwrap(call('scenarios:vocabulary'));
export const reportSettings = (portfolioId: number) => unwrap(call('reports:settings', { portfolioId }));
export const buildReport = (request: ReportRequest) => unwrap(call('reports:build', request));
export const exportReportPdf = (request: ReportRequest) => unwrap(call('reports:pdf', request));
export const exportReportHtml = (request: ReportRequest) => unwrap(call('reports:html', request));
export const listThemes = () => unwrap(call('themes:list'));
export const draftScenario = (request: RequestInput<'scenarios:draft'>) => unwrap(call('scenarios:draft', request));

/** The scenarios with these ids, by id; one that cannot be read is left out. */
export async function scenariosById(ids: readonly string[]): Promise<Record<string, Scenario>> {
  const found = await Promise.all(ids.map((id) => unwrap(call('scenarios:get', { id })).catch(() => null)));
  return Object.fromEntries(found.filter((f) => f !== null).map((f) => [f.scenario.id, f.scenario]));
}

/** Saved scenarios run by main (replays need price history), by scenario id; a failure is a notice and null. */
export async function stressEach(
  request: Omit<StressRequest, 'scenarioId' | 'scenario'>,
  scenarioIds: readonly string[],
): Promise<Record<string, StressResult | null>> {
  const results = await Promise.all(
    scenarioIds.map((scenarioId) => attempt(useStore.getState, () => runStress({ ...request, scenarioId }))),
  );
  return Object.fromEntries(scenarioIds.map((id, i) => [id, results[i]]));
}

/** One scenario on several portfolios, in the order given. */
export function stressPortfolios(
  scenario: Scenario,
  portfolioIds: readonly number[],
  request: Omit<StressRequest, 'portfolioId' | 'scenarioId' | 'scenario'>,
) {
  return Promise.all(portfolioIds.map(async (id) => ({ id, result: await runStress({ ...request, portfolioId: id, scenario }) })));
}

/**
 * The built-in historical replay that loses this portfolio the most, with its return; null when none could be replayed
 * (no price history for the window). A replay that cannot run is not a candidate, so it raises no notice.
 */
export async function worstReplay(portfolioId: number): Promise<{ id: string; name: string; return: number } | null> {
  const replays = (await unwrap(call('scenarios:list'))).filter((s) => s.builtIn && s.kind === 'historical');
  const results = await Promise.all(replays.map((s) => runStress({ portfolioId, scenarioId: s.id }).catch(() => null)));
  let worst: { id: string; name: string; return: number } | null = null;
  results.forEach((r, i) => {
    if (r && r.return !== null && (!worst || r.return < worst.return))
      worst = { id: replays[i].id, name: replays[i].name, return: r.return };
  });
  return worst;
}

/** Sets how many days old a price may be before the health check flags it (every portfolio). */
export const setStaleDays = (staleDays: number) => unwrap(call('health:setstaledays', { staleDays }));

/** Sets the interest rate options are revalued at (a fraction; null: the default 4%). */
export const setOptionRate = (rate: number | null) => unwrap(call('positions:setoptionrate', { rate }));
