import type { Migration } from './types';

/**
 * The volatility a user gives an option position (annualised, 0.48 = 48%), used to revalue it under a scenario instead
 * of its underlying's estimated 60-day volatility (shared/engine/options-pass.ts); null for anything else. Proposal
 * positions carry it too, and the contract multiplier (which migration 13 gave only to positions).
 */
export const optionVolatility: Migration = {
  version: 15,
  name: 'option volatility',
  up(db) {
    db.exec(`
      ALTER TABLE positions ADD COLUMN volatility REAL CHECK (volatility IS NULL OR (volatility > 0 AND volatility <= 5));
      ALTER TABLE proposal_positions ADD COLUMN multiplier REAL CHECK (multiplier IS NULL OR multiplier > 0);
      ALTER TABLE proposal_positions ADD COLUMN volatility REAL CHECK (volatility IS NULL OR (volatility > 0 AND volatility <= 5));
    `);
  },
};
