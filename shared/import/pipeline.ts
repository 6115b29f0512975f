import { movesShares } from './actions';
import { guessDateOrder } from './dates';
import { derivePositions } from './derive';
import { findBlocks, hashText, type Block } from './layout';
import { normaliseHeader } from './headers';
import { guessDecimalStyle } from './numbers';
import { isFooterRow, rowReader, type RowContext } from './normalise';
import { detectPreset, findPreset, presetColumns, type Preset } from './presets';
import { stripBom } from './decode';
import { isBlankRow, parseTable } from './table';
import { positionFindings } from './findings';
import type {
  ColumnMapping, HistoryShortfall, ImportFindingDraft, ImportKind, ImportPosition, ImportRecord, PipelineOptions, PipelineResult, RowOutcome,
} from './types';
import { summarise, toPosition } from './summary';

function refuse(fileName: string, message: string, detail?: string, row?: number, column?: string): PipelineResult {
  const where = row === undefined ? fileName : `${fileName}, row ${row}${column ? `, column "${column}"` : ''}`;
  return { ok: false, refusal: { message: `${where}: ${message}`, detail, row, column } };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad > Math.max(2, sample.length / 100);
}

function guessMapping(preset: Preset, block: Block, rows: readonly string[][]): ColumnMapping {
  const columns = presetColumns(preset, block.header);
  const sample = rows.slice(block.headerIndex + 1, Math.min(block.end, block.headerIndex + 200));
  const numberCells = sample.flatMap((r) =>
    (['quantity', 'price', 'marketValue', 'amount'] as const).map((f) => (columns[f] === undefined ? '' : (r[columns[f]] ?? ''))),
  );
  const dates = columns.date === undefined ? [] : sample.map((r) => r[columns.date!] ?? '');
  return {
    columns,
    dateOrder: preset.dateOrder ?? guessDateOrder(dates),
    decimal: preset.decimal ?? guessDecimalStyle(numberCells),
  };
}

function kindOf(preset: Preset, mapping: ColumnMapping): ImportKind {
  if (preset.id !== 'generic') return preset.kind;
  return mapping.columns.action !== undefined && mapping.columns.date !== undefined ? 'transactions' : 'positions';
}

function missingColumn(kind: ImportKind, mapping: ColumnMapping): string | null {
  const c = mapping.columns;
  if (c.symbol === undefined && c.isin === undefined) return 'no column for the symbol (expected a header such as Symbol, Ticker, Code or ISIN)';
  if (kind === 'positions' && c.quantity === undefined && c.marketValue === undefined) {
    return 'no column for the quantity (expected a header such as Quantity, Shares or Units)';
  }
  if (kind === 'positions' && c.price === undefined && c.marketValue === undefined) {
    return 'no column for the price or market value (expected a header such as Price, Market Value or Current Value)';
  }
  if (kind === 'transactions' && c.action === undefined) return 'no column for the action (expected a header such as Action or Type)';
  if (kind === 'transactions' && c.date === undefined) return 'no column for the date (expected a header such as Date or Trade Date)';
  return null;
}

/** Runs parse → detect → normalise → validate on a file's text and returns the preview, or a refusal. */
export function buildPreview(rawText: string, options: PipelineOptions): PipelineResult {
  const { fileName } = options;
  const text = stripBom(rawText);
  if (text.trim() === '') return refuse(fileName, 'the file is empty; export the holdings again and pick the CSV file.');
  if (looksBinary(text)) return refuse(fileName, 'this is not a text CSV file (it contains binary data); pick the CSV export from your broker.');
  const table = parseTable(text);
  let blocks = findBlocks(table.rows);
  if (blocks.length === 0) {
    // No recognisable header: with a user's mapping the first line is the header; without, say so.
    const headerIndex = table.rows.findIndex((r) => !isBlankRow(r));
    // Only empty cells (a line of "" or separators): nothing to read.
    if (headerIndex === -1) return refuse(fileName, 'the file has no values, only empty cells; export the holdings again and pick the CSV file.');
    const header = table.rows[headerIndex].map((c) => c.trim());
    const layoutKey = `generic:${hashText(header.map(normaliseHeader).join('|'))}`;
    if (!options.mapping) {
      const result = refuse(fileName, 'no header line was found in the first 40 lines; expected column names such as Symbol, Quantity and Price. Choose the columns by hand or pick another file.');
      return result.ok ? result : { ok: false, refusal: { ...result.refusal, layoutKey, header } };
    }
    blocks = [{ headerIndex, header, end: table.rows.length, title: '' }];
  }
  const first = blocks[0];
  const forced = options.format && options.format !== 'auto' ? findPreset(options.format) : undefined;
  if (options.format && options.format !== 'auto' && !forced) return refuse(fileName, `"${options.format}" is not a known format.`);
  const preset = forced ?? detectPreset(first.header, first.title);
  const mapping = options.mapping ?? guessMapping(preset, first, table.rows);
  const kind = kindOf(preset, mapping);
  const missing = missingColumn(kind, mapping);
  if (missing) return refuse(fileName, `${missing} in the header on row ${first.headerIndex + 1}; choose the columns by hand.`);

  const rows: RowOutcome[] = [];
  // A snapshot's rows become positions as they are read; a history's records are kept to derive them.
  const records: ImportRecord[] = [];
  let positions: ImportPosition[] = [];
  let newCount = 0;
  // Row of the first position per account and symbol; nested maps spare a joined key string per row.
  const seen = new Map<string, Map<string, number>>();
  // New rows past the caller's limit are counted, not kept: the screen lists only the first ones.
  const newRowLimit = options.newRowLimit ?? Infinity;
  let omittedRows = 0;
  const defaultAccount = options.defaultAccount ?? preset.defaultAccount ?? 'Imported';
  let lastAccount = defaultAccount;
  for (let i = 0; i < first.headerIndex; i++) if (!isBlankRow(table.rows[i])) rows.push({ row: i + 1, status: 'skipped', reason: 'title or preamble line' });
  blocks.forEach((block, k) => {
    const isOwn = k === 0 || (preset.id !== 'generic' && detectPreset(block.header, block.title).id === preset.id);
    if (k > 0) rows.push({ row: block.headerIndex + 1, status: 'skipped', reason: isOwn ? 'header line of the next section' : 'header of another table in the file' });
    const titled = preset.readTitle?.(block.title) ?? {};
    if (titled.account) lastAccount = titled.account;
    const ctx: RowContext = {
      preset, kind, header: block.header, account: titled.account ?? lastAccount, currency: options.defaultCurrency ?? 'USD',
      asOf: titled.asOf ?? null, resolveIsin: options.resolveIsin,
      mapping: k === 0 || options.mapping ? mapping : guessMapping(preset, block, table.rows),
    };
    const readRow = rowReader(ctx);
    for (let i = block.headerIndex + 1; i < block.end; i++) {
      const cells = table.rows[i];
      const row = i + 1;
      if (isBlankRow(cells)) continue;
      if (!isOwn) { rows.push({ row, status: 'skipped', reason: `part of a second table (${block.header.slice(0, 3).join(', ')}…); only the ${preset.label} table is imported` }); continue; }
      if (isFooterRow(cells, block.header.length)) { rows.push({ row, status: 'skipped', reason: 'total, note or footer line' }); continue; }
      const reading = readRow(cells);
      if (reading.kind === 'invalid') { rows.push({ row, status: 'invalid', reason: reading.reason, column: reading.column }); continue; }
      if (reading.kind === 'skipped') { rows.push({ row, status: 'skipped', reason: reading.reason }); continue; }
      const r = reading.record;
      if (kind === 'positions') {
        let symbols = seen.get(r.account);
        if (!symbols) seen.set(r.account, (symbols = new Map()));
        const earlier = symbols.get(r.symbol);
        if (earlier !== undefined) { rows.push({ row, status: 'duplicate', reason: `same account and symbol as row ${earlier}; the first one is kept`, record: r }); continue; }
        symbols.set(r.symbol, row);
      }
      if (newCount++ < newRowLimit) rows.push({ row, status: 'new', reason: kind === 'positions' ? 'position' : r.txClass ?? '', record: r });
      else omittedRows++;
      if (kind === 'positions') positions.push(toPosition(r));
      else records.push(r);
    }
  });
  const firstInvalid = rows.find((r) => r.status === 'invalid');
  if (newCount === 0) {
    if (firstInvalid) return refuse(fileName, `${firstInvalid.reason}. No row could be read, so nothing was imported.`, undefined, firstInvalid.row, firstInvalid.column);
    return refuse(fileName, `no data rows were found under the header on row ${first.headerIndex + 1}.`);
  }
  const warnings: string[] = [];
  let shortfalls: HistoryShortfall[] = [];
  const findings: ImportFindingDraft[] = [];
  if (kind === 'transactions') {
    if (!records.some((r) => r.txClass && movesShares(r.txClass))) {
      return refuse(fileName, 'this history has no buys, sells or share transfers (only cash such as dividends or fees), so it cannot tell what you hold. Import a positions export or a full trade history instead.');
    }
    const derived = derivePositions(records, { hasNoCash: preset.hasNoCash, openings: options.openings });
    positions = derived.positions;
    warnings.push(...derived.warnings);
    shortfalls = derived.shortfalls;
    findings.push(...derived.findings);
  }
  findings.push(...positionFindings(positions));
  // With holdings closed because the history starts mid-way, the preview stays: the user can enter opening quantities.
  if (positions.length === 0 && shortfalls.length === 0) return refuse(fileName, 'the file was read, but every holding in it nets to zero shares, so there is nothing to import.');
  const layoutKey = `${preset.id}:${hashText(first.header.map(normaliseHeader).join('|'))}`;
  return {
    ok: true,
    preview: {
      fileName, format: preset.id, formatLabel: preset.label, kind, header: first.header, layoutKey, mapping, rows,
      counts: {
        rows: rows.length + omittedRows,
        new: newCount,
        duplicate: rows.filter((r) => r.status === 'duplicate').length,
        invalid: rows.filter((r) => r.status === 'invalid').length,
        skipped: rows.filter((r) => r.status === 'skipped').length,
      },
      positions, totals: summarise(positions), warnings, shortfalls, findings, delimiter: table.delimiter,
      ...(omittedRows > 0 && { omitted: { rows: omittedRows, positions: 0 } }),
    },
  };
}
