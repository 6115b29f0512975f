import type { Database } from 'better-sqlite3';
import type { ClassificationLayer as SecurityLayer, DataSource } from '../../shared/domain/reference';

export type { SecurityLayer };

interface LayerRow extends Omit<SecurityLayer, 'themesOverride' | 'asOf'> {
  themes_override: number;
  as_of: string | null;
}

const COLUMNS = 'symbol, source, name, type, sector, industry, country, currency, exchange, isin, themes_override, as_of';

function hydrate(row: LayerRow): SecurityLayer {
  const { themes_override, as_of, ...rest } = row;
  return { ...rest, themesOverride: themes_override === 1, asOf: as_of };
}

/** Every layer of the given symbols (all symbols when `symbols` is null), in one query. */
export function listSecurityLayers(db: Database, symbols: readonly string[] | null): SecurityLayer[] {
  const rows =
    symbols === null
      ? db.prepare(`SELECT ${COLUMNS} FROM securities`).all()
      : db
          .prepare(`SELECT ${COLUMNS} FROM securities WHERE symbol IN (SELECT value FROM json_each(:symbols))`)
          .all({ symbols: JSON.stringify(symbols) });
  return (rows as LayerRow[]).map(hydrate);
}

/** Writes one layer, replacing that source's previous row for the symbol. */
export function upsertSecurityLayer(db: Database, layer: SecurityLayer): void {
  db.prepare(
    `INSERT INTO securities (${COLUMNS})
     VALUES (:symbol, :source, :name, :type, :sector, :industry, :country, :currency, :exchange, :isin, :themesOverride, :asOf)
     ON CONFLICT (symbol, source) DO UPDATE SET
       name = excluded.name, type = excluded.type, sector = excluded.sector, industry = excluded.industry,
       country = excluded.country, currency = excluded.currency, exchange = excluded.exchange, isin = excluded.isin,
       themes_override = excluded.themes_override, as_of = excluded.as_of,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run({ ...layer, themesOverride: layer.themesOverride ? 1 : 0 });
}

/** Removes every row of one source (used before re-loading bundled data; never called for 'user'). */
export function deleteSecurityLayers(db: Database, source: Exclude<DataSource, 'user'>): number {
  return db.prepare('DELETE FROM securities WHERE source = :source').run({ source }).changes;
}

/** Removes the user's overrides for one symbol; returns whether there were any. */
export function deleteUserLayer(db: Database, symbol: string): boolean {
  const a = db.prepare("DELETE FROM securities WHERE symbol = :symbol AND source = 'user'").run({ symbol }).changes;
  const b = db.prepare("DELETE FROM security_themes WHERE symbol = :symbol AND source = 'user'").run({ symbol }).changes;
  return a + b > 0;
}

/** Every symbol, sector, industry and country any source knows: what the scenario editor suggests. */
export function listVocabulary(db: Database): { symbols: string[]; sectors: string[]; industries: string[]; countries: string[] } {
  const distinct = (column: 'symbol' | 'sector' | 'industry' | 'country') =>
    db
      .prepare(
        `SELECT DISTINCT ${column} AS v FROM securities WHERE ${column} IS NOT NULL AND ${column} <> '' ORDER BY ${column} COLLATE NOCASE`,
      )
      .pluck()
      .all() as string[];
  return { symbols: distinct('symbol'), sectors: distinct('sector'), industries: distinct('industry'), countries: distinct('country') };
}
