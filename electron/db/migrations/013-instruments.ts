import type { Migration } from './types';

/**
 * Instruments (issue #21): bundled bond-fund durations from the ETF master, under user and market-data values; and
 * the contract multiplier of option positions (their underlying, expiry, strike and right are in their OCC symbol).
 */
export const instruments: Migration = {
  version: 13,
  name: 'instruments',
  up(db) {
    db.exec(`
      CREATE TABLE security_durations_new (
        symbol TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'market-data', 'user')),
        years REAL NOT NULL CHECK (years >= 0 AND years <= 100),
        as_of TEXT,
        PRIMARY KEY (symbol, source)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO security_durations_new (symbol, source, years, as_of)
        SELECT symbol, source, years, as_of FROM security_durations;
      DROP TABLE security_durations;
      ALTER TABLE security_durations_new RENAME TO security_durations;

      ALTER TABLE positions ADD COLUMN multiplier REAL CHECK (multiplier IS NULL OR multiplier > 0);
      ALTER TABLE import_replaced ADD COLUMN multiplier REAL;
    `);
  },
};
