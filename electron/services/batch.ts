import fs from 'node:fs';
import path from 'node:path';
import { uniqueFileName } from '../../shared/file-names';
import type { FirmRun } from '../../shared/firm/runs';
import { AppError } from '../../shared/ipc/result';
import { firmSummaryHtml, type BatchError } from '../../shared/report/firm-summary';
import { writeFileAtomic } from '../atomic-write';
import { reportHtml } from '../reports/html';
import { assertReportable } from './health';
import { buildClientReport, firmReportDefaults } from './reports';
import type { Services } from './services';

/** What a batch wrote, and what it could not. */
export interface BatchOutcome {
  folder: string;
  files: { clientName: string; file: string }[];
  errors: BatchError[];
  /** Clients with nothing to report (no portfolio): not errors, but said. */
  skipped: string[];
  summaryFile: string | null;
}

export interface BatchOptions {
  outDir: string;
  /** Prints one self-contained page to PDF (a Chromium kept open, or Electron's printToPDF). */
  print: (html: string, title: string) => Promise<Uint8Array>;
  onProgress?: (done: number, total: number, current: string) => void;
  signal?: AbortSignal;
  /** The firm named on the summary; the firm defaults' name when not given. */
  firmName?: string;
  /** Print clients with blocking data-health findings too (the findings are then on their first page); otherwise they are listed as not made. */
  allowFindings?: boolean;
  /** How the user confirms in this shell, for the refusal sentence ("add --allow-findings to print the report"). */
  howToConfirm?: string;
}

/**
 * One report PDF per ranked client (all its portfolios together), then a firm summary PDF, into `outDir`.
 * A client whose report fails is listed in the errors (and in the summary) and the batch goes on.
 */
export async function batchReports(services: Services, run: FirmRun, options: BatchOptions): Promise<BatchOutcome> {
  const folder = path.resolve(options.outDir);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AppError(
      'validation',
      `Cannot create the folder "${options.outDir}" for the reports (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const taken = new Set(fs.readdirSync(folder).map((f) => f.toLowerCase()));
  const outcome: BatchOutcome = { folder, files: [], errors: [], skipped: [], summaryFile: null };
  const jobs = run.ranking.clients.filter((client) => {
    if (client.error) outcome.errors.push({ clientName: client.clientName, portfolioName: null, message: client.error });
    else if (client.portfolios.length === 0) outcome.skipped.push(client.clientName);
    return client.error === null && client.portfolios.length > 0;
  });
  const scenarioIds = run.scenarioIds.slice(0, 12);
  for (const [i, client] of jobs.entries()) {
    if (options.signal?.aborted) {
      outcome.errors.push({ clientName: client.clientName, portfolioName: null, message: 'Not made: the batch was cancelled.' });
      continue;
    }
    options.onProgress?.(i, jobs.length, client.clientName);
    try {
      const model = buildClientReport(services, { clientId: client.clientId, scenarioIds, settings: { date: run.runDate } });
      assertReportable(model.health, client.clientName, options.allowFindings, options.howToConfirm);
      const pdf = await options.print(
        reportHtml(services.reportDir, model),
        `${model.title} — ${model.settings.clientName || client.clientName}`,
      );
      const name = uniqueFileName(
        [{ text: client.clientName, fallback: `client-${client.clientId}` }, { text: run.runDate }],
        'pdf',
        taken,
      );
      writeFileAtomic(path.join(folder, name), pdf);
      outcome.files.push({ clientName: client.clientName, file: path.join(folder, name) });
    } catch (error) {
      outcome.errors.push({
        clientName: client.clientName,
        portfolioName: null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  options.onProgress?.(jobs.length, jobs.length, 'Firm summary');
  const summary = uniqueFileName([{ text: 'firm-summary' }, { text: run.runDate }], 'pdf', taken);
  try {
    writeFileAtomic(
      path.join(folder, summary),
      await options.print(
        firmSummaryHtml(run, outcome.errors, options.firmName ?? firmReportDefaults(services).firmName, firmReportDefaults(services)),
        `Firm-wide stress ${run.runDate}`,
      ),
    );
    outcome.summaryFile = path.join(folder, summary);
  } catch (error) {
    outcome.errors.push({
      clientName: 'Firm summary',
      portfolioName: null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  return outcome;
}
