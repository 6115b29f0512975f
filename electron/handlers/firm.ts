import { deleteFirmRun, getFirmRun, listFirmRuns, restoreFirmRun } from '../db/firm-runs';
import { runFirm } from '../services/firm';
import type { CommandsOf, HandlerMap } from './types';

/** firm:* commands: stress every client at once, rank them, keep dated runs. */
export const firmHandlers: HandlerMap<CommandsOf<'firm'>> = {
  'firm:run': (services, request) => runFirm(services, request),
  'firm:start': (services, request) => services.firm.start(services, request),
  'firm:status': (services) => services.firm.status(),
  'firm:cancel': (services) => services.firm.cancel(),
  'firm:runs': ({ db }) => listFirmRuns(db),
  'firm:get': ({ db }, { id }) => getFirmRun(db, id),
  'firm:deleterun': ({ db }, { id }) => deleteFirmRun(db, id),
  'firm:restorerun': ({ db }, { id }) => restoreFirmRun(db, id),
  'firm:reports': (services, { runId, allowFindings }) => services.batch.start(services, runId, { allowFindings }),
  'firm:reportstatus': (services) => services.batch.status(),
  'firm:reportcancel': (services) => services.batch.cancel(),
};
