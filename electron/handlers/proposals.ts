import {
  addProposalPosition,
  applyProposal,
  createProposal,
  deleteProposal,
  deleteProposalPosition,
  getProposal,
  listProposals,
  proposalOfPosition,
  updateProposalPosition,
} from '../db/proposals';
import { getPortfolio } from '../db/portfolios';
import { asInput, compareWithCurrent, proposalPositionInput } from '../services/proposals';
import type { CommandsOf, HandlerMap } from './types';

/** proposals:* commands: a sandbox copy of a portfolio, edited and compared before it is applied. */
export const proposalHandlers: HandlerMap<CommandsOf<'proposals'>> = {
  'proposals:list': ({ db }, { portfolioId }) => (getPortfolio(db, portfolioId), listProposals(db, portfolioId)),
  'proposals:create': ({ db }, { portfolioId, name }) => createProposal(db, portfolioId, name ?? 'Proposal'),
  'proposals:get': ({ db }, { id }) => getProposal(db, id),
  'proposals:add': ({ db }, { proposalId, ...fields }) =>
    addProposalPosition(db, proposalId, proposalPositionInput(fields, getProposal(db, proposalId).baseCurrency)),
  'proposals:edit': ({ db }, { id, patch }) =>
    db.transaction(() => {
      const { proposalId, position } = proposalOfPosition(db, id);
      return updateProposalPosition(
        db,
        id,
        proposalPositionInput({ ...asInput(position), ...patch }, getProposal(db, proposalId).baseCurrency),
      );
    })(),
  'proposals:remove': ({ db }, { id }) => deleteProposalPosition(db, id),
  'proposals:compare': (services, request) => compareWithCurrent(services, request),
  'proposals:apply': ({ db }, { id }) => applyProposal(db, id),
  'proposals:delete': ({ db }, { id }) => deleteProposal(db, id),
};
