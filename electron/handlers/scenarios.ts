import {
  deleteScenario,
  duplicateScenario,
  exportScenario,
  getScenario,
  importScenario,
  listScenarios,
  saveScenario,
} from '../services/scenario-library';
import { draftScenarioFromText } from '../services/headline';
import { listVocabulary } from '../db/securities';
import { listThemes } from '../db/themes';
import type { CommandsOf, HandlerMap } from './types';

/** scenarios:* commands. */
export const scenarioHandlers: HandlerMap<CommandsOf<'scenarios'>> = {
  'scenarios:list': (services) => listScenarios(services),
  'scenarios:vocabulary': ({ db }) => ({ ...listVocabulary(db), themes: listThemes(db).map((t) => t.id) }),
  'scenarios:get': (services, { id }) => getScenario(services, id),
  'scenarios:save': (services, { scenario }) => saveScenario(services, scenario),
  'scenarios:delete': (services, { id }) => deleteScenario(services, id),
  'scenarios:duplicate': (services, { id, name }) => duplicateScenario(services, id, name),
  'scenarios:import': (services, { json, fileName }) => importScenario(services, json, fileName),
  'scenarios:export': (services, { id }) => exportScenario(services, id),
  'scenarios:draft': (services, request) => draftScenarioFromText(services, request),
};
