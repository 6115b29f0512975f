import { useEffect, useMemo } from 'react';
import { DIMENSIONS, prepareBook, runScenario } from '../../../../shared/engine';
import { useStore } from '../../store/store';

/** The selected portfolio's book and the current scenario's result, recomputed on every edit. */
export function useStress() {
  const snapshot = useStore((s) => s.snapshot);
  const draft = useStore((s) => s.draft);
  const lookThrough = useStore((s) => s.lookThrough);
  const selectedPortfolioId = useStore((s) => s.selectedPortfolioId);
  const scenariosLoaded = useStore((s) => s.scenarios.length > 0);

  useEffect(() => {
    if (!scenariosLoaded) void useStore.getState().loadScenarios();
  }, [scenariosLoaded]);
  useEffect(() => {
    void useStore.getState().loadSnapshot();
  }, [selectedPortfolioId]);

  const book = useMemo(
    () => (snapshot ? prepareBook(snapshot.positions, snapshot.portfolio.baseCurrency, snapshot.reference, { lookThrough }) : null),
    [snapshot, lookThrough],
  );
  const result = useMemo(() => (book && draft ? runScenario(book, draft, { by: [...DIMENSIONS] }) : null), [book, draft]);
  return { snapshot, draft, book, result };
}
