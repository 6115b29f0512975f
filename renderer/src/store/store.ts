import { create } from 'zustand';
import { createAdvisorSlice, type AdvisorSlice } from './advisor-slice';
import { createHoldingsSlice, type HoldingsSlice } from './holdings-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createPortfoliosSlice, type PortfoliosSlice } from './portfolios-slice';
import { createScenariosSlice, type ScenariosSlice } from './scenarios-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

import { createReferenceSlice, type ReferenceSlice } from './reference-slice';

export type Store = UiSlice & PortfoliosSlice & HoldingsSlice & ScenariosSlice & ImportSlice & ReferenceSlice & AdvisorSlice;

/** The one bound store, built from typed slices. */
export const useStore = create<Store>()((...a) => ({
  ...createUiSlice(...a),
  ...createPortfoliosSlice(...a),
  ...createHoldingsSlice(...a),
  ...createScenariosSlice(...a),
  ...createImportSlice(...a),
  ...createReferenceSlice(...a),
  ...createAdvisorSlice(...a),
}));
