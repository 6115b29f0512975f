import type { Database } from 'better-sqlite3';

export interface ScenarioRow {
  id: string;
  name: string;
  json: string;
  updated_at: string;
}

/** Every user scenario, by name. */
export function listScenarioRows(db: Database): ScenarioRow[] {
  return db.prepare('SELECT id, name, json, updated_at FROM scenarios ORDER BY name COLLATE NOCASE').all() as ScenarioRow[];
}

/** One user scenario row, if present. */
export function getScenarioRow(db: Database, id: string): ScenarioRow | undefined {
  return db.prepare('SELECT id, name, json, updated_at FROM scenarios WHERE id = :id').get({ id }) as ScenarioRow | undefined;
}

/** Inserts or replaces a user scenario. */
export function upsertScenarioRow(db: Database, row: { id: string; name: string; json: string }): void {
  db.prepare(
    `INSERT INTO scenarios (id, name, json) VALUES (:id, :name, :json)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(row);
}

/** Deletes a user scenario; answers how many rows went. */
export function deleteScenarioRow(db: Database, id: string): number {
  return db.prepare('DELETE FROM scenarios WHERE id = :id').run({ id }).changes;
}
