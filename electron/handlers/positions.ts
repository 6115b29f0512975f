import { getAccount, listAccounts } from '../db/accounts';
import { getPortfolio } from '../db/portfolios';
import { deletePosition, getPosition, insertPosition, listAccountPositions, updatePosition, type PositionInput } from '../db/positions';
import { occSymbol } from '../../shared/domain/options';
import { optionFromText } from '../../shared/import/option-rows';
import { AppError } from '../../shared/ipc/result';
import type { CommandsOf, HandlerMap } from './types';

function assertPriced(input: PositionInput): PositionInput {
  if ((input.price ?? null) === null && (input.marketValue ?? null) === null) {
    throw new AppError('validation', `Give ${input.symbol} a price or a market value so it can be valued.`);
  }
  return input;
}

/**
 * A typed option ("NVDA 250620C150", "NVDA 06/20/2025 150 C", an OCC symbol) is kept under its OCC symbol with its
 * multiplier (100 unless given) and asset class "other"; the price is per contract. Anything else is left as typed,
 * and a multiplier or volatility on a non-option is refused.
 */
function withOption(input: PositionInput): PositionInput {
  const option = optionFromText(input.symbol, input.multiplier ?? 100);
  if (!option) {
    if (input.multiplier != null)
      throw new AppError('validation', `${input.symbol} is not an option symbol (such as NVDA 250620C150), so it takes no multiplier.`);
    if (input.volatility != null)
      throw new AppError('validation', `${input.symbol} is not an option symbol (such as NVDA 250620C150), so it takes no volatility.`);
    return input;
  }
  return { ...input, symbol: occSymbol(option), multiplier: option.multiplier, assetClass: input.assetClass ?? 'other' };
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
};
