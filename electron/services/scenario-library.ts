import { safeFileName } from '../../shared/file-names';
import fs from 'node:fs';
import path from 'node:path';
import { scenarioSchema, type Scenario } from '../../shared/engine';
import { AppError } from '../../shared/ipc/result';
import type { ScenarioSummaryData } from '../../shared/ipc/stress-types';
import { describeIssues } from '../../shared/ipc/validate';
import { deleteScenarioRow, getScenarioRow, listScenarioRows, upsertScenarioRow } from '../db/scenarios';
import type { Services } from './services';

export type ScenarioSummary = ScenarioSummaryData;

const MAX_SCENARIO_BYTES = 1024 * 1024;
const builtInCache = new Map<string, Scenario[]>();

/** Parses and validates scenario JSON, naming the file (or "the scenario") and field on failure. */
export function parseScenario(text: string, where = 'The scenario'): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) throw new AppError('validation', `${where} is larger than 1 MB; a scenario file is much smaller.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // Windows Notepad starts UTF-8 files with a byte-order mark
  } catch (error) {
    throw new AppError('validation', `${where} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      `${where} is not an Aftershock scenario: ${describeIssues(parsed.error.issues)}.`,
      JSON.stringify(parsed.error.issues.slice(0, 5)),
    );
  }
  return parsed.data;
}

/** The read-only scenarios shipped in resources/scenarios, validated once per process. */
export function builtInScenarios(resourcesDir: string): Scenario[] {
  let cached = builtInCache.get(resourcesDir);
  if (!cached) {
    const dir = path.join(resourcesDir, 'scenarios');
    cached = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => parseScenario(fs.readFileSync(path.join(dir, f), 'utf8'), `The built-in scenario file ${f}`));
    builtInCache.set(resourcesDir, cached);
  }
  return cached;
}

function summary(scenario: Scenario, builtIn: boolean): ScenarioSummary {
  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    tags: scenario.tags,
    builtIn,
    shockCount: scenario.shocks.length,
    date: scenario.event?.date ?? scenario.event?.window?.to ?? null,
    kind: scenario.kind,
    window: scenario.event?.window ?? null,
  };
}

/** Built-ins first (in library order), then the user's scenarios by name. */
export function listScenarios({ db, resourcesDir }: Services): ScenarioSummary[] {
  const own = listScenarioRows(db).map((row) => summary(parseScenario(row.json), false));
  return [...builtInScenarios(resourcesDir).map((s) => summary(s, true)), ...own];
}

/** One scenario by id, built-in or the user's. */
export function getScenario({ db, resourcesDir }: Services, id: string): { scenario: Scenario; builtIn: boolean } {
  const builtIn = builtInScenarios(resourcesDir).find((s) => s.id === id);
  if (builtIn) return { scenario: builtIn, builtIn: true };
  const row = getScenarioRow(db, id);
  if (!row) throw new AppError('not-found', `There is no scenario "${id}".`);
  return { scenario: parseScenario(row.json), builtIn: false };
}

/**
 * The scenarios of a firm-wide run or a proposal comparison: shocks only, since those total many books in one
 * engine pass; a historical scenario (a replayed window) is refused with a sentence saying where to replay it.
 */
export function getHypotheticalScenarios(services: Services, ids: readonly string[]): Scenario[] {
  return ids.map((id) => {
    const { scenario } = getScenario(services, id);
    if (scenario.kind === 'historical') {
      throw new AppError(
        'validation',
        `"${scenario.name}" replays a past window from price history; firm-wide runs and proposals use shock scenarios. Replay it per portfolio instead (Results › Replay, or aftershock replay).`,
      );
    }
    return scenario;
  });
}

/** A free id based on `base` among built-ins and user scenarios ("x", "x-2", "x-3"…). */
export function freeId(services: Services, base: string): string {
  const taken = new Set(listScenarios(services).map((s) => s.id));
  const stem = base.slice(0, 70);
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** Saves a user scenario (create or update); built-ins are read-only. */
export function saveScenario(services: Services, scenario: Scenario): Scenario {
  if (builtInScenarios(services.resourcesDir).some((s) => s.id === scenario.id)) {
    throw new AppError('forbidden', `“${scenario.name}” is a built-in scenario and cannot be changed; duplicate it to edit a copy.`);
  }
  const valid = scenarioSchema.parse(scenario);
  upsertScenarioRow(services.db, { id: valid.id, name: valid.name, json: JSON.stringify(valid) });
  return valid;
}

/** Deletes a user scenario. */
export function deleteScenario(services: Services, id: string): { deleted: number } {
  const { builtIn, scenario } = getScenario(services, id);
  if (builtIn) throw new AppError('forbidden', `“${scenario.name}” is a built-in scenario and cannot be deleted.`);
  return { deleted: deleteScenarioRow(services.db, id) };
}

/** Copies any scenario into an editable user scenario. */
export function duplicateScenario(services: Services, id: string, name?: string): Scenario {
  const { scenario } = getScenario(services, id);
  const copy = { ...scenario, id: freeId(services, `${scenario.id}-copy`), name: name ?? `${scenario.name} (copy)`.slice(0, 200) };
  return saveScenario(services, copy);
}

/** Imports a scenario file's text as a user scenario; a clashing id gets a fresh one. */
export function importScenario(services: Services, text: string, fileName = 'The scenario file'): Scenario {
  const scenario = parseScenario(text, fileName);
  return saveScenario(services, { ...scenario, id: freeId(services, scenario.id) });
}

/** The JSON text of a scenario, as written to a file for sharing. */
export function exportScenario(services: Services, id: string): { fileName: string; json: string } {
  const { scenario } = getScenario(services, id);
  return {
    fileName: safeFileName(scenario.id, { extension: 'json', fallback: 'scenario' }),
    json: `${JSON.stringify(scenario, null, 2)}\n`,
  };
}
