import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countOf, formatCount, formatMoney, formatQuantity } from '../../shared/format';
import { decodeBytes } from '../../shared/import/decode';
import type { ImportPreview, OpeningDecision } from '../../shared/import/types';
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
}

/** The --opening and --keep-short choices as the import's openings, or a sentence saying which one is malformed. */
export function parseOpenings(opening: readonly string[], keepShort: readonly string[]): Record<string, OpeningDecision> {
  const openings: Record<string, OpeningDecision> = {};
  for (const text of opening) {
    const at = text.lastIndexOf('=');
    const key = text.slice(0, at).trim();
    const quantity = Number(text.slice(at + 1).replace(/,/g, '').trim());
    if (at <= 0 || !key || !Number.isFinite(quantity) || quantity <= 0 || text.slice(at + 1).trim() === '') {
      throw new AppError('validation', `--opening takes SYMBOL=QUANTITY with a quantity above 0, e.g. --opening SNAXX=500135; found "${text}".`);
    }
    openings[keyOf(key)] = { kind: 'opening', quantity };
  }
  for (const text of keepShort) {
    const key = keyOf(text.trim());
    if (!key || key.includes('=')) throw new AppError('validation', `--keep-short takes a SYMBOL (or ACCOUNT:SYMBOL), e.g. --keep-short TSLA; found "${text}".`);
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

function findOrCreatePortfolio(context: CliContext, options: ImportOptions & { portfolio: string }, isDryRun: boolean): number | undefined {
  let clientId: number | undefined;
  if (options.client) {
    const clients = context.call('clients:list', {});
    const client = clients.find((c) => c.name.toLowerCase() === options.client!.toLowerCase());
    if (client) clientId = client.id;
    else if (isDryRun) return undefined;
    else clientId = context.call('clients:create', { name: options.client }).id;
  }
  const portfolios = context.call('portfolios:list', clientId === undefined ? {} : { clientId });
  const matches = portfolios.filter((p) => p.name.toLowerCase() === options.portfolio.toLowerCase());
  if (matches.length > 1) {
    throw new AppError('validation', `Several clients have a portfolio named "${options.portfolio}"; add --client NAME to choose one.`);
  }
  if (matches.length === 1) return matches[0].id;
  if (isDryRun) return undefined;
  return context.call('portfolios:create', { name: options.portfolio, ...(clientId === undefined ? {} : { clientId }) }).id;
}

const DECISION_WORDS: Record<OpeningDecision['kind'], string> = { closed: 'closed (clamped at 0)', opening: 'opening entered', short: 'kept short' };

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
    lines.push(renderTable(
      ['Account', 'Symbol', 'Quantity × price', 'Market value (kept)'],
      differences.map((p) => [p.account, p.symbol, formatMoney(p.valueFromPrice!, p.currency), formatMoney(p.marketValue ?? 0, p.currency)]),
      [false, false, true, true],
    ));
  }
  if (preview.shortfalls.length) {
    lines.push('Sold more than the history shows bought (the history starts mid-way):');
    lines.push(renderTable(
      ['Account', 'Symbol', 'Sold beyond', 'Decision', 'Quantity'],
      preview.shortfalls.map((s) => [s.account, s.symbol, formatQuantity(s.shortfall), DECISION_WORDS[s.decision.kind], formatQuantity(s.quantity)]),
      [false, false, true, false, true],
    ));
    lines.push('  Change with --opening SYMBOL=QTY (held before the file starts) or --keep-short SYMBOL.');
  }
  for (const f of preview.findings) lines.push(`Finding: ${f.sentence}`);
  return lines.join('\n');
}

/** `aftershock import FILE --portfolio NAME …`: previews, then commits unless --dry-run. */
export function runImport(context: CliContext, file: string | undefined, rest: string[], options: ImportOptions): number {
  if (!file || rest.length > 0) throw new AppError('validation', 'Give one file to import: aftershock import FILE --portfolio NAME.');
  if (!options.portfolio) throw new AppError('validation', 'Name the portfolio to import into with --portfolio NAME.');
  let text: string;
  try {
    text = decodeBytes(readFileSync(file)).text;
  } catch (error) {
    throw new AppError('validation', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }
  const ifImported = options.ifImported;
  if (ifImported !== undefined && ifImported !== 'replace' && ifImported !== 'skip') {
    throw new AppError('validation', '--if-imported takes "replace" or "skip".');
  }
  // Read before anything is written: a malformed choice leaves the database as it was.
  const openings = parseOpenings(options.opening, options.keepShort);
  const portfolioId = findOrCreatePortfolio(context, { ...options, portfolio: options.portfolio }, options.dryRun);
  const request = {
    fileName: path.basename(file), text, format: options.format ?? 'auto', ...(options.account ? { account: options.account } : {}),
    ...(Object.keys(openings).length ? { openings } : {}),
  };
  if (options.dryRun) {
    const answer = context.call('imports:preview', portfolioId === undefined ? request : { ...request, portfolioId });
    context.out(context.json ? JSON.stringify(answer, null, 2) : renderPreview(answer.preview) + (answer.previousImport ? `\nThis file was already imported (import #${answer.previousImport.id}).` : '') + '\nDry run: nothing was written.');
    return 0;
  }
  const result = context.call('imports:commit', {
    ...request, portfolioId: portfolioId!, skipInvalid: options.skipInvalid, ...(ifImported ? { onDuplicate: ifImported } : {}),
  });
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
