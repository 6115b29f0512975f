import type { Database } from 'better-sqlite3';
import type { ColumnMapping } from '../../shared/import/types';

/** The saved column mapping for a file layout, if the user fixed one before. */
export function getMappingProfile(db: Database, layoutKey: string): ColumnMapping | undefined {
  const row = db.prepare('SELECT mapping FROM mapping_profiles WHERE layout_key = :layoutKey').get({ layoutKey }) as
    { mapping: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.mapping) as ColumnMapping;
  } catch {
    return undefined;
  }
}

/** Saves the column mapping for a file layout (one per layout; the newest wins). */
export function saveMappingProfile(db: Database, layoutKey: string, format: string, mapping: ColumnMapping): void {
  db.prepare(
    `INSERT INTO mapping_profiles (layout_key, format, mapping) VALUES (:layoutKey, :format, :mapping)
     ON CONFLICT (layout_key) DO UPDATE SET format = excluded.format, mapping = excluded.mapping,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run({ layoutKey, format, mapping: JSON.stringify(mapping) });
}
