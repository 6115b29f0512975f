import { createAccount, deleteAccount, listAccounts, renameAccount } from '../db/accounts';
import { getPortfolio } from '../db/portfolios';
import type { CommandsOf, HandlerMap } from './types';

/** accounts:* commands. */
export const accountHandlers: HandlerMap<CommandsOf<'accounts'>> = {
  'accounts:list': ({ db }, { portfolioId }) => {
    getPortfolio(db, portfolioId);
    return listAccounts(db, portfolioId);
  },
  'accounts:create': ({ db }, request) => {
    getPortfolio(db, request.portfolioId);
    return createAccount(db, request);
  },
  'accounts:rename': ({ db }, { id, name }) => renameAccount(db, id, name),
  'accounts:delete': ({ db }, { id }) => deleteAccount(db, id),
};
