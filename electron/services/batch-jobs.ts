import type { BatchJobStatus } from '../../shared/firm/runs';
import { AppError } from '../../shared/ipc/result';
import { getFirmRun } from '../db/firm-runs';
import { batchReports } from './batch';
import { createJob, type JobControls } from './job';
import type { Services } from './services';

/** Batch PDF reports of a saved firm run as a job (one at a time), for the UI to poll and cancel. */
export interface BatchJobs extends JobControls<BatchJobStatus> {
  start(services: Services, runId: number, options?: { allowFindings?: boolean }): BatchJobStatus;
}

const IDLE: BatchJobStatus = {
  id: 0,
  state: 'idle',
  done: 0,
  total: 0,
  current: '',
  folder: null,
  files: 0,
  summaryFile: null,
  errors: [],
  skipped: [],
  message: 'No batch of reports has run in this session.',
};

/** Creates the batch-report job runner. */
export function createBatchJobs(): BatchJobs {
  const job = createJob<BatchJobStatus>(IDLE, 'Cancelling after the current report…');
  return {
    start(services, runId, options = {}) {
      if (job.isRunning()) return job.status();
      const run = getFirmRun(services.db, runId);
      if (!services.printPdf)
        throw new AppError('not-found', 'Printing to PDF is not available here; use "aftershock batch --out DIR --pdf" instead.');
      if (!services.pickFolder)
        throw new AppError('not-found', 'This window cannot choose a folder; use the desktop app, or "aftershock batch --out DIR --pdf".');
      const folder = services.pickFolder('Choose a folder for the client reports');
      if (folder === null) return job.finishWithout((id) => ({ ...IDLE, id, message: 'No folder was chosen; no reports were made.' }));
      const print = services.printPdf;
      return job.start(
        (id) => ({ ...IDLE, id, state: 'running', folder, total: run.ranking.clients.length, message: `Making reports into ${folder}…` }),
        async (running) => {
          const outcome = await batchReports(services, run, {
            outDir: folder,
            print,
            signal: running.signal,
            allowFindings: options.allowFindings,
            onProgress: (done, total, name) =>
              running.update({ done, total, current: name, message: `Report ${Math.min(done + 1, total)} of ${total}: ${name}` }),
          });
          const cancelled = running.signal.aborted;
          const failed = outcome.errors.length ? `; ${outcome.errors.length} could not be made (see the list)` : '';
          return {
            ...running.status,
            state: cancelled ? 'cancelled' : 'done',
            done: running.status.total,
            current: '',
            folder: outcome.folder,
            files: outcome.files.length,
            summaryFile: outcome.summaryFile,
            errors: outcome.errors,
            skipped: outcome.skipped,
            message: `${cancelled ? 'Cancelled. ' : ''}Wrote ${outcome.files.length} ${outcome.files.length === 1 ? 'report' : 'reports'}${outcome.summaryFile ? ' and the firm summary' : ''} to ${outcome.folder}${failed}.`,
          };
        },
        (error, last) => ({ ...last, state: 'failed', message: `The batch stopped: ${(error as Error).message}` }),
      );
    },
    status: job.status,
    cancel: job.cancel,
    settled: job.settled,
  };
}
