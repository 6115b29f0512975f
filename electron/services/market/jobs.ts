import type { Database } from 'better-sqlite3';
import type { MarketJobStatus } from '../../../shared/domain/market';
import { refreshMarketData, type RefreshRequest } from './refresh';
import type { MarketClient } from './yahoo-client';

/** The one market-data refresh that may run at a time, with its status for polling. */
export interface MarketJobs {
  start(request: RefreshRequest): MarketJobStatus;
  status(): MarketJobStatus;
  cancel(): MarketJobStatus;
  /** Resolves when the current job (if any) has finished. */
  settled(): Promise<MarketJobStatus>;
}

const IDLE: MarketJobStatus = {
  id: 0, state: 'idle', done: 0, total: 0, updated: [], errors: [], startedAt: null, finishedAt: null,
  message: 'Market data has not been updated in this session; bundled and cached data is used.',
};

function finalMessage(state: MarketJobStatus['state'], updated: number, errors: number): string {
  const failed = errors ? ` ${errors} ${errors === 1 ? 'item' : 'items'} could not be updated; see the list.` : '';
  if (state === 'offline') return `Aftershock could not reach Yahoo Finance, so you seem to be offline. ${updated ? `${updated} were updated before the connection dropped; ` : ''}Everything else keeps its bundled or cached data.`;
  if (state === 'cancelled') return `Update cancelled; ${updated} updated before stopping, the rest keeps its cached data.${failed}`;
  if (state === 'failed') return 'The update stopped because of an unexpected error; cached data was kept.';
  return `Market data updated for ${updated} ${updated === 1 ? 'item' : 'items'}.${failed}`;
}

/** Creates the job runner; `client` is built per job so tests and the app choose the fetch. */
export function createMarketJobs(db: Database, client: () => MarketClient, options: { concurrency?: number } = {}): MarketJobs {
  let current: MarketJobStatus = IDLE;
  let controller: AbortController | null = null;
  let running: Promise<MarketJobStatus> = Promise.resolve(IDLE);

  return {
    start(request) {
      if (current.state === 'running') return current;
      controller = new AbortController();
      const signal = controller.signal;
      const id = current.id + 1;
      current = {
        id, state: 'running', done: 0, total: request.symbols.length + request.fxPairs.length, updated: [], errors: [],
        startedAt: new Date().toISOString(), finishedAt: null, message: 'Updating market data…',
      };
      running = refreshMarketData(db, client(), request, {
        concurrency: options.concurrency ?? 4,
        signal,
        onProgress: (progress) => {
          if (current.id === id) current = { ...current, ...progress };
        },
      })
        .then((outcome) => {
          const state = outcome.isOffline ? 'offline' : outcome.isCancelled ? 'cancelled' : 'done';
          return { ...current, ...outcome, state, finishedAt: new Date().toISOString(), message: finalMessage(state, outcome.updated.length, outcome.errors.length) } as MarketJobStatus;
        })
        .catch((error: unknown) => ({
          ...current, state: 'failed' as const, finishedAt: new Date().toISOString(), message: finalMessage('failed', 0, 0),
          errors: [...current.errors, { symbol: '*', part: 'quote' as const, message: String(error) }],
        }))
        .then((status) => {
          const { isOffline: _o, isCancelled: _c, ...clean } = status as MarketJobStatus & { isOffline?: boolean; isCancelled?: boolean };
          current = clean;
          return clean;
        });
      return current;
    },
    status: () => current,
    cancel() {
      if (current.state === 'running') {
        controller?.abort();
        current = { ...current, message: 'Cancelling…' };
      }
      return current;
    },
    settled: () => running,
  };
}
