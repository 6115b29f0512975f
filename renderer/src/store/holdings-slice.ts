import type { StateCreator } from 'zustand';
import type { PortfolioHoldings, Position } from '../../../shared/domain/types';
import type { HealthReport } from '../../../shared/health';
import type { RequestInput } from '../../../shared/ipc/contract';
import { call, unwrap } from '../api';
import { attempt as attemptWith } from './attempt';
import type { Store } from './store';

export type NewPosition = RequestInput<'positions:create'>;
export type PositionPatch = RequestInput<'positions:update'>['patch'];

export interface HoldingsSlice {
  holdings: PortfolioHoldings | null;
  holdingsLoading: boolean;
  /** The selected portfolio's data-health verdict (reloaded with the holdings). */
  health: HealthReport | null;
  loadHoldings(): Promise<void>;
  loadHealth(): Promise<void>;
  addAccount(name: string, broker?: string): Promise<boolean>;
  addPosition(input: NewPosition): Promise<boolean>;
  updatePosition(id: number, patch: PositionPatch): Promise<boolean>;
  deletePosition(id: number): Promise<boolean>;
}

/** Copies a stored position into a create request, so a deletion can be undone. */
export function toNewPosition(position: Position): NewPosition {
  return {
    accountId: position.accountId,
    symbol: position.symbol,
    name: position.name,
    assetClass: position.assetClass,
    quantity: position.quantity,
    price: position.price,
    marketValue: position.marketValue,
    costBasis: position.costBasis,
    currency: position.currency,
    asOf: position.asOf,
    isShortIntended: position.isShortIntended,
    ...(position.multiplier !== undefined && { multiplier: position.multiplier }),
    ...(position.volatility !== undefined && { volatility: position.volatility }),
  };
}

/** The selected portfolio's accounts and valued positions, and the edits on them. */
export const createHoldingsSlice: StateCreator<Store, [], [], HoldingsSlice> = (set, get) => {
  const attempt = <T>(work: () => Promise<T>) => attemptWith(get, work);
  const refresh = async () => {
    await get().loadHoldings();
    await get().loadPortfolios();
  };

  return {
    holdings: null,
    holdingsLoading: false,
    health: null,

    loadHoldings: async () => {
      const id = get().selectedPortfolioId;
      if (id === null) {
        set({ holdings: null });
        return;
      }
      set({ holdingsLoading: true });
      await attempt(async () => set({ holdings: await unwrap(call('portfolios:holdings', { id })) }));
      set({ holdingsLoading: false });
      await get().loadHealth();
    },

    loadHealth: async () => {
      const portfolioId = get().selectedPortfolioId;
      if (portfolioId === null) return set({ health: null });
      const health = await attempt(() => unwrap(call('health:check', { portfolioId })));
      // A slow answer for a portfolio the user has left is dropped.
      if (get().selectedPortfolioId === portfolioId) set({ health });
    },

    addAccount: async (name, broker) =>
      (await attempt(async () => {
        const portfolioId = get().selectedPortfolioId;
        if (portfolioId === null) throw new Error('Choose a portfolio first.');
        await unwrap(call('accounts:create', { portfolioId, name, broker }));
        await refresh();
        return true;
      })) ?? false,

    addPosition: async (input) =>
      (await attempt(async () => {
        await unwrap(call('positions:create', input));
        await refresh();
        return true;
      })) ?? false,

    updatePosition: async (id, patch) =>
      (await attempt(async () => {
        const before = get().holdings?.positions.find((p) => p.id === id);
        await unwrap(call('positions:update', { id, patch }));
        await refresh();
        if (before) {
          const { symbol: _symbol, ...previous } = toNewPosition(before);
          get().notify({
            kind: 'info',
            message: `Saved ${before.symbol}.`,
            action: { label: 'Undo', run: () => void get().updatePosition(id, { ...previous, symbol: before.symbol }) },
          });
        }
        return true;
      })) ?? false,

    deletePosition: async (id) =>
      (await attempt(async () => {
        const position = get().holdings?.positions.find((p) => p.id === id);
        await unwrap(call('positions:delete', { id }));
        await refresh();
        if (position) {
          get().notify({
            kind: 'info',
            message: `Deleted ${position.symbol} from ${position.accountName}.`,
            action: { label: 'Undo', run: () => void get().addPosition(toNewPosition(position)) },
          });
        }
        return true;
      })) ?? false,
  };
};
