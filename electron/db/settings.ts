import type { Database } from 'better-sqlite3';

/** Reads a JSON setting; undefined when unset or unreadable. */
export function getSetting<T>(db: Database, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = :key').get({ key }) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return undefined;
  }
}

/** Writes a JSON setting. */
export function setSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run({
    key,
    value: JSON.stringify(value),
  });
}
