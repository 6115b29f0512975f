import type { Migration } from './types';

/** Bond-fund durations (years) per symbol and source, for rate shocks; user values win over market data. */
export const durations: Migration = {
  version: 5,
  name: 'durations',
  up(db) {
    db.exec(`
      CREATE TABLE security_durations (
        symbol TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('market-data', 'user')),
        years REAL NOT NULL CHECK (years >= 0 AND years <= 100),
        as_of TEXT,
        PRIMARY KEY (symbol, source)
      ) WITHOUT ROWID, STRICT;
    `);
  },
};
