import type { Migration } from './types';

/** Undoing an import puts the positions it replaced back under their own ids (an edit's Undo still finds them). */
export const undoKeepsPositionIds: Migration = {
  version: 10,
  name: 'import undo keeps position ids',
  up(db) {
    db.exec('ALTER TABLE import_replaced ADD COLUMN position_id INTEGER');
  },
};
