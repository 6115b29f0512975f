import type { Database } from 'better-sqlite3';
import type { FxRate } from '../../shared/domain/types';

/** Every stored FX rate. */
export function listFxRates(db: Database): FxRate[] {
  return db.prepare('SELECT currency, quote, rate, as_of AS asOf, source FROM fx_rates ORDER BY currency, quote').all() as FxRate[];
}

/** Stores a rate, replacing the previous one for the same pair. */
export function upsertFxRate(db: Database, rate: FxRate): void {
  db.prepare(
    `INSERT INTO fx_rates (currency, quote, rate, as_of, source) VALUES (:currency, :quote, :rate, :asOf, :source)
     ON CONFLICT (currency, quote) DO UPDATE SET rate = excluded.rate, as_of = excluded.as_of, source = excluded.source`,
  ).run(rate);
}
