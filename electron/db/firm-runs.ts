import type { Database } from 'better-sqlite3';
import type { FirmRanking } from '../../shared/firm/ranking';
import type { FirmRun, FirmRunSummary } from '../../shared/firm/runs';
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
  return { id: row.id, runDate: row.run_date, createdAt: row.created_at, scenarioIds: JSON.parse(row.scenario_ids) as string[], tag: row.tag, clientCount: row.client_count };
}

/** Saves a firm-wide run with the day it is for. */
export function insertFirmRun(db: Database, input: { runDate: string; scenarioIds: string[]; tag: string | null; ranking: FirmRanking }): FirmRun {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO firm_runs (run_date, scenario_ids, tag, client_count, ranking) VALUES (:runDate, :scenarioIds, :tag, :clientCount, :ranking)')
    .run({ runDate: input.runDate, scenarioIds: JSON.stringify(input.scenarioIds), tag: input.tag, clientCount: input.ranking.clients.length, ranking: JSON.stringify(input.ranking) });
  return getFirmRun(db, Number(lastInsertRowid));
}

/** Saved runs, newest first (without their rankings). */
export function listFirmRuns(db: Database): FirmRunSummary[] {
  return (db.prepare('SELECT id, run_date, created_at, scenario_ids, tag, client_count FROM firm_runs ORDER BY run_date DESC, id DESC').all() as FirmRunRow[]).map(summary);
}

/** One saved run with its ranking, or a not-found error. */
export function getFirmRun(db: Database, id: number): FirmRun {
  const row = found(db.prepare('SELECT * FROM firm_runs WHERE id = :id').get({ id }) as FirmRunRow | undefined, 'Saved firm run', id);
  return { ...summary(row), ranking: JSON.parse(row.ranking!) as FirmRanking };
}
