import { initial } from './001-initial';
import { referenceData } from './002-reference-data';
import { importsUndo } from './003-imports';
import { scenarios } from './004-scenarios';
import { durations } from './005-durations';
import { dropPositionsSymbolIndex } from './006-drop-positions-symbol-index';
import { advisor } from './007-advisor';
import { positionsCheapChecks } from './008-positions-cheap-checks';
import { firmRunDeletion } from './009-firm-run-deletion';
import { undoKeepsPositionIds } from './010-undo-keeps-position-ids';
import { importFindings } from './011-import-findings';
import { applicationId } from './012-application-id';
import { instruments } from './013-instruments';
import { isinListings } from './014-isin-listings';
import { optionVolatility } from './015-option-volatility';
import { undoKeepsVolatility } from './016-undo-keeps-volatility';
import type { Migration } from './types';

/** Every migration in order; the last one's version is the schema version this build writes. */
export const migrations: readonly Migration[] = [
  initial,
  referenceData,
  importsUndo,
  scenarios,
  durations,
  dropPositionsSymbolIndex,
  advisor,
  positionsCheapChecks,
  firmRunDeletion,
  undoKeepsPositionIds,
  importFindings,
  applicationId,
  instruments,
  isinListings,
  optionVolatility,
  undoKeepsVolatility,
];

export const SCHEMA_VERSION = migrations[migrations.length - 1].version;
