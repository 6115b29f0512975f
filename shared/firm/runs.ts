import type { FirmRanking } from './ranking';

/** A saved firm-wide run: its date, what it ran and the ranking it produced. */
export interface FirmRunSummary {
  id: number;
  /** The day the run is for (YYYY-MM-DD), to compare yesterday's run with today's. */
  runDate: string;
  createdAt: string;
  scenarioIds: string[];
  /** The client tag the run was limited to, or null for every client. */
  tag: string | null;
  clientCount: number;
}

export interface FirmRun extends FirmRunSummary {
  ranking: FirmRanking;
}

/** The firm-wide run in progress (one at a time), for polling from the UI. */
export interface FirmJobStatus {
  id: number;
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  /** The saved run once the job is done. */
  runId: number | null;
  message: string;
}

/** Batch PDF reports of a saved run in progress (one at a time), for polling from the UI. */
export interface BatchJobStatus {
  id: number;
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  /** The client whose report is being made. */
  current: string;
  folder: string | null;
  files: number;
  summaryFile: string | null;
  errors: { clientName: string; portfolioName: string | null; message: string }[];
  skipped: string[];
  message: string;
}
