import type { Database } from 'better-sqlite3';
import type { MarketJobStatus } from '../../../shared/domain/market';
import { refreshMarketData, type RefreshRequest } from './refresh';
import type { MarketClient } from './yahoo-client';
import { createJob, type JobControls } from '../job';

/** The one market-data refresh that may run at a time, with its status for polling. */
export interface MarketJobs extends JobControls<MarketJobStatus> {
  start(request: RefreshRequest): MarketJobStatus;
}

const IDLE: MarketJobStatus = {
  id: 0,
  state: 'idle',
  done: 0,
  total: 0,
  updated: [],
  errors: [],
  startedAt: null,
  finishedAt: null,
  message: 'Market data has not been updated in this session; bundled and cached data is used.',
};

function finalMessage(state: MarketJobStatus['state'], updated: number, errors: number): string {
  const failed = errors ? ` ${errors} ${errors === 1 ? 'item' : 'items'} could not be updated; see the list.` : '';
  if (state === 'offline')
    return `Aftershock could not reach Yahoo Finance, so you seem to be offline. ${updated ? `${updated} were updated before the connection dropped; ` : ''}Everything else keeps its bundled or cached data.`;
  if (state === 'cancelled') return `Update cancelled; ${updated} updated before stopping, the rest keeps its cached data.${failed}`;
  if (state === 'failed') return 'The update stopped because of an unexpected error; cached data was kept.';
  return `Market data updated for ${updated} ${updated === 1 ? 'item' : 'items'}.${failed}`;
}

/** Creates the job runner; `client` is built per job so tests and the app choose the fetch. */
export function createMarketJobs(db: Database, client: () => MarketClient, options: { concurrency?: number } = {}): MarketJobs {
  const job = createJob<MarketJobStatus>(IDLE, 'Cancelling…');
  return {
    start(request) {
      return job.start(
        (id) => ({
          id,
          state: 'running',
          done: 0,
          total: request.symbols.length + request.fxPairs.length,
          updated: [],
          errors: [],
          startedAt: new Date().toISOString(),
          finishedAt: null,
          message: 'Updating market data…',
        }),
        async (running) => {
          const { isOffline, isCancelled, ...outcome } = await refreshMarketData(db, client(), request, {
            concurrency: options.concurrency ?? 4,
            signal: running.signal,
            onProgress: (progress) => running.update(progress),
          });
          const state = isOffline ? 'offline' : isCancelled ? 'cancelled' : 'done';
          return {
            ...running.status,
            ...outcome,
            state,
            finishedAt: new Date().toISOString(),
            message: finalMessage(state, outcome.updated.length, outcome.errors.length),
          };
        },
        (error, last) => ({
          ...last,
          state: 'failed',
          finishedAt: new Date().toISOString(),
          message: finalMessage('failed', 0, 0),
          errors: [...last.errors, { symbol: '*', part: 'quote' as const, message: String(error) }],
        }),
      );
    },
    status: job.status,
    cancel: job.cancel,
    settled: job.settled,
  };
}
