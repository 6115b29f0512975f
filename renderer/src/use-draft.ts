import { useMemo, useState } from 'react';

/** The fields the user changed, and the saved value (null: it was still loading) they were changed on. */
interface Draft<T> {
  scope: unknown;
  of: T | null;
  patch: Partial<T>;
}

/** Whether a draft still applies: same scope, and made on this saved value or before any had arrived. */
function applies<T>(draft: Draft<T> | null, scope: unknown, of: T | null): draft is Draft<T> {
  return draft !== null && draft.scope === scope && (draft.of === of || draft.of === null);
}

/**
 * A form over a saved value that loads (e.g. settings from main): the user's changes are kept as the fields they
 * changed, laid over the saved value they were made on. Changes typed while the value for this scope is still loading
 * are laid over it when it arrives, not dropped; a new scope (another portfolio) or a new saved value starts afresh.
 */
export function useDraft<T extends object>(
  saved: T | null,
  loading: boolean,
  scope: unknown,
  empty: Partial<T>,
): [Partial<T>, (patch: Partial<T>) => void] {
  const [draft, setDraft] = useState<Draft<T> | null>(null);
  const value = useMemo(
    () => (applies(draft, scope, saved) ? { ...(saved ?? empty), ...draft.patch } : (saved ?? empty)),
    [draft, saved, scope, empty],
  );
  const change = (patch: Partial<T>) => {
    const of = loading ? null : saved;
    setDraft((previous) => ({ scope, of, patch: { ...(applies(previous, scope, of) ? previous.patch : {}), ...patch } }));
  };
  return [value, change];
}
