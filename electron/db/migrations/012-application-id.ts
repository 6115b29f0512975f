import type { Migration } from './types';

/** "AFTS": the SQLite application id that marks a file as an Aftershock database (`file` and other tools show it). */
export const AFTERSHOCK_APPLICATION_ID = 0x41465453;

/** Marks the database as Aftershock's, so another program's SQLite file is never taken for one of ours. */
export const applicationId: Migration = {
  version: 12,
  name: 'application id',
  up(db) {
    db.pragma(`application_id = ${AFTERSHOCK_APPLICATION_ID}`);
  },
};
