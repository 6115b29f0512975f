import type { Migration } from './types';

/**
 * The undo data of an import (or an applied proposal) keeps a replaced option's volatility, as it keeps its multiplier:
 * undoing put the option back without the volatility the user had given it (migration 15 added it to positions only).
 * Undo data written before this has none to give back.
 */
export const undoKeepsVolatility: Migration = {
  version: 16,
  name: 'undo keeps volatility',
  up(db) {
    db.exec('ALTER TABLE import_replaced ADD COLUMN volatility REAL;');
  },
};
