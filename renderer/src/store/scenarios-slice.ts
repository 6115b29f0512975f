import type { StateCreator } from 'zustand';
import type { Scenario } from '../../../shared/engine';
import type { RequestInput } from '../../../shared/ipc/contract';
import type { ScenarioSummaryData, StressSnapshotData } from '../../../shared/ipc/stress-types';
import { call, unwrap } from '../api';
import { blankScenario, idFromName } from './scenario-draft';
import { attempt as attemptWith } from './attempt';
import type { Store } from './store';

export type ProxyChoices = NonNullable<RequestInput<'stress:run'>['proxies']>;

export interface ScenariosSlice {
  scenarios: ScenarioSummaryData[];
  selectedScenarioId: string | null;
  /** The scenario on screen, edited in place; saved only on request. */
  draft: Scenario | null;
  draftBuiltIn: boolean;
  draftDirty: boolean;
  /** Earlier drafts for undo, newest last; later ones for redo. */
  past: Scenario[];
  future: Scenario[];
  undoEdit(): void;
  redoEdit(): void;
  snapshot: StressSnapshotData | null;
  lookThrough: boolean;
  /** Carry the scenario's shocks to holdings it does not name, estimated from price history (main computes it). */
  propagate: boolean;
  /** The user's own proxy series for the market, sectors or industries (propagation and replay stand-ins). */
  proxyChoices: ProxyChoices;
  /** Sets (or with null, resets to the default) the series standing in for the market, a sector or an industry. */
  setProxyChoice(kind: 'market' | 'sector' | 'industry', name: string, symbol: string | null): void;
  loadScenarios(): Promise<void>;
  selectScenario(id: string): Promise<void>;
  editDraft(change: (draft: Scenario) => Scenario): void;
  saveDraft(): Promise<boolean>;
  revertDraft(): Promise<void>;
  newScenario(): void;
  duplicateScenario(id: string): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  importScenarioFile(json: string, fileName: string): Promise<void>;
  /** Saves a scenario drafted from a news story as a user scenario and selects it; false when saving failed. */
  saveDraftedScenario(scenario: Scenario): Promise<boolean>;
  exportScenario(id: string): Promise<{ fileName: string; json: string } | null>;
  loadSnapshot(): Promise<void>;
  setLookThrough(on: boolean): void;
  setPropagate(on: boolean): void;
}

/** The scenario library, the scenario being edited, and the portfolio snapshot its live preview runs on. */
export const createScenariosSlice: StateCreator<Store, [], [], ScenariosSlice> = (set, get) => {
  const attempt = <T>(work: () => Promise<T>) => attemptWith(get, work);
  return {
    scenarios: [],
    selectedScenarioId: null,
    draft: null,
    draftBuiltIn: false,
    draftDirty: false,
    past: [],
    future: [],
    snapshot: null,
    lookThrough: true,
    propagate: false,
    proxyChoices: {},

    loadScenarios: async () => {
      await attempt(async () => {
        const scenarios = await unwrap(call('scenarios:list'));
        set({ scenarios });
        const selected = get().selectedScenarioId;
        if (!get().draft || !scenarios.some((s) => s.id === selected)) {
          const first = scenarios.find((s) => s.id === 'ai-capex-collapse') ?? scenarios[0];
          if (first) await get().selectScenario(first.id);
        }
      });
    },

    selectScenario: async (id) => {
      await attempt(async () => {
        const { scenario, builtIn } = await unwrap(call('scenarios:get', { id }));
        set({ selectedScenarioId: id, draft: scenario, draftBuiltIn: builtIn, draftDirty: false, past: [], future: [] });
      });
    },

    editDraft: (change) => {
      const draft = get().draft;
      if (draft && !get().draftBuiltIn)
        set({ draft: change(draft), draftDirty: true, past: [...get().past.slice(-99), draft], future: [] });
    },

    undoEdit: () => {
      const { past, draft, future } = get();
      if (!past.length || !draft) return;
      set({ draft: past[past.length - 1], past: past.slice(0, -1), future: [draft, ...future], draftDirty: true });
    },

    redoEdit: () => {
      const { past, draft, future } = get();
      if (!future.length || !draft) return;
      set({ draft: future[0], past: [...past, draft], future: future.slice(1), draftDirty: true });
    },

    saveDraft: async () =>
      (await attempt(async () => {
        const draft = get().draft;
        if (!draft) return false;
        const saved = await unwrap(call('scenarios:save', { scenario: draft }));
        set({ draft: saved, draftDirty: false, selectedScenarioId: saved.id });
        set({ scenarios: await unwrap(call('scenarios:list')) });
        get().notify({ kind: 'info', message: `Saved “${saved.name}”.` });
        return true;
      })) ?? false,

    revertDraft: async () => {
      const id = get().selectedScenarioId;
      if (id && get().scenarios.some((s) => s.id === id)) await get().selectScenario(id);
      else if (get().scenarios[0]) await get().selectScenario(get().scenarios[0].id);
    },

    newScenario: () => {
      const id = idFromName('my-scenario', new Set(get().scenarios.map((s) => s.id)));
      set({ draft: blankScenario(id), draftBuiltIn: false, draftDirty: true, selectedScenarioId: id, past: [], future: [] });
    },

    duplicateScenario: async (id) => {
      await attempt(async () => {
        const copy = await unwrap(call('scenarios:duplicate', { id }));
        set({ scenarios: await unwrap(call('scenarios:list')) });
        await get().selectScenario(copy.id);
        get().notify({ kind: 'info', message: `Made an editable copy: “${copy.name}”.` });
      });
    },

    deleteScenario: async (id) => {
      await attempt(async () => {
        const { scenario } = await unwrap(call('scenarios:get', { id }));
        await unwrap(call('scenarios:delete', { id }));
        set({ selectedScenarioId: null, draft: null });
        await get().loadScenarios();
        get().notify({
          kind: 'info',
          message: `Deleted “${scenario.name}”.`,
          action: {
            label: 'Undo',
            run: () =>
              void unwrap(call('scenarios:save', { scenario }))
                .then(() => get().loadScenarios())
                .then(() => get().selectScenario(scenario.id)),
          },
        });
      });
    },

    importScenarioFile: async (json, fileName) => {
      await attempt(async () => {
        const saved = await unwrap(call('scenarios:import', { json, fileName }));
        set({ scenarios: await unwrap(call('scenarios:list')) });
        await get().selectScenario(saved.id);
        get().notify({ kind: 'info', message: `Imported “${saved.name}”.` });
      });
    },

    saveDraftedScenario: async (scenario) =>
      (await attempt(async () => {
        const saved = await unwrap(call('scenarios:save', { scenario }));
        set({ scenarios: await unwrap(call('scenarios:list')) });
        await get().selectScenario(saved.id);
        get().notify({ kind: 'info', message: `Saved “${saved.name}” from the news story.` });
        return true;
      })) ?? false,

    exportScenario: async (id) => attempt(() => unwrap(call('scenarios:export', { id }))),

    loadSnapshot: async () => {
      const portfolioId = get().selectedPortfolioId;
      if (portfolioId === null) return set({ snapshot: null });
      await attempt(async () => set({ snapshot: await unwrap(call('stress:snapshot', { portfolioId })) }));
    },

    setLookThrough: (on) => set({ lookThrough: on }),
    setPropagate: (on) => set({ propagate: on }),
    setProxyChoice: (kind, name, symbol) => {
      const { market, sectors = {}, industries = {} } = get().proxyChoices;
      const value = symbol?.trim().toUpperCase() || undefined;
      const without = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== name));
      const next: ProxyChoices = {
        market: kind === 'market' ? value : market,
        sectors: kind === 'sector' ? { ...without(sectors), ...(value ? { [name]: value } : {}) } : sectors,
        industries: kind === 'industry' ? { ...without(industries), ...(value ? { [name]: value } : {}) } : industries,
      };
      set({
        proxyChoices: {
          ...(next.market ? { market: next.market } : {}),
          ...(Object.keys(next.sectors!).length ? { sectors: next.sectors } : {}),
          ...(Object.keys(next.industries!).length ? { industries: next.industries } : {}),
        },
      });
    },
  };
};
