import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { listBackups, restoreBackup } from '../db/backups';
import { unknownVerb } from './context';
import { renderTable } from './table';

/**
 * `aftershock backups list` and `aftershock backups restore [N|FILE]` (N from the list, 1 = newest; default 1).
 * Runs without opening the database, so it works on a database Aftershock refuses.
 */
export function runBackups(
  dbPath: string,
  verb: string | undefined,
  rest: string[],
  io: { json: boolean; out: (text: string) => void },
): number {
  const backups = listBackups(dbPath);
  if (verb === 'list' && rest.length === 0) {
    if (io.json) io.out(JSON.stringify(backups, null, 2));
    else if (!backups.length)
      io.out(`There are no backups of "${dbPath}" yet; one is taken automatically each day the database is opened.`);
    else {
      io.out(
        renderTable(
          ['#', 'Taken (UTC)', 'Kind', 'Size', 'File'],
          backups.map((b, i) => [
            String(i + 1),
            b.takenAt.slice(0, 19).replace('T', ' '),
            b.kind,
            `${(b.bytes / 1024).toFixed(0)} KB`,
            b.path,
          ]),
          [true, false, false, true, false],
        ),
      );
    }
    return 0;
  }
  if (verb === 'restore' && rest.length <= 1) {
    const which = rest[0] ?? '1';
    const chosen = /^\d+$/.test(which)
      ? backups[Number(which) - 1]
      : fs.existsSync(which)
        ? { path: path.resolve(which), name: path.basename(which) }
        : undefined;
    if (!chosen) {
      throw new AppError(
        'validation',
        backups.length
          ? `There is no backup "${which}"; give a number from 1 to ${backups.length} (see "aftershock backups list") or a backup file.`
          : `There are no backups of "${dbPath}" to restore.`,
      );
    }
    const { replacedKeptAt } = restoreBackup(dbPath, chosen.path);
    const kept = replacedKeptAt ? ` The file it replaced is kept at "${replacedKeptAt}".` : '';
    io.out(io.json ? JSON.stringify({ restored: chosen.path, replacedKeptAt }) : `Restored "${chosen.name}" as the database.${kept}`);
    return 0;
  }
  return unknownVerb('backups', verb, ['list', 'restore']);
}
