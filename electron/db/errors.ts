import { AppError } from '../../shared/ipc/result';

/** Runs a write and turns SQLite's UNIQUE violation into a conflict sentence. */
export function withConflict<T>(write: () => T, sentence: string): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('conflict', sentence, error.message);
    }
    throw error;
  }
}

/** Throws a not-found sentence when a lookup came back empty. */
export function found<T>(row: T | undefined, what: string, id: number): T {
  if (row === undefined) {
    throw new AppError('not-found', `${what} ${id} does not exist; it may have been deleted.`);
  }
  return row;
}
