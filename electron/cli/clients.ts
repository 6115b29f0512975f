import { renderTable } from './table';
import { unknownVerb, type CliContext } from './context';

/** `aftershock clients list`. */
export function runClients(context: CliContext, verb: string | undefined, rest: string[]): number {
  if (verb !== 'list' || rest.length > 0) return unknownVerb('clients', verb, ['list']);
  const clients = context.call('clients:list', {});
  if (context.json) {
    context.out(JSON.stringify(clients, null, 2));
    return 0;
  }
  if (clients.length === 0) {
    context.out('No clients yet.');
    return 0;
  }
  context.out(
    renderTable(
      ['ID', 'Client', 'Base', 'Portfolios'],
      clients.map((c) => [String(c.id), c.name + (c.isSample ? ' (sample)' : ''), c.baseCurrency, String(c.portfolioCount)]),
      [true, false, false, true],
    ),
  );
  return 0;
}
