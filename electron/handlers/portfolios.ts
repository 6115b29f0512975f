import { valueCurrencySums, valuePositions } from '../../shared/domain/valuation';
import { listAccounts } from '../db/accounts';
import { getClient } from '../db/clients';
import { listFxRates } from '../db/fx-rates';
import { listPortfolioImportFindings } from '../db/import-findings';
import { createPortfolio, getPortfolio, listPortfolios, renamePortfolio } from '../db/portfolios';
import { deleteKeepingCopy } from '../db/trash';
import { listPortfolioPositions, sumPositionsBy } from '../db/positions';
import { defaultClientId } from '../services/clients';
import { withMasterNames } from '../services/reference';
import type { CommandsOf, HandlerMap } from './types';

/** portfolios:* commands. */
export const portfolioHandlers: HandlerMap<CommandsOf<'portfolios'>> = {
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
    services.trash.keep(deleteKeepingCopy(services.db, 'portfolio', id));
    return { deleted: 1 };
  },
  'portfolios:holdings': ({ db }, { id }) => {
    const portfolio = getPortfolio(db, id);
    const valued = valuePositions(withMasterNames(db, listPortfolioPositions(db, id)), portfolio.baseCurrency, listFxRates(db));
    return { portfolio, accounts: listAccounts(db, id), ...valued, importFindings: listPortfolioImportFindings(db, id) };
  },
};
