import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../shared/domain/types';
import { call, unwrap } from '../api';
import { attempt } from './attempt';
import type { Store } from './store';

export const VIEWS = ['portfolios', 'holdings', 'scenarios', 'results', 'reports', 'clients', 'firm'] as const;
export type View = (typeof VIEWS)[number];

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  view: View;
  info: AppInfo | null;
  notices: Notice[];
  setView(view: View): void;
  loadInfo(): Promise<void>;
  notify(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

/** Navigation, app info and the notice (toast) queue. */
export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set, get) => ({
  view: 'portfolios',
  info: null,
  notices: [],
  setView: (view) => set({ view }),
  loadInfo: async () => {
    await attempt(get, async () => set({ info: await unwrap(call('app:info')) }));
  },
  notify: (notice) => {
    const id = nextNoticeId++;
    set((state) => ({ notices: [...state.notices.slice(-3), { ...notice, id }] }));
    return id;
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});
