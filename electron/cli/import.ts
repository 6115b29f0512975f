import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countOf, formatCount, formatMoney, formatQuantity } from '../../shared/format';
import { decodeBytes } from '../../shared/import/decode';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type DateOrder,
  type DecimalStyle,
  type ImportField,
  type ImportPreview,
  type OpeningDecision,
} from '../../shared/import/types';
import { refusalOf } from '../services/imports';
import { AppError } from '../../shared/ipc/result';
import type { CliContext } from './context';
import { renderTable } from './table';

/** Options of `aftershock import`. */
export interface ImportOptions {
  portfolio?: string;
  client?: string;
  account?: string;
  format?: string;
  dryRun: boolean;
  ifImported?: string;
  skipInvalid: boolean;
  /** `SYMBOL=QTY` or `ACCOUNT:SYMBOL=QTY`: the quantity held before a history starts. */
  opening: string[];
  /** `SYMBOL` or `ACCOUNT:SYMBOL`: keep a history's excess sales as a real short. */
  keepShort: string[];
  /** `FIELD=COLUMN`: the column (header name or 1-based number) that feeds a field. */
  map: string[];
  /** A JSON mapping file: the app's saved mapping (`{columns:{field:index}, decimal, dateOrder}`) or `{field: "Header"}`. */
  mapFile?: string;
  /** A locale such as sv-SE, de, en-US: how numbers and dates are written when the file leaves it open. */
  locale?: string;
  /** The currency of a file that names none. */
  currency?: string;
}

/** What --map, --map-file and --locale choose, as the import request's fields. */
export interface ColumnChoices {
  columns?: Partial<Record<ImportField, string>>;
  mapping?: ColumnMapping;
  decimal?: DecimalStyle;
  dateOrder?: DateOrder;
}

const FIELD_LIST = IMPORT_FIELDS.join(', ');

/** The --map FIELD=COLUMN options as fields to header names, or a sentence saying which one is malformed. */
export function parseMaps(maps: readonly string[]): Partial<Record<ImportField, string>> {
  const columns: Partial<Record<ImportField, string>> = {};
  for (const text of maps) {
    const at = text.indexOf('=');
    const field = IMPORT_FIELDS.find((f) => f.toLowerCase() === text.slice(0, at).trim().toLowerCase());
    if (at <= 0 || !field) {
      throw new AppError(
        'validation',
        `--map takes FIELD=COLUMN with FIELD one of ${FIELD_LIST}, e.g. --map quantity="Antal"; found "${text}".`,
      );
    }
    columns[field] = text.slice(at + 1).trim();
  }
  return columns;
}

// Decimal-point locales (the rest of Europe and Latin America write a decimal comma).
const DECIMAL_POINT = /^(en|ja|zh|ko|he|th|hi|ms|fil)\b|^(de|fr|it)-(ch|li)$|^es-(mx|us)$/i;
const YEAR_FIRST = /^(ja|zh|ko|hu|lt|sv|en-ca)\b/i;

/** How a locale writes numbers and dates: `en-US` is `.` and month-first; `sv-SE` `,` and year-first; `de` `,` and day-first. */
export function localeStyle(locale: string): { decimal: DecimalStyle; dateOrder: DateOrder } {
  const tag = locale.trim().replace('_', '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,4})?$/i.test(tag)) {
    throw new AppError('validation', `--locale takes a language tag such as en-US, en-GB, de-DE, sv-SE or fr-FR; found "${locale}".`);
  }
  const dateOrder: DateOrder = /^en-us$|^en$|^es-us$|^fil/i.test(tag) ? 'MDY' : YEAR_FIRST.test(tag) ? 'YMD' : 'DMY';
  return { decimal: DECIMAL_POINT.test(tag) ? '.' : ',', dateOrder };
}

/** The --currency option as a code, or a sentence saying it is not one. */
function currencyOption(text: string): string {
  if (!/^[A-Za-z]{3}$/.test(text.trim()))
    throw new AppError('validation', `--currency takes a three-letter code such as EUR, SEK or CAD; found "${text}".`);
  return text.trim().toUpperCase();
}

/** Reads a --map-file: the app's saved mapping or `{ "quantity": "Antal", … }`, with --map options over it. */
function readMapFile(file: string): ColumnChoices {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : `it is not JSON (${(error as Error).message})`;
    throw new AppError('validation', `Cannot read the mapping file ${file}: ${why}.`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(data) && isObject(data.columns)) {
    const columns: Partial<Record<ImportField, number>> = {};
    for (const [field, index] of Object.entries(data.columns)) {
      if (!(IMPORT_FIELDS as readonly string[]).includes(field) || !Number.isInteger(index) || (index as number) < 0) {
        throw new AppError(
          'validation',
          `The mapping file ${file} maps "${field}" to ${JSON.stringify(index)}; expected a field (${FIELD_LIST}) and a column index from 0.`,
        );
      }
      columns[field as ImportField] = index as number;
    }
    const decimal = data.decimal === ',' ? ',' : '.';
    const dateOrder = data.dateOrder === 'DMY' || data.dateOrder === 'YMD' ? data.dateOrder : 'MDY';
    return { mapping: { columns, decimal, dateOrder } };
  }
  if (isObject(data) && Object.values(data).every((v) => typeof v === 'string' || typeof v === 'number')) {
    return { columns: parseMaps(Object.entries(data).map(([field, column]) => `${field}=${String(column)}`)) };
  }
  throw new AppError(
    'validation',
    `The mapping file ${file} is neither a saved mapping ({"columns": {"symbol": 0, …}}) nor fields to column names ({"symbol": "Ticker", …}).`,
  );
}

/** The column choices of --map, --map-file and --locale; --map wins over the file, and a saved mapping's columns become names. */
export function columnChoices(options: Pick<ImportOptions, 'map' | 'mapFile' | 'locale'>): ColumnChoices {
  const fromFile = options.mapFile ? readMapFile(options.mapFile) : {};
  const maps = parseMaps(options.map);
  const locale = options.locale ? localeStyle(options.locale) : undefined;
  const choices: ColumnChoices = { ...fromFile, ...locale };
  if (Object.keys(maps).length) {
    if (choices.mapping) {
      // Column numbers (1-based) stand in for the saved mapping's indexes, so --map can replace some of them.
      const saved = Object.fromEntries(Object.entries(choices.mapping.columns).map(([f, i]) => [f, String(i + 1)]));
      choices.columns = { ...saved, ...maps };
      choices.decimal ??= choices.mapping.decimal;
      choices.dateOrder ??= choices.mapping.dateOrder;
      delete choices.mapping;
    } else choices.columns = { ...choices.columns, ...maps };
  }
  if (choices.mapping && locale) choices.mapping = { ...choices.mapping, ...locale };
  return choices;
}

/** The --opening and --keep-short choices as the import's openings, or a sentence saying which one is malformed. */
export function parseOpenings(opening: readonly string[], keepShort: readonly string[]): Record<string, OpeningDecision> {
  const openings: Record<string, OpeningDecision> = {};
  for (const text of opening) {
    const at = text.lastIndexOf('=');
    const key = text.slice(0, at).trim();
    const quantity = Number(
      text
        .slice(at + 1)
        .replace(/,/g, '')
        .trim(),
    );
    if (at <= 0 || !key || !Number.isFinite(quantity) || quantity <= 0 || text.slice(at + 1).trim() === '') {
      throw new AppError(
        'validation',
        `--opening takes SYMBOL=QUANTITY with a quantity above 0, e.g. --opening SNAXX=500135; found "${text}".`,
      );
    }
    openings[keyOf(key)] = { kind: 'opening', quantity };
  }
  for (const text of keepShort) {
    const key = keyOf(text.trim());
    if (!key || key.includes('='))
      throw new AppError('validation', `--keep-short takes a SYMBOL (or ACCOUNT:SYMBOL), e.g. --keep-short TSLA; found "${text}".`);
    if (openings[key]) throw new AppError('validation', `${key} has both --opening and --keep-short; choose one.`);
    openings[key] = { kind: 'short' };
  }
  return openings;
}

/** A symbol upper-cased; for ACCOUNT:SYMBOL the account is kept as written. */
function keyOf(text: string): string {
  const at = text.lastIndexOf(':');
  return at < 0 ? text.toUpperCase() : `${text.slice(0, at)}:${text.slice(at + 1).toUpperCase()}`;
}

/** The named portfolio (of the named client), or undefined when it does not exist yet. */
function findPortfolio(context: CliContext, options: ImportOptions & { portfolio: string }): number | undefined {
  let clientId: number | undefined;
  if (options.client) {
    const client = findClient(context, options.client);
    if (!client) return undefined;
    clientId = client.id;
  }
  const portfolios = context.call('portfolios:list', clientId === undefined ? {} : { clientId });
  const matches = portfolios.filter((p) => p.name.toLowerCase() === options.portfolio.toLowerCase());
  if (matches.length > 1) {
    throw new AppError('validation', `Several clients have a portfolio named "${options.portfolio}"; add --client NAME to choose one.`);
  }
  return matches.length === 1 ? matches[0].id : undefined;
}

function findClient(context: CliContext, name: string) {
  return context.call('clients:list', {}).find((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** The portfolio the commit creates: in the named client (found, or created with the portfolio), else the default one. */
function newPortfolioFor(context: CliContext, options: ImportOptions & { portfolio?: string }) {
  const client = options.client ? findClient(context, options.client) : undefined;
  return { name: options.portfolio!, ...(client ? { clientId: client.id } : options.client ? { clientName: options.client } : {}) };
}

const DECISION_WORDS: Record<OpeningDecision['kind'], string> = {
  closed: 'closed (clamped at 0)',
  opening: 'opening entered',
  short: 'kept short',
};

/** The preview as text: format, counts, rows that are not imported, totals per account, warnings. */
export function renderPreview(preview: ImportPreview): string {
  const c = preview.counts;
  const lines = [
    `${preview.fileName}: ${preview.formatLabel} (${preview.kind}), ${c.new} new, ${c.duplicate} duplicate, ${c.invalid} invalid, ${c.skipped} skipped.`,
  ];
  const notable = preview.rows.filter((r) => r.status === 'invalid' || r.status === 'duplicate');
  for (const r of notable.slice(0, 20)) lines.push(`  row ${r.row} ${r.status}${r.column ? ` (${r.column})` : ''}: ${r.reason}`);
  if (notable.length > 20) lines.push(`  … and ${notable.length - 20} more`);
  lines.push(
    renderTable(
      ['Account', 'Positions', 'Market value'],
      preview.totals.map((t) => [t.account, String(t.positions), formatMoney(t.marketValue, t.currency)]),
      [false, true, true],
    ),
  );
  for (const w of preview.warnings) lines.push(`Note: ${w}`);
  const differences = preview.positions.filter((p) => p.valueFromPrice !== undefined);
  if (differences.length) {
    lines.push('Market value kept over quantity × price (more than 1% apart):');
    lines.push(
      renderTable(
        ['Account', 'Symbol', 'Quantity × price', 'Market value (kept)'],
        differences.map((p) => [
          p.account,
          p.symbol,
          formatMoney(p.valueFromPrice!, p.currency),
          formatMoney(p.marketValue ?? 0, p.currency),
        ]),
        [false, false, true, true],
      ),
    );
  }
  if (preview.shortfalls.length) {
    lines.push('Sold more than the history shows bought (the history starts mid-way):');
    lines.push(
      renderTable(
        ['Account', 'Symbol', 'Sold beyond', 'Decision', 'Quantity'],
        preview.shortfalls.map((s) => [
          s.account,
          s.symbol,
          formatQuantity(s.shortfall),
          DECISION_WORDS[s.decision.kind],
          formatQuantity(s.quantity),
        ]),
        [false, false, true, false, true],
      ),
    );
    lines.push('  Change with --opening SYMBOL=QTY (held before the file starts) or --keep-short SYMBOL.');
  }
  for (const f of preview.findings) lines.push(`Finding: ${f.sentence}`);
  return lines.join('\n');
}

/**
 * A refused file: with --json, `{ ok: false, code, message, header, suggestions }` on stdout and exit 1 (the file's
 * path put into each suggested command); otherwise the error goes on as before (one sentence on stderr).
 */
function refused(context: CliContext, error: unknown, file: string, portfolio: string): number {
  if (!(error instanceof AppError)) throw error;
  const refusal = refusalOf(error.detail);
  const commands = (refusal?.suggestions ?? []).map(
    (s) => `aftershock import ${quotedPath(file)} --portfolio ${quotedPath(portfolio)} ${s}`,
  );
  if (!context.json) {
    if (!commands.length) throw error;
    throw new AppError(error.code, `${error.message}\nTry: ${commands.join('\n  or: ')}`, error.detail);
  }
  context.out(
    JSON.stringify(
      { ok: false, code: refusal?.code ?? error.code, message: error.message, header: refusal?.header ?? null, suggestions: commands },
      null,
      2,
    ),
  );
  return 1;
}

function quotedPath(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
}

/** `aftershock import FILE --portfolio NAME …`: previews, then commits unless --dry-run. */
export function runImport(context: CliContext, file: string | undefined, rest: string[], options: ImportOptions): number {
  if (!file || rest.length > 0) throw new AppError('validation', 'Give one file to import: aftershock import FILE --portfolio NAME.');
  if (!options.portfolio) throw new AppError('validation', 'Name the portfolio to import into with --portfolio NAME.');
  let text: string;
  try {
    text = decodeBytes(readFileSync(file)).text;
  } catch (error) {
    throw new AppError(
      'validation',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`,
    );
  }
  const ifImported = options.ifImported;
  if (ifImported !== undefined && ifImported !== 'replace' && ifImported !== 'skip') {
    throw new AppError('validation', '--if-imported takes "replace" or "skip".');
  }
  // Read before anything is written: a malformed choice leaves the database as it was.
  const openings = parseOpenings(options.opening, options.keepShort);
  const choices = columnChoices(options);
  const request = {
    fileName: path.basename(file),
    text,
    format: options.format ?? 'auto',
    ...(options.account ? { account: options.account } : {}),
    ...(Object.keys(openings).length ? { openings } : {}),
    ...choices,
    ...(options.currency ? { currency: currencyOption(options.currency) } : {}),
  };
  try {
    // A file that cannot be read is refused before a client or portfolio is created for it.
    const existing = findPortfolio(context, { ...options, portfolio: options.portfolio });
    context.call('imports:preview', existing === undefined ? request : { ...request, portfolioId: existing });
  } catch (error) {
    return refused(context, error, file, options.portfolio);
  }
  // A portfolio (or client) the file needs is created by the commit itself, so a refused import leaves neither.
  const portfolioId = findPortfolio(context, { ...options, portfolio: options.portfolio });
  if (options.dryRun) {
    const answer = context.call('imports:preview', portfolioId === undefined ? request : { ...request, portfolioId });
    context.out(
      context.json
        ? JSON.stringify(answer, null, 2)
        : renderPreview(answer.preview) +
            (answer.previousImport ? `\nThis file was already imported (import #${answer.previousImport.id}).` : '') +
            '\nDry run: nothing was written.',
    );
    return 0;
  }
  let result;
  try {
    result = context.call('imports:commit', {
      ...request,
      ...(portfolioId === undefined ? { newPortfolio: newPortfolioFor(context, options) } : { portfolioId }),
      skipInvalid: options.skipInvalid,
      ...(ifImported ? { onDuplicate: ifImported } : {}),
    });
  } catch (error) {
    return refused(context, error, file, options.portfolio);
  }
  if (context.json) {
    context.out(JSON.stringify(result, null, 2));
    return 0;
  }
  context.out(renderPreview(result.preview));
  context.out(
    result.status === 'skipped'
      ? `Skipped: this file was already imported (import #${result.import?.id}).`
      : `Imported ${countOf(result.positions, 'position')} into ${result.accounts.join(', ')} (import #${result.import?.id}; replaced ${formatCount(result.replaced)}).`,
  );
  return 0;
}
