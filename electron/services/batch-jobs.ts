import type { BatchJobStatus } from '../../shared/firm/runs';
import { AppError } from '../../shared/ipc/result';
import { getFirmRun } from '../db/firm-runs';
import { batchReports } from './batch';
import type { Services } from './services';

/** Batch PDF reports of a saved firm run as a job (one at a time), for the UI to poll and cancel. */
export interface BatchJobs {
  start(services: Services, runId: number, options?: { allowFindings?: boolean }): BatchJobStatus;
  status(): BatchJobStatus;
  cancel(): BatchJobStatus;
  /** Resolves when the current job (if any) has finished. */
  settled(): Promise<BatchJobStatus>;
}

const IDLE: BatchJobStatus = { id: 0, state: 'idle', done: 0, total: 0, current: '', folder: null, files: 0, summaryFile: null, errors: [], skipped: [], message: 'No batch of reports has run in this session.' };

/** Creates the batch-report job runner. */
export function createBatchJobs(): BatchJobs {
  let current = IDLE;
  let controller: AbortController | null = null;
  let running: Promise<BatchJobStatus> = Promise.resolve(IDLE);

  return {
    start(services, runId, options = {}) {
      if (current.state === 'running') return current;
      const run = getFirmRun(services.db, runId);
      if (!services.printPdf) throw new AppError('not-found', 'Printing to PDF is not available here; use "aftershock batch --out DIR --pdf" instead.');
      if (!services.pickFolder) throw new AppError('not-found', 'This window cannot choose a folder; use the desktop app, or "aftershock batch --out DIR --pdf".');
      const folder = services.pickFolder('Choose a folder for the client reports');
      if (folder === null) return (current = { ...IDLE, id: current.id + 1, message: 'No folder was chosen; no reports were made.' });
      const print = services.printPdf;
      controller = new AbortController();
      const id = current.id + 1;
      current = { ...IDLE, id, state: 'running', folder, total: run.ranking.clients.length, message: `Making reports into ${folder}…` };
      running = batchReports(services, run, {
        outDir: folder,
        print,
        signal: controller.signal,
        allowFindings: options.allowFindings,
        onProgress: (done, total, name) => {
          if (current.id === id) current = { ...current, done, total, current: name, message: `Report ${Math.min(done + 1, total)} of ${total}: ${name}` };
        },
      })
        .then((outcome): BatchJobStatus => {
          const cancelled = controller?.signal.aborted ?? false;
          const failed = outcome.errors.length ? `; ${outcome.errors.length} could not be made (see the list)` : '';
          return {
            ...current, state: cancelled ? 'cancelled' : 'done', done: current.total, current: '', folder: outcome.folder, files: outcome.files.length, summaryFile: outcome.summaryFile,
            errors: outcome.errors, skipped: outcome.skipped,
            message: `${cancelled ? 'Cancelled. ' : ''}Wrote ${outcome.files.length} ${outcome.files.length === 1 ? 'report' : 'reports'}${outcome.summaryFile ? ' and the firm summary' : ''} to ${outcome.folder}${failed}.`,
          };
        })
        .catch((error: unknown) => ({ ...current, state: 'failed' as const, message: `The batch stopped: ${(error as Error).message}` }))
        .then((status) => (current = status));
      return current;
    },
    status: () => current,
    cancel() {
      if (current.state === 'running') {
        controller?.abort();
        current = { ...current, message: 'Cancelling after the current report…' };
      }
      return current;
    },
    settled: () => running,
  };
}
