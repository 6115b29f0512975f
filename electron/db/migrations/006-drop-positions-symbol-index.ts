import type { Migration } from './types';

/** No query looks positions up by symbol alone, so its index only slowed every insert (imports above all). */
export const dropPositionsSymbolIndex: Migration = {
  version: 6,
  name: 'drop the unused positions(symbol) index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS positions_symbol');
  },
};
