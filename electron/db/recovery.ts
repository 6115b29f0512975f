import { type BackupFile, listBackups, restoreBackup, setAside } from './backups';
import type { RefusalReason } from './open-database';

export type RecoveryChoice =
  { id: 'restore'; label: string; backup: BackupFile } | { id: 'fresh'; label: string } | { id: 'quit'; label: string };

export interface RecoveryPlan {
  title: string;
  /** The refusal sentence, then what each way out does. */
  message: string;
  detail: string;
  /** In the order to show them; the first is the default. */
  choices: RecoveryChoice[];
}

const TITLES: Record<RefusalReason, string> = {
  'not-a-file': 'The database path is not a file',
  'not-sqlite': 'The database file is not an Aftershock database',
  foreign: 'The database file belongs to another program',
  damaged: 'The database file is damaged',
  newer: 'The database is from a newer Aftershock',
  'upgrade-failed': 'The database could not be upgraded',
  'read-only': 'The database cannot be written',
  'disk-full': 'The disk is full',
  busy: 'The database is locked by another program',
};

/**
 * The ways out for a database refused at start (pure: decides nothing on disk). A backup this version can open
 * is offered first; "start fresh" moves the bad file aside (renamed, never deleted) — except for a folder,
 * which is never moved; for a newer file, quitting to update Aftershock is the default.
 */
export function planRecovery(
  refusal: { reason: RefusalReason; file: string; message: string },
  backups: readonly BackupFile[],
): RecoveryPlan {
  const latest = backups[0];
  // Refused for a condition outside the file (read-only, a full disk, a lock): it is not bad, so neither restore nor fresh.
  const outside = refusal.reason === 'read-only' || refusal.reason === 'disk-full' || refusal.reason === 'busy';
  const choices: RecoveryChoice[] = [];
  const restore: RecoveryChoice | null =
    latest && !outside
      ? { id: 'restore', label: `Restore the backup of ${latest.takenAt.slice(0, 16).replace('T', ' ')} UTC`, backup: latest }
      : null;
  // A folder is never moved, nor another program's database (renaming it would break that program).
  const fresh: RecoveryChoice | null =
    refusal.reason === 'not-a-file' || refusal.reason === 'foreign' || outside
      ? null
      : { id: 'fresh', label: 'Start fresh (keep the bad file aside)' };
  const quit: RecoveryChoice = { id: 'quit', label: refusal.reason === 'newer' ? 'Quit and update Aftershock' : 'Quit' };
  if (refusal.reason === 'newer') choices.push(quit);
  if (restore) choices.push(restore);
  if (fresh) choices.push(fresh);
  if (refusal.reason !== 'newer') choices.push(quit);

  const lines = outside
    ? ['Nothing was changed; once that is put right, open Aftershock again.']
    : [
        restore
          ? `Restore: the file is set aside and the newest backup (${latest!.name}) becomes the database; changes since then are lost.`
          : 'There is no automatic backup of this database to restore.',
        fresh ? 'Start fresh: the file is renamed beside itself (never deleted) and an empty database is created.' : '',
        'Nothing is changed until you choose.',
      ];
  return { title: TITLES[refusal.reason], message: refusal.message, detail: lines.filter(Boolean).join('\n'), choices };
}

/** Carries out a recovery choice on disk; returns a sentence saying what was done and where the old file went. */
export function applyRecovery(dbPath: string, choice: RecoveryChoice, now: Date = new Date()): string {
  if (choice.id === 'restore') {
    const { replacedKeptAt } = restoreBackup(dbPath, choice.backup.path, now);
    return `Restored ${choice.backup.name}; the refused file is kept at "${replacedKeptAt}".`;
  }
  if (choice.id === 'fresh') {
    const aside = setAside(dbPath, 'refused', now);
    return `Started a fresh database; the refused file is kept at "${aside}".`;
  }
  return 'Nothing was changed.';
}

/** The plan for a refused database, reading its backups from disk. */
export function recoveryFor(refusal: { reason: RefusalReason; file: string; message: string }): RecoveryPlan {
  return planRecovery(refusal, listBackups(refusal.file));
}
