import type { Database } from 'better-sqlite3';
import type { DataSource, Theme } from '../../shared/domain/reference';

/** Every theme, bundled ones first. */
export function listThemes(db: Database): Theme[] {
  return db.prepare("SELECT id, name, criteria, source FROM themes ORDER BY source = 'user', name COLLATE NOCASE").all() as Theme[];
}

/** Adds or updates a theme's name and criteria. */
export function upsertTheme(db: Database, theme: Theme): void {
  db.prepare(
    `INSERT INTO themes (id, name, criteria, source) VALUES (:id, :name, :criteria, :source)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, criteria = excluded.criteria, source = excluded.source`,
  ).run(theme);
}

/** One theme, or undefined. */
export function getTheme(db: Database, id: string): Theme | undefined {
  return db.prepare('SELECT id, name, criteria, source FROM themes WHERE id = :id').get({ id }) as Theme | undefined;
}

/** Deletes a user theme and its tags; returns rows deleted. */
export function deleteUserTheme(db: Database, id: string): number {
  return db.prepare("DELETE FROM themes WHERE id = :id AND source = 'user'").run({ id }).changes;
}

/** Theme tags of the given symbols (all when null), with the source of each tag, in one query. */
export function listSecurityThemes(
  db: Database,
  symbols: readonly string[] | null,
): { symbol: string; themeId: string; source: DataSource }[] {
  const sql = 'SELECT symbol, theme_id AS themeId, source FROM security_themes';
  const rows =
    symbols === null
      ? db.prepare(`${sql} ORDER BY theme_id`).all()
      : db
          .prepare(`${sql} WHERE symbol IN (SELECT value FROM json_each(:symbols)) ORDER BY theme_id`)
          .all({ symbols: JSON.stringify(symbols) });
  return rows as { symbol: string; themeId: string; source: DataSource }[];
}

/** Tags a symbol with a theme from one source. */
export function insertSecurityTheme(db: Database, symbol: string, themeId: string, source: DataSource): void {
  db.prepare('INSERT OR IGNORE INTO security_themes (symbol, theme_id, source) VALUES (:symbol, :themeId, :source)').run({
    symbol,
    themeId,
    source,
  });
}

/** Removes every tag of one source, or of one source for one symbol. */
export function deleteSecurityThemes(db: Database, source: DataSource, symbol?: string): number {
  if (symbol === undefined) return db.prepare('DELETE FROM security_themes WHERE source = :source').run({ source }).changes;
  return db.prepare('DELETE FROM security_themes WHERE source = :source AND symbol = :symbol').run({ source, symbol }).changes;
}
