import type { Database } from 'better-sqlite3';
import type { ImportFinding } from '../../shared/domain/import-findings';
import type { ImportFindingDraft } from '../../shared/import/types';

/** Reads findings as the domain type: the columns are named as its fields. */
const SELECT = `SELECT f.import_id AS importId, i.file_name AS fileName, f.kind, f.account, f.symbol, f.sentence
       FROM import_findings f JOIN imports i ON i.id = f.import_id`;

/** Records what an import decided on the user's behalf; call inside the import's transaction. */
export function insertImportFindings(db: Database, importId: number, findings: readonly ImportFindingDraft[]): number {
  const insert = db.prepare(
    'INSERT INTO import_findings (import_id, kind, account, symbol, sentence) VALUES (:importId, :kind, :account, :symbol, :sentence)',
  );
  for (const f of findings)
    insert.run({ importId, kind: f.kind, account: f.account.slice(0, 200), symbol: f.symbol, sentence: f.sentence });
  return findings.length;
}

/** The findings of a portfolio's imports that are still in effect (not undone), oldest import first. */
export function listPortfolioImportFindings(db: Database, portfolioId: number): ImportFinding[] {
  return db
    .prepare(`${SELECT} WHERE i.portfolio_id = :portfolioId AND i.undone_at IS NULL ORDER BY f.import_id, f.id`)
    .all({ portfolioId }) as ImportFinding[];
}

/** The findings of one import. */
export function listImportFindings(db: Database, importId: number): ImportFinding[] {
  return db.prepare(`${SELECT} WHERE f.import_id = :importId ORDER BY f.id`).all({ importId }) as ImportFinding[];
}

/** Drops an import's findings (when it is undone); returns how many. */
export function deleteImportFindings(db: Database, importId: number): number {
  return db.prepare('DELETE FROM import_findings WHERE import_id = :importId').run({ importId }).changes;
}
