import { SEVERITIES, spanText, type HealthReport } from '../../shared/health';
import { countOf } from '../../shared/format';
import { noExtraArguments, type CliContext } from './context';
import { resolvePortfolio, resolveScenario } from './resolve';

const LABEL = { blocking: 'BLOCKING', warning: 'warning', info: 'info' } as const;
const VERDICT = {
  ok: 'No findings: the numbers can be trusted as far as the data goes.',
  review: 'Needs review.',
  blocked: 'Blocked: some numbers are wrong until these are fixed.',
} as const;

/** Prints a health report: verdict, dates, then each finding with its fix. */
export function printHealth(context: CliContext, name: string, health: HealthReport): void {
  const { blocking, warning, info } = health.counts;
  context.out(
    `Data health of “${name}”: ${VERDICT[health.verdict]}${health.findings.length ? ` (${countOf(blocking, 'blocking finding')}, ${countOf(warning, 'warning')}, ${info} info)` : ''}`,
  );
  context.out(
    `Prices as of ${spanText(health.asOf.prices)}; fund holdings as of ${spanText(health.asOf.fundHoldings, 'none used')}${health.asOf.scenario ? `; scenario as of ${health.asOf.scenario}` : ''}.`,
  );
  for (const severity of SEVERITIES) {
    for (const f of health.findings.filter((x) => x.severity === severity)) {
      context.out(`  ${LABEL[severity].padEnd(8)} ${f.sentence}`);
      context.out(`           → ${f.fix}`);
    }
  }
}

/** `aftershock health --portfolio NAME [--scenario ID] [--json]`: the data-health check; exit 1 when something blocks. */
export function runHealth(context: CliContext, rest: string[]): number {
  noExtraArguments('health', rest);
  const portfolio = resolvePortfolio(context);
  const health = context.call('health:check', { portfolioId: portfolio.id, ...(context.options.scenario ? resolveScenario(context) : {}) });
  if (context.json)
    context.out(
      JSON.stringify({ portfolio: { id: portfolio.id, name: portfolio.name, client: portfolio.clientName }, ...health }, null, 2),
    );
  else printHealth(context, portfolio.name, health);
  return health.counts.blocking ? 1 : 0;
}

/** The blocking and warning findings above a stress result, one line each, so no number prints without them. */
export function printHealthLines(context: CliContext, health: HealthReport): void {
  const blocking = health.findings.filter((f) => f.severity === 'blocking');
  const warnings = health.findings.filter((f) => f.severity === 'warning');
  for (const f of blocking) context.out(`BLOCKING: ${f.sentence}`);
  for (const f of warnings.slice(0, 3)) context.out(`Warning: ${f.sentence}`);
  if (warnings.length > 3) context.out(`…and ${countOf(warnings.length - 3, 'more warning')}.`);
  if (blocking.length || warnings.length) context.out('(See "aftershock health" for each one and what to do.)\n');
}
