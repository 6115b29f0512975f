import { optionMarketOf, withOption } from './option-market';
import type { RequestOf } from '../../shared/ipc/contract';
import type { Position } from '../../shared/domain/types';
import { compareProposal, type ProposalComparison } from '../../shared/firm/proposal';
import { AppError } from '../../shared/ipc/result';
import { getProposal, type ProposalPositionInput } from '../db/proposals';
import { listPortfolioPositions } from '../db/positions';
import { loadReferenceData } from './reference';
import { getHypotheticalScenarios } from './scenario-library';
import type { Services } from './services';

/** Current holdings and the proposal under the same scenarios; reads only. */
export function compareWithCurrent(services: Services, request: RequestOf<'proposals:compare'>): ProposalComparison {
  const proposal = getProposal(services.db, request.id);
  const current = listPortfolioPositions(services.db, proposal.portfolioId);
  const scenarios = getHypotheticalScenarios(services, request.scenarioIds);
  // Options on both sides are revalued on the same day, prices and volatilities.
  const optionMarket = optionMarketOf(services.db, [...current, ...proposal.positions], services.today());
  const symbols = [...current, ...proposal.positions].map((p) => p.symbol);
  const reference = loadReferenceData(services.db, [...new Set([...symbols, ...Object.keys(optionMarket?.underlyings ?? {})])]);
  return compareProposal(current, proposal.positions, proposal.baseCurrency, reference, scenarios, {
    lookThrough: request.lookThrough ?? true,
    optionMarket,
  });
}

/** A proposal position from a request: currency defaults to the portfolio's, and it needs a price or a value. */
export function proposalPositionInput(
  request: Omit<ProposalPositionInput, 'currency'> & { currency?: string },
  baseCurrency: string,
): ProposalPositionInput {
  if ((request.price ?? null) === null && (request.marketValue ?? null) === null) {
    throw new AppError('validation', `Give ${request.symbol} a price or a market value so it can be valued.`);
  }
  return withOption({ ...request, currency: request.currency ?? baseCurrency });
}

/** The fields of an existing proposal position, as input for an update. */
export function asInput(position: Position): ProposalPositionInput {
  const { id: _id, accountId: _accountId, ...rest } = position;
  return rest;
}
