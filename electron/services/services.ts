import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/domain/types';
import { takeDailyBackup } from '../db/backups';
import { assertSound, openDatabase, refusalForCondition } from '../db/open-database';
import type { Logger } from '../logging';
import { ensureBundledReference } from './bundled-reference';
import { createBatchJobs, type BatchJobs } from './batch-jobs';
import { createFirmJobs, type FirmJobs } from './firm';
import { createMarketJobs, type MarketJobs } from './market/jobs';
import { createYahooClient } from './market/yahoo-client';
import { readSamplePortfolio, seedSampleOnce } from './sample';
import { createTrash, type Trash } from './trash';

/** Everything a command handler may use; handlers receive it as their first argument. Fixed once created. */
export type Services = Readonly<{
  db: Database;
  info: AppInfo;
  resourcesDir: string;
  /** Desktop only: shows the native open dialog and reads the chosen file (null when cancelled). */
  pickImportFile?: () => { fileName: string; text: string } | null;
  /**
   * Chooses the folder batch reports go to, in main (a native dialog on the desktop, the --reports-dir of the
   * browser shell); null when the user cancels. The renderer never names a folder itself.
   */
  pickFolder?: (title: string) => string | null;
  /** Where the standalone report page (report.js, report.css) is. */
  reportDir: string;
  /** Prints a self-contained report page to PDF: Electron's printToPDF in the app, a local Chromium elsewhere. */
  printPdf?: (html: string, title: string) => Promise<Uint8Array>;
  /** Today's date (YYYY-MM-DD), for report dates; a function so tests can fix it. */
  today: () => string;
  /** The market-data refresh (one at a time). */
  market: MarketJobs;
  /** The firm-wide stress run from the UI (one at a time). */
  firm: FirmJobs;
  /** Batch PDF reports started from the UI (one at a time). */
  batch: BatchJobs;
  /** The local error log (absent in tests that do not ask for one). */
  log?: Logger;
  /** The client or portfolio deleted last, so its deletion can be undone this session. */
  trash: Trash;
}>;

export interface CreateServicesOptions {
  dbPath: string;
  shell: AppInfo['shell'];
  version: string;
  resourcesDir: string;
  /** Add the sample client on first run (default true). */
  seedSample?: boolean;
  /** Defaults to out/report beside the built CLI and browser shell. */
  reportDir?: string;
  printPdf?: Services['printPdf'];
  pickFolder?: Services['pickFolder'];
  pickImportFile?: Services['pickImportFile'];
  today?: () => string;
  /** Load the bundled reference data when the database lacks this version of it (default true). */
  loadReference?: boolean;
  /** The fetch market data goes through (default: the global fetch); tests replay recordings. */
  marketFetch?: typeof fetch;
  /** Daily rolling backups of an existing database file (default: on, keeping KEEP_BACKUPS). */
  backups?: { keep?: number; now?: () => Date } | false;
  /** Where unexpected errors are logged. */
  log?: Logger;
  /** Told things the user should know that do not stop opening (a daily backup that failed); also logged. */
  warn?: (sentence: string) => void;
}

/** The local date as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Opens the database, applies migrations, seeds the sample on first run and returns the services. */
export function createServices(options: CreateServicesOptions): Services {
  const { db, schemaVersion, previousVersion } = openDatabase({ path: options.dbPath });
  try {
    // A new file has nothing worth keeping yet; an existing one gets today's backup before anything changes.
    if (options.dbPath !== ':memory:' && previousVersion > 0 && options.backups !== false) {
      dailyBackup(db, options, options.backups ?? {});
    }
    if (options.loadReference ?? true) ensureBundledReference(db, options.resourcesDir);
    if (options.seedSample ?? true) seedSampleOnce(db, readSamplePortfolio(options.resourcesDir));
  } catch (error) {
    db.close();
    throw refusalForCondition(error, options.dbPath) ?? error;
  }
  const marketFetch =
    options.marketFetch ?? ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => globalThis.fetch(input, init));
  return {
    db,
    resourcesDir: options.resourcesDir,
    reportDir: options.reportDir ?? path.join(options.resourcesDir, '..', 'out', 'report'),
    printPdf: options.printPdf,
    pickFolder: options.pickFolder,
    pickImportFile: options.pickImportFile,
    today: options.today ?? localToday,
    log: options.log,
    market: createMarketJobs(db, () => createYahooClient(marketFetch)),
    firm: createFirmJobs(),
    batch: createBatchJobs(),
    trash: createTrash(),
    info: {
      name: 'Aftershock',
      version: options.version,
      schemaVersion,
      databasePath: options.dbPath === ':memory:' ? ':memory:' : path.resolve(options.dbPath),
      shell: options.shell,
      platform: process.platform,
    },
  };
}

/**
 * Today's backup, which never stops the database from opening: a failure is told (and logged) and tried again
 * on the next opening. A damaged database is refused for recovery instead, also when today's backup exists and
 * so did not read every page (SQLite's quick check does).
 */
function dailyBackup(db: Database, options: CreateServicesOptions, backups: { keep?: number; now?: () => Date }): void {
  let taken: string | null;
  try {
    taken = takeDailyBackup(db, options.dbPath, { keep: backups.keep, now: backups.now?.() });
  } catch (error) {
    assertSound(db, options.dbPath, error);
    const reason = error instanceof Error ? error.message : String(error);
    const sentence = `Today's backup of "${options.dbPath}" could not be taken (${reason}); the database opened anyway and the backup is tried again next time.`;
    options.log?.error({
      where: 'daily backup',
      code: 'warning',
      message: sentence,
      detail: error instanceof Error ? error.stack : undefined,
    });
    options.warn?.(sentence);
    return;
  }
  if (taken === null) assertSound(db, options.dbPath);
}

/** Closes the database cleanly (checkpointing the WAL). */
export function closeServices(services: Services): void {
  if (services.db.open) services.db.close();
}
