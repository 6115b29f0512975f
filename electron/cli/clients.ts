import { formatMoney } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { renderTable } from './table';
import { printListing, unknownVerb, type CliContext } from './context';

const list = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).map(String);

/** `aftershock clients list` and `aftershock clients add NAME [--person NAME…] [--tag TAG…] [--base EUR] [--notes …]`. */
export function runClients(context: CliContext, verb: string | undefined, rest: string[]): number {
  if (verb === 'add') return addClient(context, rest);
  if (verb !== 'list' || rest.length > 0) return unknownVerb('clients', verb, ['list', 'add NAME']);
  const clients = context.call('clients:overview', {});
  return printListing(
    context,
    clients,
    (rows) =>
      renderTable(
        ['ID', 'Client', 'People', 'Tags', 'Base', 'Portfolios', 'Value'],
        rows.map((c) => [
          String(c.id),
          c.name + (c.isSample ? ' (sample)' : ''),
          c.people.join(', '),
          c.tags.join(', '),
          c.baseCurrency,
          String(c.portfolioCount),
          formatMoney(c.totalValue, c.baseCurrency, 0) + (c.missingFx.length ? ` (no rate for ${c.missingFx.join(', ')})` : ''),
        ]),
        [true, false, false, false, false, true, true],
      ),
    'No clients yet. Add one with: aftershock clients add "Lee household"',
  );
}

function addClient(context: CliContext, rest: string[]): number {
  if (rest.length !== 1)
    throw new AppError('validation', 'Give the client\'s name in quotes, e.g. aftershock clients add "Lee household".');
  const base = context.options.base;
  const client = context.call('clients:create', {
    name: rest[0],
    people: context.options.person === undefined ? undefined : list(context.options.person),
    tags: context.options.tag === undefined ? undefined : list(context.options.tag),
    baseCurrency: typeof base === 'string' ? base.toUpperCase() : undefined,
    notes: typeof context.options.notes === 'string' ? context.options.notes : undefined,
  });
  if (context.json) context.out(JSON.stringify(client, null, 2));
  else
    context.out(
      `Added client ${client.id} “${client.name}” (${client.baseCurrency}${client.tags.length ? `; tags ${client.tags.join(', ')}` : ''}).`,
    );
  return 0;
}
