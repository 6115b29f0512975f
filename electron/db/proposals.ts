import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Position, Proposal, ProposalSummary } from '../../shared/domain/types';
import { createAccount, findAccountByName, listAccounts } from './accounts';
import { found } from './errors';
import { insertImport, insertImportAccount, replaceAccountPositions } from './imports';
import { getPortfolio } from './portfolios';
import { holdingParams, hydrate, type PositionInput, type PositionRow } from './positions';

/** The fields of a proposal position: a position's, with the account by name (it may not exist yet). */
export type ProposalPositionInput = Omit<PositionInput, 'accountId' | 'importId'> & { accountName: string };

/** Reads proposals as the domain type's summary: the columns are named as its fields. */
const SUMMARY = `
  SELECT r.id, r.portfolio_id AS portfolioId, p.name AS portfolioName, c.name AS clientName, r.name, r.created_at AS createdAt,
         (SELECT COUNT(*) FROM proposal_positions x WHERE x.proposal_id = r.id) AS positionCount`;
const FROM = `FROM proposals r JOIN portfolios p ON p.id = r.portfolio_id JOIN clients c ON c.id = p.client_id`;

/** Proposals of a portfolio, newest first. */
export function listProposals(db: Database, portfolioId: number): ProposalSummary[] {
  return db.prepare(`${SUMMARY} ${FROM} WHERE r.portfolio_id = :portfolioId ORDER BY r.id DESC`).all({ portfolioId }) as ProposalSummary[];
}

// Proposal positions read like positions; they belong to no account row yet, so their account id is 0.
const POSITION_COLUMNS = `id, 0 AS account_id, account_name, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of,
  multiplier, volatility`;

/** One proposal with its positions, or a not-found error. */
export function getProposal(db: Database, id: number): Proposal {
  const row = db.prepare(`${SUMMARY}, p.base_currency AS baseCurrency ${FROM} WHERE r.id = :id`).get({ id });
  const proposal = found(row as Omit<Proposal, 'positions'> | undefined, 'Proposal', id);
  const positions = db
    .prepare(`SELECT ${POSITION_COLUMNS} FROM proposal_positions WHERE proposal_id = :id ORDER BY account_name COLLATE NOCASE, symbol, id`)
    .all({ id }) as PositionRow[];
  return { ...proposal, positions: positions.map(hydrate) };
}

/** Copies a portfolio's positions into a new proposal, in one transaction; the portfolio itself is only read. */
export function createProposal(db: Database, portfolioId: number, name: string): Proposal {
  getPortfolio(db, portfolioId);
  const id = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO proposals (portfolio_id, name) VALUES (:portfolioId, :name)')
      .run({ portfolioId, name });
    db.prepare(
      `INSERT INTO proposal_positions (proposal_id, account_name, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of,
                                       multiplier, volatility)
       SELECT :proposalId, a.name, x.symbol, x.name, x.asset_class, x.quantity, x.price, x.market_value, x.cost_basis, x.currency, x.as_of,
              x.multiplier, x.volatility
       FROM positions x JOIN accounts a ON a.id = x.account_id WHERE a.portfolio_id = :portfolioId ORDER BY x.id`,
    ).run({ proposalId: lastInsertRowid, portfolioId });
    return Number(lastInsertRowid);
  })();
  return getProposal(db, id);
}

const params = (input: ProposalPositionInput) => ({
  accountName: input.accountName,
  ...holdingParams(input),
  multiplier: input.multiplier ?? null,
  volatility: input.volatility ?? null,
});

/** The proposal a proposal position belongs to, or a not-found error. */
export function proposalOfPosition(db: Database, positionId: number): { proposalId: number; position: Position } {
  const row = db.prepare(`SELECT ${POSITION_COLUMNS}, proposal_id FROM proposal_positions WHERE id = :id`).get({ id: positionId }) as
    (PositionRow & { proposal_id: number }) | undefined;
  const hit = found(row, 'Proposal position', positionId);
  return { proposalId: hit.proposal_id, position: hydrate(hit) };
}

/** Adds a position to a proposal. */
export function addProposalPosition(db: Database, proposalId: number, input: ProposalPositionInput): Proposal {
  getProposal(db, proposalId);
  db.prepare(
    `INSERT INTO proposal_positions (proposal_id, account_name, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of,
                                     multiplier, volatility)
     VALUES (:proposalId, :accountName, :symbol, :name, :assetClass, :quantity, :price, :marketValue, :costBasis, :currency, :asOf,
             :multiplier, :volatility)`,
  ).run({ proposalId, ...params(input) });
  return getProposal(db, proposalId);
}

/** Replaces the fields of a proposal position. */
export function updateProposalPosition(db: Database, id: number, input: ProposalPositionInput): Proposal {
  const { proposalId } = proposalOfPosition(db, id);
  db.prepare(
    `UPDATE proposal_positions SET account_name = :accountName, symbol = :symbol, name = :name, asset_class = :assetClass, quantity = :quantity,
            price = :price, market_value = :marketValue, cost_basis = :costBasis, currency = :currency, as_of = :asOf,
            multiplier = :multiplier, volatility = :volatility
     WHERE id = :id`,
  ).run({ id, ...params(input) });
  return getProposal(db, proposalId);
}

/** Removes a position from a proposal. */
export function deleteProposalPosition(db: Database, id: number): Proposal {
  const { proposalId } = proposalOfPosition(db, id);
  db.prepare('DELETE FROM proposal_positions WHERE id = :id').run({ id });
  return getProposal(db, proposalId);
}

/** Deletes a proposal; the real holdings are not touched. */
export function deleteProposal(db: Database, id: number): { deleted: number } {
  getProposal(db, id);
  return { deleted: db.prepare('DELETE FROM proposals WHERE id = :id').run({ id }).changes };
}

/** What applying a proposal did; `importId` undoes it through the imports' undo (imports:undo). */
export interface AppliedProposal {
  portfolioId: number;
  positions: number;
  removed: number;
  importId: number;
}

/**
 * Makes the proposal the portfolio's holdings, in one transaction: the portfolio's positions are set aside and
 * replaced by the proposal's (accounts are found or created by name), then the proposal is removed. It is
 * recorded like an import (format "proposal"), so it can be undone, and an earlier import of those accounts
 * can no longer be undone over it.
 */
export function applyProposal(db: Database, id: number): AppliedProposal {
  return db.transaction((): AppliedProposal => {
    const proposal = getProposal(db, id);
    const count = proposal.positions.length;
    const importId = insertImport(db, {
      portfolioId: proposal.portfolioId,
      fileName: `proposal “${proposal.name}”`.slice(0, 255),
      format: 'proposal',
      kind: 'manual',
      sha256: createHash('sha256').update(JSON.stringify(proposal.positions)).digest('hex'),
      rowCount: count,
      importedCount: count,
      invalidCount: 0,
    });
    let removed = 0;
    for (const account of listAccounts(db, proposal.portfolioId)) {
      insertImportAccount(db, importId, account.id, false);
      removed += replaceAccountPositions(db, importId, account.id);
    }
    const accounts = new Map<string, number>();
    const insert = db.prepare(
      `INSERT INTO positions (account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of, import_id,
                              multiplier, volatility)
       VALUES (:accountId, :symbol, :name, :assetClass, :quantity, :price, :marketValue, :costBasis, :currency, :asOf, :importId,
               :multiplier, :volatility)`,
    );
    for (const p of proposal.positions) {
      const key = p.accountName.toLowerCase();
      let accountId = accounts.get(key);
      if (accountId === undefined) {
        const existing = findAccountByName(db, proposal.portfolioId, p.accountName);
        accountId = (existing ?? createAccount(db, { portfolioId: proposal.portfolioId, name: p.accountName })).id;
        if (!existing) insertImportAccount(db, importId, accountId, true);
        accounts.set(key, accountId);
      }
      const { accountName: _a, ...rest } = params({ ...p, accountName: p.accountName });
      insert.run({ ...rest, accountId, importId });
    }
    db.prepare('DELETE FROM proposals WHERE id = :id').run({ id });
    return { portfolioId: proposal.portfolioId, positions: count, removed, importId };
  })();
}
