import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countOf, formatCount, formatMoney } from '../../shared/format';
import { decodeBytes } from '../../shared/import/decode';
import type { ImportPreview } from '../../shared/import/types';
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
  const portfolioId = findOrCreatePortfolio(context, { ...options, portfolio: options.portfolio }, options.dryRun);
  const request = {
    fileName: path.basename(file), text, format: options.format ?? 'auto', ...(options.account ? { account: options.account } : {}),
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
