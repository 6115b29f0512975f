import type { Store } from './store';

/** Runs store work; on failure shows the error's sentence as a notice and answers null. */
export async function attempt<T>(get: () => Store, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    get().notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
