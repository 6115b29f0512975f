import { getAccount, listAccounts } from '../db/accounts';
import { getPortfolio } from '../db/portfolios';
import { deletePosition, getPosition, insertPosition, listAccountPositions, updatePosition, type PositionInput } from '../db/positions';
import { optionRateSetting, setOptionRate, withOption } from '../services/option-market';
import { AppError } from '../../shared/ipc/result';
import type { CommandsOf, HandlerMap } from './types';

function assertPriced(input: PositionInput): PositionInput {
  if ((input.price ?? null) === null && (input.marketValue ?? null) === null) {
    throw new AppError('validation', `Give ${input.symbol} a price or a market value so it can be valued.`);
  }
  return input;
}

/** positions:* commands. */
export const positionHandlers: HandlerMap<CommandsOf<'positions'>> = {
  'positions:list': ({ db }, { accountId }) => {
    getAccount(db, accountId);
    return listAccountPositions(db, accountId);
  },
  'positions:create': ({ db }, request) => {
    const account = getAccount(db, request.accountId);
    const currency = request.currency ?? getPortfolio(db, account.portfolioId).baseCurrency;
    return insertPosition(db, assertPriced(withOption({ ...request, currency })));
  },
  'positions:update': ({ db }, { id, patch }) =>
    db.transaction(() => {
      const current = getPosition(db, id);
      if (patch.accountId !== undefined && patch.accountId !== current.accountId) {
        const from = getAccount(db, current.accountId);
        const to = getAccount(db, patch.accountId);
        if (!listAccounts(db, from.portfolioId).some((a) => a.id === to.id)) {
          throw new AppError('validation', 'A position can only move to another account of the same portfolio.');
        }
      }
      const symbolChanged = patch.symbol !== undefined && patch.symbol !== current.symbol;
      // A new symbol that is no option drops the stored multiplier rather than refusing the edit.
      const multiplier = patch.multiplier !== undefined ? patch.multiplier : symbolChanged ? undefined : current.multiplier;
      const volatility = patch.volatility !== undefined ? patch.volatility : symbolChanged ? undefined : current.volatility;
      return updatePosition(db, id, assertPriced(withOption({ ...current, ...patch, multiplier, volatility })));
    })(),
  'positions:delete': ({ db }, { id }) => deletePosition(db, id),
  'positions:optionrate': ({ db }) => optionRateSetting(db),
  'positions:setoptionrate': ({ db }, { rate }) => setOptionRate(db, rate),
};
