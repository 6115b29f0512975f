import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
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

/**
 * Reads these fields (values or actions) of the store for a component, which then re-renders only when one of
 * them changes: `const { portfolios, selectPortfolio } = usePick('portfolios', 'selectPortfolio')`.
 */
export function usePick<K extends keyof Store>(...keys: K[]): Pick<Store, K> {
  return useStore(useShallow((state) => Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<Store, K>));
}
