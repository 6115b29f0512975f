import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ImportSummary } from '../../shared/domain/types';
import { AppError } from '../../shared/ipc/result';
import { buildPreview, rowPlace } from '../../shared/import/pipeline';
import { PREVIEW_ROW_LIMIT, summarise } from '../../shared/import/summary';
import type { ColumnMapping, ImportPreview, ImportRefusal, PipelineOptions } from '../../shared/import/types';
import { createAccount, deleteAccountIfEmpty, findAccountByName } from '../db/accounts';
import {
  deleteImportPositions,
  findImportBySha,
  findLaterImport,
  getImport,
  insertImport,
  insertImportAccount,
  listImportAccounts,
  markImportUndone,
  replaceAccountPositions,
  restoreReplacedPositions,
  symbolByIsinLookup,
  symbolByNameLookup,
} from '../db/imports';
import { deleteImportFindings, insertImportFindings } from '../db/import-findings';
import { getMappingProfile, saveMappingProfile } from '../db/mapping-profiles';
import { createClient, findClientByName, getClient } from '../db/clients';
import { createPortfolio, getPortfolio } from '../db/portfolios';
import { defaultClientId } from './clients';
import { insertImportedPositions } from '../db/positions';
import { withMasterNames } from './reference';
import { countOf } from '../../shared/format';

/** What the caller gives to preview or commit a file. */
export interface ImportRequest {
  portfolioId?: number;
  fileName: string;
  text: string;
  format?: string;
  mapping?: ColumnMapping;
  /** Columns chosen by header name or 1-based number (`--map quantity=Antal`), over the guessed or saved ones. */
  columns?: PipelineOptions['columns'];
  /** Decimal mark and date order when the file leaves them open (`--locale sv-SE`). */
  decimal?: PipelineOptions['decimal'];
  dateOrder?: PipelineOptions['dateOrder'];
  /** The currency of a file that names none, over the portfolio's (`--currency EUR`). */
  currency?: string;
  account?: string;
  /** Decisions for holdings a history sells more of than it shows bought (see PipelineOptions.openings). */
  openings?: PipelineOptions['openings'];
}

export interface PreviewAnswer {
  preview: ImportPreview;
  sha256: string;
  previousImport: ImportSummary | null;
  isSavedMapping: boolean;
}

export interface CommitAnswer {
  status: 'imported' | 'skipped';
  import: ImportSummary | null;
  preview: ImportPreview;
  positions: number;
  replaced: number;
  accounts: string[];
}

/** The SHA-256 of a file's text, to recognise the same file imported again. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Choices keyed by symbol alone. With one chosen account the file's own account names are replaced after reading, so
 * `account:symbol` keys (which name the chosen account) would not match what the pipeline sees.
 */
function bySymbol(openings: ImportRequest['openings']): ImportRequest['openings'] {
  return openings && Object.fromEntries(Object.entries(openings).map(([key, decision]) => [key.slice(key.lastIndexOf(':') + 1), decision]));
}

/**
 * The refusal's machine-readable part, carried in the error's detail as JSON (`{"refusal":{code,header,suggestions…}}`)
 * so that `import --json` can print it; the developer's detail, when there is one, rides along.
 */
function refusalDetail(refusal: ImportRefusal): string {
  const { code, header, suggestions, layoutKey, row, column, detail } = refusal;
  return JSON.stringify({ refusal: { code, header, suggestions, layoutKey, row, column }, ...(detail ? { detail } : {}) });
}

/** The refusal part of an import error's detail (see refusalDetail), or null for another error. */
export function refusalOf(
  detail: string | undefined,
): Pick<ImportRefusal, 'code' | 'header' | 'suggestions' | 'layoutKey' | 'row' | 'column'> | null {
  if (!detail?.startsWith('{"refusal"')) return null;
  try {
    return (JSON.parse(detail) as { refusal: ImportRefusal }).refusal;
  } catch {
    return null;
  }
}

/** Runs the pure pipeline with the saved mapping profile for the file's layout, when there is one. */
export function previewImport(db: Database, request: ImportRequest): PreviewAnswer {
  // The screen and the CLI list only the first new rows (trimPreview), so the rest are not kept row by row.
  const base = {
    fileName: request.fileName,
    format: request.format,
    defaultAccount: request.account,
    resolveIsin: symbolByIsinLookup(db),
    resolveName: symbolByNameLookup(db),
    newRowLimit: PREVIEW_ROW_LIMIT,
    openings: request.account ? bySymbol(request.openings) : request.openings,
    columns: request.columns,
    decimal: request.decimal,
    dateOrder: request.dateOrder,
    isCurrencyChosen: Boolean(request.currency),
  };
  const currency =
    request.currency?.toUpperCase() ?? (request.portfolioId ? getPortfolio(db, request.portfolioId).baseCurrency : undefined);
  let result = buildPreview(request.text, { ...base, defaultCurrency: currency, mapping: request.mapping });
  let isSavedMapping = false;
  const layoutKey = result.ok ? result.preview.layoutKey : result.error.layoutKey;
  // A mapping saved for this layout answers any refusal (not only a missing header); columns chosen now come first.
  if (!request.mapping && !request.columns && layoutKey) {
    const saved = getMappingProfile(db, layoutKey);
    const again = saved && buildPreview(request.text, { ...base, defaultCurrency: currency, mapping: saved });
    if (again && again.ok) [result, isSavedMapping] = [again, true];
  }
  if (!result.ok) throw new AppError('validation', result.error.message, refusalDetail(result.error));
  if (request.account) {
    const names = new Set(result.preview.positions.map((p) => p.account));
    if (names.size > 1 && !names.has(request.account)) {
      throw new AppError(
        'validation',
        `${request.fileName} names ${names.size} accounts (${[...names].join(', ')}); import it without choosing one account.`,
      );
    }
    for (const p of result.preview.positions) p.account = request.account;
    for (const f of result.preview.findings) f.account = request.account;
    for (const f of result.preview.shortfalls) f.account = request.account;
    result.preview.totals = summarise(result.preview.positions);
  }
  const sha256 = sha256Text(request.text);
  const previous = request.portfolioId ? findImportBySha(db, request.portfolioId, sha256) : undefined;
  return { preview: result.preview, sha256, previousImport: previous ?? null, isSavedMapping };
}

/**
 * Writes a previewed file in one transaction: each account it names is found or created, its
 * positions are set aside for undo and replaced by the file's. Refuses invalid rows unless the
 * caller chose to leave them out, and a file already imported unless told to replace or skip.
 */
export function commitImport(
  db: Database,
  request: ImportRequest & { portfolioId?: number; newPortfolio?: NewPortfolio; onDuplicate?: 'replace' | 'skip'; skipInvalid?: boolean },
): CommitAnswer {
  // The check that the file was not imported already, a portfolio created for it and the writes stand or fall together
  // in one IMMEDIATE transaction: another process importing the same file meanwhile waits, then finds this import.
  if (request.portfolioId === undefined) {
    if (!request.newPortfolio) throw new AppError('validation', 'Say which portfolio to import into.');
    const target = request.newPortfolio;
    return db.transaction(() => commitInTransaction(db, request, createTarget(db, target))).immediate();
  }
  // Into an existing portfolio the file is read before the write lock is taken (a large file takes a while).
  const previewed = previewImport(db, request);
  return db.transaction(() => commitInTransaction(db, request, request.portfolioId!, previewed)).immediate();
}

/** The portfolio (and client, found by name or created) a file is imported into when it does not exist yet. */
export interface NewPortfolio {
  name: string;
  clientId?: number;
  clientName?: string;
}

function createTarget(db: Database, target: NewPortfolio): number {
  const named =
    target.clientName === undefined
      ? undefined
      : (findClientByName(db, target.clientName) ?? createClient(db, { name: target.clientName }));
  const client = getClient(db, target.clientId ?? named?.id ?? defaultClientId(db));
  return createPortfolio(db, { clientId: client.id, name: target.name, baseCurrency: client.baseCurrency }).id;
}

function commitInTransaction(
  db: Database,
  request: ImportRequest & { onDuplicate?: 'replace' | 'skip'; skipInvalid?: boolean },
  portfolioId: number,
  previewed?: PreviewAnswer,
): CommitAnswer {
  const portfolio = getPortfolio(db, portfolioId);
  const { preview, sha256 } = previewed ?? previewImport(db, { ...request, portfolioId });
  // Looked up again under the write lock: an import committed since the preview counts.
  const previousImport = findImportBySha(db, portfolioId, sha256) ?? null;
  const invalid = preview.rows.find((r) => r.status === 'invalid');
  if (invalid && !request.skipInvalid) {
    throw new AppError(
      'validation',
      `${rowPlace(request.fileName, invalid.row, invalid.column, preview.header)}: ${invalid.reason}. ` +
        `${countOf(preview.counts.invalid, 'row')} cannot be read; fix the file or import without them.`,
      refusalDetail({
        code: 'unreadable-rows',
        message: '',
        row: invalid.row,
        column: invalid.column,
        header: preview.header,
        layoutKey: preview.layoutKey,
        suggestions: ['--skip-invalid'],
      }),
    );
  }
  if (preview.positions.length === 0) {
    throw new AppError(
      'validation',
      `${request.fileName}: every holding in this history sells more than it shows bought, so treated as closed nothing is left to import. Enter the quantities held before the file starts, or import a positions export.`,
    );
  }
  if (previousImport && !request.onDuplicate) {
    throw new AppError(
      'conflict',
      `${request.fileName} was already imported into ${portfolio.name} on ${previousImport.createdAt.slice(0, 10)}; choose to replace that import or skip this file.`,
    );
  }
  if (previousImport && request.onDuplicate === 'skip') {
    return { status: 'skipped', import: previousImport, preview, positions: 0, replaced: 0, accounts: [] };
  }
  const importId = insertImport(db, {
    portfolioId: portfolio.id,
    fileName: request.fileName.slice(0, 255),
    sha256,
    format: preview.format,
    kind: preview.kind,
    rowCount: preview.counts.rows,
    importedCount: preview.positions.length,
    invalidCount: preview.counts.invalid,
  });
  const accountIds = new Map<string, number>();
  let replaced = 0;
  for (const name of new Set(preview.positions.map((p) => p.account))) {
    const existing = findAccountByName(db, portfolio.id, name);
    const account = existing ?? createAccount(db, { portfolioId: portfolio.id, name, broker: preview.formatLabel });
    insertImportAccount(db, importId, account.id, !existing);
    replaced += existing ? replaceAccountPositions(db, importId, account.id) : 0;
    accountIds.set(name, account.id);
  }
  // A file that names no security (or only "APPLE INC") gets the security master's name where it knows the symbol.
  const written = insertImportedPositions(db, importId, withMasterNames(db, preview.positions), accountIds);
  insertImportFindings(db, importId, preview.findings);
  // Columns chosen by hand (in the app or with --map) are saved for the next file of the same layout.
  if (request.mapping || request.columns) saveMappingProfile(db, preview.layoutKey, preview.format, request.mapping ?? preview.mapping);
  return { status: 'imported', import: getImport(db, importId), preview, positions: written, replaced, accounts: [...accountIds.keys()] };
}

/** Undoes an import: removes what it wrote, restores what it replaced, drops accounts it created if empty. */
export function undoImport(db: Database, importId: number): { removed: number; restored: number } {
  return db.transaction(() => {
    const record = getImport(db, importId);
    if (record.undoneAt) {
      throw new AppError(
        'conflict',
        `${record.format === 'proposal' ? 'Applying the' : 'The import of'} ${record.fileName} was already undone.`,
      );
    }
    const later = findLaterImport(db, importId);
    if (later) {
      throw new AppError(
        'conflict',
        later.format === 'proposal'
          ? `The ${later.fileName} was applied to the same accounts afterwards; undo applying it first.`
          : `${later.fileName} was imported into the same accounts afterwards; undo that import first.`,
      );
    }
    const removed = deleteImportPositions(db, importId);
    deleteImportFindings(db, importId);
    const restored = restoreReplacedPositions(db, importId);
    for (const { accountId, isCreated } of listImportAccounts(db, importId)) {
      if (isCreated) deleteAccountIfEmpty(db, accountId);
    }
    markImportUndone(db, importId);
    return { removed, restored };
  })();
}
