import { formatMoney } from '../../shared/format';
import { renderTable } from './table';
import { printListing, unknownVerb, type CliContext } from './context';

/** `aftershock portfolios list`. */
export function runPortfolios(context: CliContext, verb: string | undefined, rest: string[]): number {
  if (verb !== 'list' || rest.length > 0) return unknownVerb('portfolios', verb, ['list']);
  const portfolios = context.call('portfolios:list', {});
  return printListing(
    context,
    portfolios,
    (rows) =>
      renderTable(
        ['ID', 'Client', 'Portfolio', 'Accounts', 'Positions', 'Value'],
        rows.map((p) => [
          String(p.id),
          p.clientName,
          p.name,
          String(p.accountCount),
          String(p.positionCount),
          formatMoney(p.totalValue, p.baseCurrency) + (p.missingFx.length ? ` (excl. ${p.missingFx.join(', ')})` : ''),
        ]),
        [true, false, false, true, true, true],
      ),
    'No portfolios yet. Create one in the app, or import holdings.',
  );
}
