import { toCsv } from '../../shared/csv';
import { formatMoney, listNames } from '../../shared/format';
import { coverageSentence, optionsNotTested } from '../../shared/report/coverage';
import { DIMENSIONS, returnText, type Dimension, type StressResult } from '../../shared/engine';
import { signedPercent } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { noExtraArguments, type CliContext } from './context';
import { parseLoss, resolvePortfolio, resolveScenario } from './resolve';
import { renderTable } from './table';
import { printHealthLines } from './health';

function lookThrough(context: CliContext): boolean {
  const value = context.options['look-through'];
  if (value === undefined || value === 'on') return true;
  if (value === 'off') return false;
  throw new AppError('validation', `--look-through must be "on" or "off", not "${value}".`);
}

function dimension(context: CliContext): Dimension {
  const by = context.options.by ?? 'sector';
  if (typeof by === 'string' && (DIMENSIONS as readonly string[]).includes(by)) return by as Dimension;
  throw new AppError('validation', `--by must be one of ${DIMENSIONS.join(', ')}, not "${by}".`);
}

/** `aftershock stress --portfolio NAME --scenario ID|FILE [--look-through on|off] [--by …] [--json|--csv]`. */
export function runStress(context: CliContext, rest: string[]): number {
  noExtraArguments('stress', rest);
  const portfolio = resolvePortfolio(context);
  const by = dimension(context);
  const asOf = optionalDate(context, 'as-of');
  if (asOf && !context.options.propagate)
    throw new AppError('validation', '--as-of only applies with --propagate (it limits the history the estimate uses).');
  const scenario = resolveScenario(context);
  const result = context.call('stress:run', {
    portfolioId: portfolio.id,
    ...scenario,
    lookThrough: lookThrough(context),
    by: [...new Set<Dimension>([by, 'sector', 'theme'])],
    ...(context.options.propagate ? { propagate: true, ...(asOf ? { asOf } : {}) } : {}),
    ...proxyOption(context),
  });
  if (context.options.csv) return (context.out(positionsCsv(result).trimEnd()), 0);
  const health = context.call('health:check', { portfolioId: portfolio.id, ...scenario });
  if (context.json)
    return (
      context.out(
        JSON.stringify({ portfolio: { id: portfolio.id, name: portfolio.name, client: portfolio.clientName }, ...result, health }, null, 2),
      ),
      0
    );
  printHealthLines(context, health);
  printStress(context, portfolio.name, result, by);
  return 0;
}

/** `--proxy market=SPY`, `--proxy "sector:Information Technology=VGT"`, `--proxy industry:Semiconductors=SOXX` (repeatable). */
export function proxyOption(context: CliContext): {
  proxies?: { market?: string; sectors?: Record<string, string>; industries?: Record<string, string> };
} {
  const given = context.options.proxy;
  if (given === undefined) return {};
  const proxies: { market?: string; sectors?: Record<string, string>; industries?: Record<string, string> } = {};
  for (const text of Array.isArray(given) ? given : [String(given)]) {
    const match = /^(market|sector:([^=]+)|industry:([^=]+))=([A-Za-z0-9.^=-]+)$/.exec(text.trim());
    if (!match)
      throw new AppError('validation', `--proxy must look like market=SPY, sector:NAME=SYMBOL or industry:NAME=SYMBOL, not "${text}".`);
    const symbol = match[4].toUpperCase();
    if (match[1] === 'market') proxies.market = symbol;
    else if (match[2]) (proxies.sectors ??= {})[match[2].trim()] = symbol;
    else (proxies.industries ??= {})[match[3].trim()] = symbol;
  }
  return { proxies };
}

/** A YYYY-MM-DD option, or undefined when not given. */
export function optionalDate(context: CliContext, name: string): string | undefined {
  const value = context.options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new AppError('validation', `--${name} must be a date in YYYY-MM-DD form, not "${value}".`);
  }
  return value;
}

/** Every position as CSV (formula-guarded), for spreadsheets. */
function positionsCsv(result: StressResult): string {
  return toCsv(
    ['symbol', 'name', 'account', 'currency', `value_${result.baseCurrency}`, `pnl_${result.baseCurrency}`, 'return', 'source', 'applied'],
    result.positions.map((p) => [p.symbol, p.name, p.accountName, p.currency, p.value, p.pnl, p.return, p.source, p.applied]),
  );
}

/** Prints a stress or replay result: totals, coverage, history notes, groups and positions. */
export function printStress(context: CliContext, name: string, result: StressResult, by: Dimension): void {
  const money = (x: number) => formatMoney(x, result.baseCurrency);
  context.out(`${result.scenarioName} on “${name}”${result.lookThrough ? '' : ' (look-through off)'}`);
  context.out(
    `Value ${money(result.valueBefore)} → ${money(result.valueAfter)}: ${money(result.pnl)} (${returnText(result.return, result.valueBefore)})`,
  );
  if (result.band)
    context.out(`95% band (estimation and residual, holdings correlated): ${money(result.band.low)} to ${money(result.band.high)}`);
  const h = result.history;
  if (h?.mode === 'replay') {
    context.out(
      `Replayed ${h.from} → ${h.to}${h.drawdown ? `; worst fall inside the window ${signedPercent(h.drawdown.change)} (${h.drawdown.peak} → ${h.drawdown.trough})` : ''}${h.worstDay ? `; worst day ${h.worstDay.date} ${signedPercent(h.worstDay.change)}` : ''}`,
    );
  } else if (h) {
    const proxies = h.proxies ?? [];
    context.out(
      proxies.length
        ? `Propagated from ${proxies.map((p) => `${p.symbol} ${signedPercent(p.change)}`).join(', ')}, estimated on ${h.from} → ${h.to}`
        : 'Not propagated (see the notes)',
    );
  }
  if (h?.partial) context.out(`Partly replayed: ${h.partial.reason}`);
  for (const note of h?.notes ?? []) if (note !== h?.partial?.reason) context.out(`Note: ${note}`);
  if (result.worst) context.out(`Worst position: ${result.worst.symbol} ${money(result.worst.pnl)}`);
  const c = result.coverage;
  context.out(
    `Coverage of ${formatMoney(c.grossValue, result.baseCurrency)}${c.grossValue !== Math.abs(result.valueBefore) ? ' (gross: shorts counted at their size)' : ''}: ${coverageSentence(result)}.`,
  );
  if (c.unclassified.symbols.length)
    context.out(`Not moved for lack of a sector, industry or theme: ${listNames(c.unclassified.symbols, 12)}.`);
  const options = optionsNotTested(result, money);
  if (options) context.out(`Note: ${options.message}`);
  for (const issue of result.issues) context.out(`Note: ${issue.message}`);
  for (const dim of [...new Set<Dimension>([by, 'sector', 'theme'])]) {
    const rows = result.aggregates[dim] ?? [];
    context.out(`\nBy ${dim}${dim === 'theme' ? ' (a holding can be in several themes)' : ''}:`);
    context.out(
      renderTable(
        [dim, 'Value', 'P&L', 'Return'],
        rows.map((r) => [r.key, money(r.value), money(r.pnl), signedPercent(r.return)]),
        [false, true, true, true],
      ),
    );
  }
  context.out('\nPositions:');
  context.out(
    renderTable(
      ['Symbol', 'Account', 'Value', 'P&L', 'Return', 'Moved by'],
      [...result.positions]
        .sort((a, b) => a.pnl - b.pnl)
        .map((p) => [p.symbol, p.accountName, money(p.value), money(p.pnl), signedPercent(p.return), p.applied]),
      [false, false, true, true, true, false],
    ),
  );
}

/** `aftershock reverse --portfolio NAME --scenario ID|FILE --loss 20% [--json]`. */
export function runReverse(context: CliContext, rest: string[]): number {
  noExtraArguments('reverse', rest);
  const portfolio = resolvePortfolio(context);
  const answer = context.call('stress:reverse', {
    portfolioId: portfolio.id,
    ...resolveScenario(context),
    lookThrough: lookThrough(context),
    loss: parseLoss(context),
  });
  if (context.json) return (context.out(JSON.stringify(answer, null, 2)), 0);
  context.out(answer.explanation);
  if (answer.scale !== null) {
    context.out(
      renderTable(
        ['Target', 'Value', 'Implied change'],
        answer.impliedShocks.map((s) => [s.target, s.value, signedPercent(s.change)]),
        [false, false, true],
      ),
    );
  }
  return answer.scale === null ? 1 : 0;
}
