import type { Database } from 'better-sqlite3';

/** One numbered schema step; `up` runs inside a transaction with user_version set after it. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
