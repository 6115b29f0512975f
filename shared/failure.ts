/**
 * The one failure shape of shared/ code, the same as a command's failed Result: `{ ok: false, error }`. Pure functions
 * that can refuse return their answer or a Failure (an import's refusal, a fit the history cannot support…).
 */
export interface Failure<E = string> {
  ok: false;
  error: E;
}

/** A refusal with its reason. */
export function failure<E>(error: E): Failure<E> {
  return { ok: false, error };
}

/** Whether an answer is a refusal. */
export function isFailure<T, E>(answer: T | Failure<E>): answer is Failure<E> {
  return typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === false && 'error' in answer;
}
