import type { Database } from 'better-sqlite3';
import type { ReferenceData } from '../../shared/domain/reference';
import { listFxRates } from '../db/fx-rates';

/**
 * Reference data for a set of symbols. Until the bundled security master lands this knows
 * only FX rates, so every security is unclassified and only market shocks reach it.
 */
export function loadReferenceData(db: Database, _symbols: readonly string[]): ReferenceData {
  return { securities: {}, funds: {}, fxRates: listFxRates(db) };
}
