import type { Migration } from './types';

/** User scenarios (built-ins are read from resources/scenarios and never stored). */
export const scenarios: Migration = {
  version: 4,
  name: 'user scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        json TEXT NOT NULL CHECK (json_valid(json)),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
