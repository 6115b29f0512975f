import type { StateCreator } from 'zustand';
import type { Client, Portfolio, PortfolioSummary } from '../../../shared/domain/types';
import { call, unwrap } from '../api';
import { attempt as attemptWith } from './attempt';
import type { Store } from './store';

export interface NewPortfolio {
  name: string;
  /** An existing client, or… */
  clientId?: number;
  /** …a new client created with the portfolio. */
  newClientName?: string;
  baseCurrency?: string;
}

export interface PortfoliosSlice {
  clients: Client[];
  portfolios: PortfolioSummary[];
  portfoliosLoaded: boolean;
  selectedPortfolioId: number | null;
  loadPortfolios(): Promise<void>;
  selectPortfolio(id: number | null): void;
  createPortfolio(input: NewPortfolio): Promise<Portfolio | null>;
  renamePortfolio(id: number, name: string): Promise<boolean>;
  deletePortfolio(id: number): Promise<boolean>;
  renameClient(id: number, name: string): Promise<boolean>;
  deleteClient(id: number): Promise<boolean>;
}

/** Clients and portfolios as the store knows them, and the actions that change them. */
export const createPortfoliosSlice: StateCreator<Store, [], [], PortfoliosSlice> = (set, get) => {
  const attempt = <T>(work: () => Promise<T>) => attemptWith(get, work);
  /** Undo of a deletion: main puts the client or portfolio deleted last back, with everything in it. */
  const restoreDeleted = () =>
    attempt(async () => {
      const { kind, name } = await unwrap(call('trash:restore', {}));
      await get().loadPortfolios();
      get().notify({ kind: 'info', message: `Restored “${name}”${kind === 'client' ? ' and its portfolios' : ''}.` });
    });
  /** A rename or deletion: main makes it, the list is read again, then `after`; false if it failed (said in a notice). */
  const changeThenReload = async (change: () => Promise<unknown>, after?: () => void) =>
    (await attempt(async () => {
      await change();
      await get().loadPortfolios();
      after?.();
      return true;
    })) ?? false;
  /** Says what was deleted, with Undo. */
  const deleted = (message: string) => get().notify({ kind: 'info', message, action: { label: 'Undo', run: () => void restoreDeleted() } });

  return {
    clients: [],
    portfolios: [],
    portfoliosLoaded: false,
    selectedPortfolioId: null,

    loadPortfolios: async () => {
      await attempt(async () => {
        const [clients, portfolios] = await Promise.all([unwrap(call('clients:list')), unwrap(call('portfolios:list', {}))]);
        const selected = get().selectedPortfolioId;
        const stillThere = portfolios.some((p) => p.id === selected);
        set({
          clients,
          portfolios,
          portfoliosLoaded: true,
          selectedPortfolioId: stillThere ? selected : (portfolios[0]?.id ?? null),
        });
      });
    },

    selectPortfolio: (id) => set({ selectedPortfolioId: id }),

    createPortfolio: async (input) =>
      attempt(async () => {
        let clientId = input.clientId;
        if (input.newClientName) {
          clientId = (await unwrap(call('clients:create', { name: input.newClientName }))).id;
        }
        const portfolio = await unwrap(call('portfolios:create', { name: input.name, clientId, baseCurrency: input.baseCurrency }));
        await get().loadPortfolios();
        set({ selectedPortfolioId: portfolio.id });
        get().notify({ kind: 'info', message: `Created portfolio “${portfolio.name}”.` });
        return portfolio;
      }),

    renamePortfolio: (id, name) => changeThenReload(() => unwrap(call('portfolios:rename', { id, name }))),

    deletePortfolio: (id) => {
      const name = get().portfolios.find((p) => p.id === id)?.name ?? 'the portfolio';
      return changeThenReload(
        () => unwrap(call('portfolios:delete', { id })),
        () => deleted(`Deleted “${name}”.`),
      );
    },

    renameClient: (id, name) => changeThenReload(() => unwrap(call('clients:rename', { id, name }))),

    deleteClient: (id) => {
      const name = get().clients.find((c) => c.id === id)?.name ?? 'the client';
      return changeThenReload(
        () => unwrap(call('clients:delete', { id })),
        () => deleted(`Deleted “${name}” and its portfolios.`),
      );
    },
  };
};
