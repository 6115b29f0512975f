import { terminalSafe } from './terminal';
import { toCsv } from '../../shared/csv';
import { returnText } from '../../shared/engine/run';
import type { FirmRun } from '../../shared/firm/runs';
import { formatMoney, formatPercent } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { openChromiumPrinter } from '../reports/chromium';
import { batchReports } from '../services/batch';
import type { Services } from '../services/services';
import { noExtraArguments, type CliContext } from './context';
import { scenarioOptions } from './resolve';
import { renderTable } from './table';

/** One line per client and per portfolio within it, in ranking order. */
function rankingRows(run: FirmRun) {
  const names = new Map(run.ranking.scenarios.map((s) => [s.id, s.name]));
  return run.ranking.clients.flatMap((c, i) => [
    {
      level: 'client' as const,
      rank: c.error ? null : i + 1,
      client: c.clientName,
      portfolio: '',
      currency: c.baseCurrency,
      value: c.value,
      pnl: c.pnl,
      return: c.return,
      worst: names.get(c.worstScenarioId ?? '') ?? (c.value === 0 ? 'nothing held' : ''),
      coverage: c.coverage,
      error: c.error ?? '',
    },
    ...c.portfolios.map((p) => ({
      level: 'portfolio' as const,
      rank: null,
      client: c.clientName,
      portfolio: p.portfolioName,
      currency: c.baseCurrency,
      value: p.value,
      pnl: p.pnl,
      return: p.return,
      worst: names.get(p.worstScenarioId ?? '') ?? '',
      coverage: p.coverage,
      error: '',
    })),
  ]);
}

function printRanking(context: CliContext, run: FirmRun): void {
  const rows = rankingRows(run);
  context.out(
    `Firm-wide stress ${run.runDate}${run.tag ? ` (clients tagged "${run.tag}")` : ''}: ${run.ranking.scenarios.map((s) => s.name).join(', ')}; saved as run ${run.id}.`,
  );
  context.out(
    renderTable(
      ['#', 'Client / portfolio', 'Value', 'Loss', 'Loss %', 'Worst scenario', 'Shocked'],
      rows.map((r) =>
        r.error
          ? ['—', r.client, '', '', '', r.error, '']
          : [
              r.rank === null ? '' : String(r.rank),
              r.level === 'client' ? r.client : `  ${r.portfolio}`,
              formatMoney(r.value, r.currency, 0),
              formatMoney(r.pnl, r.currency, 0),
              returnText(r.return, r.value),
              r.worst,
              formatPercent(r.coverage, 0),
            ],
      ),
      [true, false, true, true, true, false, true],
    ),
  );
  for (const t of run.ranking.totals)
    context.out(
      `Total ${t.currency}: ${t.clients} ${t.clients === 1 ? 'client' : 'clients'}, ${formatMoney(t.value, t.currency, 0)}, worst-case ${formatMoney(t.pnl, t.currency, 0)}.`,
    );
}

/** `aftershock batch --scenario ID… [--clients TAG] [--out DIR --pdf] [--json|--csv]`: rank every client, optionally print their reports. */
export async function runBatch(context: CliContext, services: Services, rest: string[]): Promise<number> {
  noExtraArguments('batch', rest);
  const wantsPdf = context.options.pdf === true;
  const out = typeof context.options.out === 'string' ? context.options.out : undefined;
  if (wantsPdf !== (out !== undefined))
    throw new AppError('validation', 'Batch reports need both --out DIR and --pdf, e.g. --out reports/ --pdf.');
  const tag = typeof context.options.clients === 'string' ? context.options.clients : undefined;
  const run = context.call('firm:run', { scenarioIds: scenarioOptions(context), tag });
  if (context.options.csv) {
    const rows = rankingRows(run);
    context.out(
      toCsv(
        ['level', 'rank', 'client', 'portfolio', 'currency', 'value', 'pnl', 'return', 'worst_scenario', 'shocked_share', 'error'],
        rows.map((r) => [r.level, r.rank ?? '', r.client, r.portfolio, r.currency, r.value, r.pnl, r.return, r.worst, r.coverage, r.error]),
      ).trimEnd(),
    );
  } else if (!context.json) printRanking(context, run);
  if (!out) {
    if (context.json) context.out(JSON.stringify(run, null, 2));
    return 0;
  }
  const printer = await openChromiumPrinter({ say: (sentence) => context.err(`aftershock: ${sentence}`) });
  try {
    const outcome = await batchReports(services, run, {
      outDir: out,
      print: (html, title) => printer.print(html, title),
      allowFindings: context.options['allow-findings'] === true,
      howToConfirm: 'add --allow-findings to print the report',
      onProgress:
        context.json || context.options.csv
          ? undefined
          : (done, total, current) =>
              process.stderr.isTTY && process.stderr.write(`\r${done}/${total} ${terminalSafe(current)}`.padEnd(60).slice(0, 80)),
    });
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(81) + '\r');
    if (context.json) context.out(JSON.stringify({ ...run, batch: outcome }, null, 2));
    else if (!context.options.csv) {
      context.out(
        `\nWrote ${outcome.files.length} ${outcome.files.length === 1 ? 'report' : 'reports'} and ${outcome.summaryFile ? 'the firm summary' : 'no firm summary'} to ${outcome.folder}.`,
      );
      if (outcome.skipped.length) context.out(`No portfolio, so no report: ${outcome.skipped.join(', ')}.`);
      for (const e of outcome.errors)
        context.out(`Not made: ${e.clientName}${e.portfolioName ? ` — ${e.portfolioName}` : ''}: ${e.message}`);
    }
    return outcome.errors.length ? 1 : 0;
  } finally {
    await printer.close();
  }
}
