import type { Migration } from './types';

/** Saved firm runs can be deleted and the latest deletion undone: a deleted run is marked, then purged by the next deletion. */
export const firmRunDeletion: Migration = {
  version: 9,
  name: 'deleting saved firm runs',
  up(db) {
    db.exec('ALTER TABLE firm_runs ADD COLUMN deleted_at TEXT');
  },
};
