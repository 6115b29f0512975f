import { useEffect, useEffectEvent, useState } from 'react';
import { attempt, errorSentence } from './store/attempt';
import { useStore } from './store/store';

export interface CommandState<T> {
  /** The latest answer; while a newer request runs, the previous answer stays (so the screen does not blank). */
  value: T | null;
  /** The current request's failure sentence, when failures are shown in place. */
  error: string | null;
  /** A request is running whose answer is not in yet. */
  loading: boolean;
  /** Runs the current request again (e.g. a button asking for the same thing once more). */
  rerun(): void;
}

export interface CommandOptions {
  /** Waits this long after the last change before asking main (typing, dragging). */
  delayMs?: number;
  /**
   * 'inline' (default): the view shows `error` where the answer would be, and no value. 'notice': a notice (through
   * `attempt`, like store actions) and the previous value stays.
   */
  errors?: 'inline' | 'notice';
}

/**
 * Asks main for something a view shows: runs `command` whenever `request` changes (by identity: pass a value from
 * state or useMemo) and keeps only the answer to the latest request; null asks nothing. Loading, staleness and the
 * failure sentence are handled here, so views hold no hand-made cancellation. The command comes from store/ and
 * is read when it runs, so it may be written inline; it is given the previous answer, to keep what is still valid.
 */
export function useCommand<R, T>(
  request: R | null,
  command: (request: R, previous: T | null) => Promise<T>,
  options: CommandOptions = {},
): CommandState<T> {
  const { delayMs = 0, errors = 'inline' } = options;
  const [run, setRun] = useState(0);
  const [answer, setAnswer] = useState<{ request: R; run: number; value: T | null; error: string | null } | null>(null);
  /** The answer, or undefined when a failure was shown as a notice. */
  const ask = useEffectEvent(async (asked: R): Promise<{ value: T } | undefined> => {
    const previous = answer?.value ?? null;
    if (errors === 'inline') return { value: await command(asked, previous) };
    return (await attempt(useStore.getState, async () => ({ value: await command(asked, previous) }))) ?? undefined;
  });

  useEffect(() => {
    if (request === null) return;
    let isCurrent = true;
    const start = () =>
      ask(request).then(
        (answered) =>
          isCurrent &&
          setAnswer((previous) => ({ request, run, value: answered ? answered.value : (previous?.value ?? null), error: null })),
        (error: unknown) => isCurrent && setAnswer({ request, run, value: null, error: errorSentence(error) }),
      );
    const timer = delayMs > 0 ? setTimeout(start, delayMs) : undefined;
    if (timer === undefined) void start();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [request, run, delayMs]);

  const fresh = answer !== null && answer.request === request && answer.run === run;
  return {
    value: answer?.value ?? null,
    error: fresh ? answer.error : null,
    loading: request !== null && !fresh,
    rerun: () => setRun((n) => n + 1),
  };
}
