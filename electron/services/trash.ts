import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/ipc/result';
import { restoreDeleted, type Deleted } from '../db/trash';

/** The client or portfolio deleted last, kept in memory so its deletion can be undone this session. */
export interface Trash {
  keep(deleted: Deleted): void;
  /** Puts the last deletion back (once); a sentence when there is nothing to put back. */
  restoreLast(db: Database): { kind: Deleted['kind']; name: string };
}

export function createTrash(): Trash {
  let last: Deleted | null = null;
  return {
    keep(deleted) {
      last = deleted;
    },
    restoreLast(db) {
      if (!last) throw new AppError('not-found', 'There is nothing deleted to put back.');
      restoreDeleted(db, last);
      const { kind, name } = last;
      last = null;
      return { kind, name };
    },
  };
}
