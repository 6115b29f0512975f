import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DIMENSIONS, prepareBook, runScenario } from '../../../../shared/engine';
import { runStress } from '../../store/commands';
import { useStore } from '../../store/store';
import { useCommand } from '../../use-command';

/** The selected portfolio's snapshot, the scenario on screen, and the book the engine runs on (loads nothing). */
export function useBook() {
  const { snapshot, draft, lookThrough } = useStore(
    useShallow((s) => ({ snapshot: s.snapshot, draft: s.draft, lookThrough: s.lookThrough })),
  );
  const book = useMemo(
    () =>
      snapshot
        ? prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, {
            lookThrough,
            optionMarket: snapshot.optionMarket,
          })
        : null,
    [snapshot, lookThrough],
  );
  return { snapshot, draft, book, lookThrough };
}

/**
 * The selected portfolio's book and the current scenario's result, for the view that shows it (it loads the
 * scenarios and the snapshot). Hypothetical scenarios are recomputed here on every edit; a historical scenario, or
 * any with propagation on, needs price history, so main computes it (debounced, latest request wins) and `pending`
 * says so meanwhile.
 */
export function useStress() {
  const { snapshot, draft, book, lookThrough } = useBook();
  const { propagate, proxyChoices, selectedPortfolioId, scenariosLoaded } = useStore(
    useShallow((s) => ({
      propagate: s.propagate,
      proxyChoices: s.proxyChoices,
      selectedPortfolioId: s.selectedPortfolioId,
      scenariosLoaded: s.scenarios.length > 0,
    })),
  );

  useEffect(() => {
    if (!scenariosLoaded) void useStore.getState().loadScenarios();
  }, [scenariosLoaded]);
  useEffect(() => {
    void useStore.getState().loadSnapshot();
  }, [selectedPortfolioId]);

  const needsHistory = !!draft && (draft.kind === 'historical' || propagate);
  // A new snapshot (say, after a duration was set) is a new request too, so the answer follows it.
  const request = useMemo(
    () =>
      needsHistory && draft && snapshot
        ? {
            portfolioId: snapshot.portfolio.id,
            scenario: draft,
            lookThrough,
            by: [...DIMENSIONS],
            propagate: draft.kind === 'hypothetical',
            ...(Object.keys(proxyChoices).length ? { proxies: proxyChoices } : {}),
          }
        : null,
    [needsHistory, draft, snapshot, lookThrough, proxyChoices],
  );
  const remote = useCommand(request, runStress, { delayMs: 150 });

  const local = useMemo(
    () => (book && draft && !needsHistory ? runScenario(book, draft, { by: [...DIMENSIONS] }) : null),
    [book, draft, needsHistory],
  );
  // While main recomputes, the previous answer stays on screen (marked as updating) rather than a blank page.
  const result = needsHistory ? remote.value : local;
  return { snapshot, draft, book, result, pending: needsHistory && remote.loading, historyError: needsHistory ? remote.error : null };
}
