import { countOf, formatCount } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { renderTable } from './table';
import { printListing, unknownVerb, type CliContext } from './context';

/** `aftershock imports list --portfolio NAME` and `aftershock imports undo ID`. */
export function runImports(context: CliContext, verb: string | undefined, rest: string[], portfolio: string | undefined): number {
  if (verb === 'undo') {
    const id = Number(rest[0]);
    if (rest.length !== 1 || !Number.isInteger(id) || id <= 0)
      throw new AppError('validation', 'Give the number of the import to undo: aftershock imports undo ID.');
    const { removed, restored } = context.call('imports:undo', { id });
    context.out(
      context.json
        ? JSON.stringify({ removed, restored })
        : `Undid import #${id}: removed ${formatCount(removed)}, restored ${countOf(restored, 'position')}.`,
    );
    return 0;
  }
  if (verb !== 'list' || rest.length > 0) return unknownVerb('imports', verb, ['list', 'undo']);
  if (!portfolio) throw new AppError('validation', 'Name the portfolio with --portfolio NAME.');
  const matches = context.call('portfolios:list', {}).filter((p) => p.name.toLowerCase() === portfolio.toLowerCase());
  if (matches.length !== 1) {
    throw new AppError(
      'validation',
      matches.length ? `Several clients have a portfolio named "${portfolio}".` : `There is no portfolio named "${portfolio}".`,
    );
  }
  const imports = context.call('imports:list', { portfolioId: matches[0].id });
  return printListing(context, imports, (rows) =>
    renderTable(
      ['#', 'When', 'File', 'Format', 'Rows', 'Positions', 'Undone'],
      rows.map((i) => [
        String(i.id),
        i.createdAt.slice(0, 16).replace('T', ' '),
        i.fileName,
        i.format,
        String(i.rowCount),
        String(i.importedCount),
        i.undoneAt ? 'yes' : '',
      ]),
      [true, false, false, false, true, true, false],
    ),
  );
}
