import type { Store } from './store';

/** The sentence to show for a failure: a command's user sentence, or the error's message. */
export function errorSentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs store work; on failure shows the error's sentence as a notice and answers null. */
export async function attempt<T>(get: () => Store, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    get().notify({ kind: 'error', message: errorSentence(error) });
    return null;
  }
}
