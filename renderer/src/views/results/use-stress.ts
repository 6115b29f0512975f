import { useEffect, useMemo, useState } from 'react';
import { DIMENSIONS, prepareBook, runScenario, type StressResult } from '../../../../shared/engine';
import { call, unwrap } from '../../api';
import { useStore } from '../../store/store';

/**
 * The selected portfolio's book and the current scenario's result. Hypothetical scenarios are recomputed here on
 * every edit; a historical scenario, or any with propagation on, needs price history, so main computes it
 * (debounced, latest request wins) and `pending` says so meanwhile.
 */
export function useStress() {
  const snapshot = useStore((s) => s.snapshot);
  const draft = useStore((s) => s.draft);
  const lookThrough = useStore((s) => s.lookThrough);
  const propagate = useStore((s) => s.propagate);
  const proxyChoices = useStore((s) => s.proxyChoices);
  const selectedPortfolioId = useStore((s) => s.selectedPortfolioId);
  const scenariosLoaded = useStore((s) => s.scenarios.length > 0);
  const [remote, setRemote] = useState<{ request: unknown; result: StressResult | null; error: string | null } | null>(null);

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
  const needsHistory = !!draft && (draft.kind === 'historical' || propagate);
  const request = useMemo(
    () =>
      needsHistory && draft && snapshot
        ? {
            portfolioId: snapshot.portfolio.id, scenario: draft, lookThrough, by: [...DIMENSIONS], propagate: draft.kind === 'hypothetical',
            ...(Object.keys(proxyChoices).length ? { proxies: proxyChoices } : {}),
          }
        : null,
    [needsHistory, draft, snapshot, lookThrough, proxyChoices],
  );
  useEffect(() => {
    if (!request) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      unwrap(call('stress:run', request))
        .then((result) => isCurrent && setRemote({ request, result, error: null }))
        .catch((error: Error) => isCurrent && setRemote({ request, result: null, error: error.message }));
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [request]);

  const local = useMemo(() => (book && draft && !needsHistory ? runScenario(book, draft, { by: [...DIMENSIONS] }) : null), [book, draft, needsHistory]);
  const fresh = remote && remote.request === request ? remote : null;
  // While main recomputes, the previous answer stays on screen (marked as updating) rather than a blank page.
  const result = needsHistory ? (fresh?.result ?? remote?.result ?? null) : local;
  return { snapshot, draft, book, result, pending: needsHistory && !fresh, historyError: needsHistory ? (fresh?.error ?? null) : null };
}
