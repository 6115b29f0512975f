import type { Database } from 'better-sqlite3';
import type { FirmRanking } from '../../shared/firm/ranking';
import type { FirmRun, FirmRunSummary } from '../../shared/firm/runs';
import { AppError } from '../../shared/ipc/result';
import { found } from './errors';

interface FirmRunRow {
  id: number;
  run_date: string;
  created_at: string;
  scenario_ids: string;
  tag: string | null;
  client_count: number;
  ranking?: string;
}

function summary(row: FirmRunRow): FirmRunSummary {
  return {
    id: row.id,
    runDate: row.run_date,
    createdAt: row.created_at,
    scenarioIds: JSON.parse(row.scenario_ids) as string[],
    tag: row.tag,
    clientCount: row.client_count,
  };
}

/** Saves a firm-wide run with the day it is for. */
export function insertFirmRun(
  db: Database,
  input: { runDate: string; scenarioIds: string[]; tag: string | null; ranking: FirmRanking },
): FirmRun {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO firm_runs (run_date, scenario_ids, tag, client_count, ranking) VALUES (:runDate, :scenarioIds, :tag, :clientCount, :ranking)',
    )
    .run({
      runDate: input.runDate,
      scenarioIds: JSON.stringify(input.scenarioIds),
      tag: input.tag,
      clientCount: input.ranking.clients.length,
      ranking: JSON.stringify(input.ranking),
    });
  return getFirmRun(db, Number(lastInsertRowid));
}

/** Saved runs, newest first (without their rankings). */
export function listFirmRuns(db: Database): FirmRunSummary[] {
  const rows = db
    .prepare(
      'SELECT id, run_date, created_at, scenario_ids, tag, client_count FROM firm_runs WHERE deleted_at IS NULL ORDER BY run_date DESC, id DESC',
    )
    .all() as FirmRunRow[];
  return rows.map(summary);
}

/** One saved run with its ranking, or a not-found error (also for a deleted run). */
export function getFirmRun(db: Database, id: number): FirmRun {
  const row = db.prepare('SELECT * FROM firm_runs WHERE id = :id AND deleted_at IS NULL').get({ id }) as FirmRunRow | undefined;
  const run = found(row, 'Saved firm run', id);
  return { ...summary(run), ranking: JSON.parse(run.ranking!) as FirmRanking };
}

/**
 * Deletes a saved run so that it can still be restored until the next deletion: the run is marked deleted and
 * any run deleted before it is removed for good.
 */
export function deleteFirmRun(db: Database, id: number): { deleted: number } {
  return db.transaction(() => {
    getFirmRun(db, id);
    db.prepare('DELETE FROM firm_runs WHERE deleted_at IS NOT NULL').run();
    db.prepare("UPDATE firm_runs SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id").run({ id });
    return { deleted: 1 };
  })();
}

/** Brings back the most recently deleted run; an older deletion is gone for good. */
export function restoreFirmRun(db: Database, id: number): FirmRunSummary {
  const { changes } = db.prepare('UPDATE firm_runs SET deleted_at = NULL WHERE id = :id AND deleted_at IS NOT NULL').run({ id });
  if (changes === 0) throw new AppError('not-found', `Saved firm run ${id} can no longer be restored; only the run deleted last can be.`);
  return summary(
    db.prepare('SELECT id, run_date, created_at, scenario_ids, tag, client_count FROM firm_runs WHERE id = :id').get({ id }) as FirmRunRow,
  );
}
