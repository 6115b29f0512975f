import type { Database } from 'better-sqlite3';
import { valueCurrencySums, valuePositions } from '../../shared/domain/valuation';
import { listAccounts } from '../db/accounts';
import { createClient, getClient, listClients } from '../db/clients';
import { listFxRates } from '../db/fx-rates';
import { listPortfolioImportFindings } from '../db/import-findings';
import { createPortfolio, getPortfolio, listPortfolios, renamePortfolio } from '../db/portfolios';
import { deleteKeepingCopy } from '../db/trash';
import { listPortfolioPositions, sumPositionsBy } from '../db/positions';
import { AppError } from '../../shared/ipc/result';
import type { HandlerMap } from './types';

const DEFAULT_CLIENT_NAME = 'My portfolios';

/** The client a portfolio goes to when none is named: the only non-sample client, or a new one. */
export function defaultClientId(db: Database): number {
  const own = listClients(db).filter((c) => !c.isSample);
  if (own.length === 1) return own[0].id;
  const named = own.find((c) => c.name === DEFAULT_CLIENT_NAME);
  if (named) return named.id;
  if (own.length > 1) {
    throw new AppError('validation', 'There are several clients; choose the client this portfolio belongs to.');
  }
  return createClient(db, { name: DEFAULT_CLIENT_NAME }).id;
}

/** portfolios:* commands. */
export const portfolioHandlers: HandlerMap<
  'portfolios:list' | 'portfolios:create' | 'portfolios:rename' | 'portfolios:delete' | 'portfolios:holdings'
> = {
  'portfolios:list': ({ db }, { clientId }) => {
    const rates = listFxRates(db);
    // Sums per portfolio and currency from SQL: one query for the whole book instead of reading every position.
    const sums = sumPositionsBy(db, 'portfolio');
    return listPortfolios(db, clientId).map((portfolio) => {
      const { totalValue, missingFx } = valueCurrencySums(sums.get(portfolio.id) ?? [], portfolio.baseCurrency, rates);
      return { ...portfolio, totalValue, missingFx };
    });
  },
  'portfolios:create': ({ db }, { clientId, name, baseCurrency }) =>
    db.transaction(() => {
      const client = getClient(db, clientId ?? defaultClientId(db));
      return createPortfolio(db, { clientId: client.id, name, baseCurrency: baseCurrency ?? client.baseCurrency });
    })(),
  'portfolios:rename': ({ db }, { id, name }) => renamePortfolio(db, id, name),
  'portfolios:delete': (services, { id }) => {
    services.lastDeleted = deleteKeepingCopy(services.db, 'portfolio', id);
    return { deleted: 1 };
  },
  'portfolios:holdings': ({ db }, { id }) => {
    const portfolio = getPortfolio(db, id);
    const valued = valuePositions(listPortfolioPositions(db, id), portfolio.baseCurrency, listFxRates(db));
    return { portfolio, accounts: listAccounts(db, id), ...valued, importFindings: listPortfolioImportFindings(db, id) };
  },
};
