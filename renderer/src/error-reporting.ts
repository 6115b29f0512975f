import type { RequestInput } from '../../shared/ipc/contract';

/** At most this many reports per window, so an error in a render loop cannot flood the log. */
const MAX_REPORTS = 20;
let sent = 0;

/** Sends a renderer error to main's local log; never throws (reporting must not cause another error). */
export function reportError(kind: RequestInput<'app:logerror'>['kind'], error: unknown, view?: string): void {
  if (sent >= MAX_REPORTS || !window.api) return;
  sent++;
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
  const stack = error instanceof Error && error.stack ? error.stack.slice(0, 20_000) : undefined;
  try {
    void window.api.invoke('app:logerror', { kind, message, stack, view }).catch(() => undefined);
  } catch {
    // The bridge itself failed: nothing more can be done from here.
  }
}

/** Reports uncaught errors and unhandled promise rejections of the window. */
export function reportUncaughtErrors(target: Window = window): void {
  target.addEventListener('error', (event) => reportError('error', event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => reportError('rejection', event.reason));
}
