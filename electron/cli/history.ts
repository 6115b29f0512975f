import { formatMoney, formatPercent } from '../../shared/format';
import { signedPercent } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { noExtraArguments, requireOption, type CliContext } from './context';
import { resolvePortfolio } from './resolve';
import { optionalDate, printStress, proxyOption } from './stress';
import { renderTable } from './table';
import { printHealthLines } from './health';
import { replayScenario } from '../../shared/history/replay';

/** `aftershock replay --portfolio NAME --from DATE --to DATE [--json]`. */
export function runReplayCommand(context: CliContext, rest: string[]): number {
  noExtraArguments('replay', rest);
  const portfolio = resolvePortfolio(context);
  requireOption(context, 'from', '2025-01-24');
  requireOption(context, 'to', '2025-01-27');
  const from = optionalDate(context, 'from')!;
  const to = optionalDate(context, 'to')!;
  if (from >= to) throw new AppError('validation', `--to must be after --from (${from} → ${to}).`);
  const result = context.call('stress:replay', { portfolioId: portfolio.id, from, to, by: ['sector', 'theme'], ...proxyOption(context) });
  const health = context.call('health:check', { portfolioId: portfolio.id, scenario: replayScenario(from, to) });
  if (context.json)
    return (
      context.out(
        JSON.stringify({ portfolio: { id: portfolio.id, name: portfolio.name, client: portfolio.clientName }, ...result, health }, null, 2),
      ),
      0
    );
  printHealthLines(context, health);
  printStress(context, portfolio.name, result, 'sector');
  return 0;
}

/** `aftershock risk --portfolio NAME [--as-of DATE] [--benchmark SYMBOL] [--json]`. */
export function runRisk(context: CliContext, rest: string[]): number {
  noExtraArguments('risk', rest);
  const portfolio = resolvePortfolio(context);
  const asOf = optionalDate(context, 'as-of');
  const benchmark = typeof context.options.benchmark === 'string' ? context.options.benchmark : undefined;
  const risk = context.call('stress:risk', { portfolioId: portfolio.id, ...(asOf ? { asOf } : {}), ...(benchmark ? { benchmark } : {}) });
  if (context.json) {
    // The figures, not the 500 daily returns behind them (those are for the app's charts).
    const { daily: _daily, ...figures } = risk;
    context.out(
      JSON.stringify({ portfolio: { id: portfolio.id, name: portfolio.name, client: portfolio.clientName }, ...figures }, null, 2),
    );
    return 0;
  }
  const pct = (x: number) => formatPercent(x, 2);
  for (const f of risk.findings ?? []) context.out(`Warning: ${f.sentence}`);
  context.out(`Risk of “${portfolio.name}” from ${risk.observations} trading days, ${risk.window.from} → ${risk.window.to}`);
  context.out(
    `Annualised volatility ${pct(risk.volatility)}; beta to ${risk.benchmark} ${risk.beta === null ? 'n/a' : risk.beta.toFixed(2)}`,
  );
  if (risk.maxDrawdown)
    context.out(`Max drawdown ${signedPercent(risk.maxDrawdown.change)} (${risk.maxDrawdown.peak} → ${risk.maxDrawdown.trough})`);
  context.out(
    renderTable(
      ['Horizon', 'Level', 'Historical VaR', 'Historical CVaR', 'Parametric VaR', 'Parametric CVaR'],
      risk.tails.map((t) => [
        `${t.horizonDays} day${t.horizonDays === 1 ? '' : 's'}`,
        `${t.level * 100}%`,
        pct(t.historicalVar),
        pct(t.historicalCvar),
        pct(t.parametricVar),
        pct(t.parametricCvar),
      ]),
      [false, false, true, true, true, true],
    ),
  );
  context.out(`History covers ${pct(risk.coveredShare)} of the value.`);
  if (risk.proxied.length) {
    const listed = risk.proxied
      .slice(0, 10)
      .map((p) => `${p.symbol} → ${p.proxy}`)
      .join(', ');
    context.out(
      `Followed a stand-in for lack of history of their own: ${listed}${risk.proxied.length > 10 ? ` and ${risk.proxied.length - 10} more` : ''}.`,
    );
  }
  for (const e of risk.excluded) context.out(`Left out for lack of history: ${e.symbol} (${formatMoney(e.value, risk.baseCurrency)}).`);
  for (const note of risk.notes) context.out(`Note: ${note}`);
  return 0;
}
