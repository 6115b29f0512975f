import { create } from 'zustand';
import { createHoldingsSlice, type HoldingsSlice } from './holdings-slice';
import { createPortfoliosSlice, type PortfoliosSlice } from './portfolios-slice';
import { createReferenceSlice, type ReferenceSlice } from './reference-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type Store = UiSlice & PortfoliosSlice & HoldingsSlice & ReferenceSlice;

/** The one bound store, built from typed slices. */
export const useStore = create<Store>()((...a) => ({
  ...createUiSlice(...a),
  ...createPortfoliosSlice(...a),
  ...createHoldingsSlice(...a),
  ...createReferenceSlice(...a),
}));
