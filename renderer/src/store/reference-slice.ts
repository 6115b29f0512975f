import type { StateCreator } from 'zustand';
import type { ExposureDimension, ExposureResult } from '../../../shared/domain/exposure';
import type { MarketJobStatus } from '../../../shared/domain/market';
import type { PortfolioReference, SecurityDetail } from '../../../shared/domain/reference';
import type { RequestInput } from '../../../shared/ipc/contract';
import { call, unwrap } from '../api';
import { attempt as attemptWith } from './attempt';
import { followJob } from './follow-job';
import type { Store } from './store';

const MARKET_POLL_MS = 400;

export type ClassificationPatch = RequestInput<'securities:classify'>['patch'];
export type PortfolioExposure = ExposureResult & { baseCurrency: string; unvalued: string[] };

export interface ReferenceSlice {
  reference: PortfolioReference | null;
  exposure: PortfolioExposure | null;
  exposureBy: ExposureDimension;
  lookThrough: boolean;
  market: MarketJobStatus | null;
  loadReference(): Promise<void>;
  loadExposure(options?: { by?: ExposureDimension; lookThrough?: boolean }): Promise<void>;
  showSecurity(symbol: string): Promise<SecurityDetail | null>;
  classify(symbol: string, patch: ClassificationPatch): Promise<boolean>;
  resetClassification(symbol: string): Promise<boolean>;
  createTheme(name: string, criteria?: string): Promise<string | null>;
  /** Sets (or with null clears) a bond fund's duration in years; the stress snapshot is reloaded to use it. */
  setDuration(symbol: string, years: number | null): Promise<boolean>;
  /** Starts the refresh and follows it to the end; then the holdings, classifications and exposure are reloaded. */
  startMarketRefresh(): Promise<void>;
  cancelMarketRefresh(): Promise<void>;
}

/** Classifications, exposure and the market-data refresh of the selected portfolio. */
export const createReferenceSlice: StateCreator<Store, [], [], ReferenceSlice> = (set, get) => {
  const attempt = <T>(work: () => Promise<T>) => attemptWith(get, work);
  const reloadAll = async () => {
    await get().loadReference();
    await get().loadExposure();
  };
  return {
    reference: null,
    exposure: null,
    exposureBy: 'sector',
    lookThrough: true,
    market: null,

    loadReference: async () => {
      const portfolioId = get().selectedPortfolioId;
      if (portfolioId === null) return set({ reference: null });
      await attempt(async () => set({ reference: await unwrap(call('reference:portfolio', { portfolioId })) }));
    },
    loadExposure: async (options = {}) => {
      const portfolioId = get().selectedPortfolioId;
      const by = options.by ?? get().exposureBy;
      const lookThrough = options.lookThrough ?? get().lookThrough;
      set({ exposureBy: by, lookThrough });
      if (portfolioId === null) return set({ exposure: null });
      await attempt(async () => set({ exposure: await unwrap(call('exposure:portfolio', { portfolioId, by, lookThrough })) }));
    },
    showSecurity: (symbol) => attempt(() => unwrap(call('securities:show', { symbol }))),
    classify: async (symbol, patch) =>
      (await attempt(async () => {
        await unwrap(call('securities:classify', { symbol, patch }));
        await reloadAll();
        get().notify({ kind: 'info', message: `Saved your classification of ${symbol}; it stays when data is refreshed.` });
        return true;
      })) ?? false,
    resetClassification: async (symbol) =>
      (await attempt(async () => {
        await unwrap(call('securities:reset', { symbol }));
        await reloadAll();
        return true;
      })) ?? false,
    createTheme: (name, criteria) =>
      attempt(async () => {
        const theme = await unwrap(call('themes:create', { name, criteria }));
        await get().loadReference();
        return theme.id;
      }),
    setDuration: async (symbol, years) =>
      (await attempt(async () => {
        await unwrap(call('securities:duration', { symbol, years }));
        get().notify({
          kind: 'info',
          message: years === null ? `Cleared the duration of ${symbol}.` : `${symbol}: duration ${years} years.`,
        });
        await get().loadSnapshot();
        return true;
      })) ?? false,
    startMarketRefresh: async () => {
      const portfolioId = get().selectedPortfolioId ?? undefined;
      await attempt(async () => {
        const first = await unwrap(call('market:refresh', { portfolioId }));
        const last = await followJob(
          first,
          () => unwrap(call('market:status', {})),
          (market) => set({ market }),
          MARKET_POLL_MS,
        );
        if (first.state === 'running' && last.updated.length > 0) {
          await get().loadHoldings();
          await reloadAll();
        }
      });
    },
    cancelMarketRefresh: async () => {
      await attempt(async () => set({ market: await unwrap(call('market:cancel', {})) }));
    },
  };
};
