import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { addClient, saveScenario, addNvdaCalls } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices();
});
afterEach(() => closeServices(services));

const holdingsOf = (portfolioId: number) =>
  call(services, 'portfolios:holdings', { id: portfolioId }).positions.map((p) => [p.accountName, p.symbol, p.quantity, p.price]);

describe('proposal sandbox: trim NVDA, add bonds, compare, apply', () => {
  it('leaves the real holdings untouched until the proposal is applied', () => {
    const scenario = saveScenario(services, 'semis-slump', [
      { target: 'symbol', value: 'NVDA', change: -0.2 },
      { target: 'market', value: '', change: -0.1 },
    ]);
    const { portfolio } = addClient(services, 'Patel household', [
      ['NVDA', 100, 100],
      ['AGG', 100, 100],
    ]);
    const before = holdingsOf(portfolio.id);
    expect(before).toEqual([
      ['Brokerage', 'AGG', 100, 100],
      ['Brokerage', 'NVDA', 100, 100],
    ]);

    const proposal = call(services, 'proposals:create', { portfolioId: portfolio.id, name: 'Trim NVDA' });
    expect(proposal.positions.map((p) => p.symbol)).toEqual(['AGG', 'NVDA']);
    const nvda = proposal.positions.find((p) => p.symbol === 'NVDA');
    call(services, 'proposals:edit', { id: nvda!.id, patch: { quantity: 50 } });
    const edited = call(services, 'proposals:add', {
      proposalId: proposal.id,
      accountName: 'Brokerage',
      symbol: 'bnd',
      quantity: 50,
      price: 100,
      assetClass: 'bond',
    });
    expect(edited.positions.map((p) => [p.symbol, p.quantity, p.currency])).toEqual([
      ['AGG', 100, 'USD'],
      ['BND', 50, 'USD'],
      ['NVDA', 50, 'USD'],
    ]);
    // A refused edit changes nothing.
    expect(dispatch(services, 'proposals:edit', { id: nvda!.id, patch: { price: null } })).toMatchObject({
      ok: false,
      error: { message: 'Give NVDA a price or a market value so it can be valued.' },
    });

    const comparison = call(services, 'proposals:compare', { id: proposal.id, scenarioIds: [scenario] });
    expect(comparison).toMatchObject({ currentValue: 20000, proposedValue: 20000 });
    // Current: NVDA 10,000 × −20% + AGG 10,000 × −10% = −3,000; proposed: NVDA 5,000 × −20% + AGG and BND 15,000 × −10% = −2,500.
    expect(comparison.scenarios[0].current).toMatchObject({ pnl: -3000, return: -0.15, worstSymbol: 'NVDA', shockedShare: 1 });
    expect(comparison.scenarios[0].proposed).toMatchObject({ pnl: -2500, return: -0.125 });
    expect(comparison.changes).toEqual([
      { symbol: 'BND', current: 0, proposed: 5000, change: 5000 },
      { symbol: 'NVDA', current: 10000, proposed: 5000, change: -5000 },
    ]);
    // The real portfolio, its stress and its value did not move.
    expect(holdingsOf(portfolio.id)).toEqual(before);
    expect(call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: scenario }).pnl).toBe(-3000);

    const applied = call(services, 'proposals:apply', { id: proposal.id });
    expect(applied).toEqual({ portfolioId: portfolio.id, positions: 3, removed: 2, importId: expect.any(Number) });
    expect(holdingsOf(portfolio.id)).toEqual([
      ['Brokerage', 'AGG', 100, 100],
      ['Brokerage', 'BND', 50, 100],
      ['Brokerage', 'NVDA', 50, 100],
    ]);
    expect(call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: scenario }).pnl).toBe(-2500);
    expect(call(services, 'proposals:list', { portfolioId: portfolio.id })).toEqual([]);
  });

  it('deleting a proposal or its positions never touches the portfolio', () => {
    const { portfolio } = addClient(services, 'Lee', [['AAPL', 10, 200]]);
    const proposal = call(services, 'proposals:create', { portfolioId: portfolio.id });
    call(services, 'proposals:remove', { id: proposal.positions[0].id });
    expect(call(services, 'proposals:get', { id: proposal.id }).positions).toEqual([]);
    call(services, 'proposals:delete', { id: proposal.id });
    expect(holdingsOf(portfolio.id)).toEqual([['Brokerage', 'AAPL', 10, 200]]);
    expect(dispatch(services, 'proposals:apply', { id: proposal.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `Proposal ${proposal.id} does not exist; it may have been deleted.` },
    });
  });

  it('applies into new accounts by name and rolls back whole on a failure', () => {
    const { portfolio } = addClient(services, 'Weber', [['SAP', 10, 200]]);
    const proposal = call(services, 'proposals:create', { portfolioId: portfolio.id });
    call(services, 'proposals:add', { proposalId: proposal.id, accountName: 'Pension', symbol: 'IEF', quantity: 5, price: 95 });
    // A trigger stands in for a disk or constraint failure half-way through the apply.
    services.db.exec(
      "CREATE TEMP TRIGGER fail_ief BEFORE INSERT ON positions WHEN NEW.symbol = 'IEF' BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );
    expect(dispatch(services, 'proposals:apply', { id: proposal.id })).toMatchObject({ ok: false, error: { code: 'database' } });
    expect(holdingsOf(portfolio.id)).toEqual([['Brokerage', 'SAP', 10, 200]]);
    expect(call(services, 'proposals:list', { portfolioId: portfolio.id })).toHaveLength(1);
    services.db.exec('DROP TRIGGER fail_ief');
    call(services, 'proposals:apply', { id: proposal.id });
    expect(holdingsOf(portfolio.id)).toEqual([
      ['Brokerage', 'SAP', 10, 200],
      ['Pension', 'IEF', 5, 95],
    ]);
  });

  it('applying is undone like an import, and an earlier import cannot be undone over it', () => {
    const { portfolio } = addClient(services, 'Okafor', [['MSFT', 10, 400]]);
    const file = 'Account,Symbol,Quantity,Price\nBrokerage,NVDA,20,120\nBrokerage,AMD,5,150\n';
    const imported = call(services, 'imports:commit', { portfolioId: portfolio.id, fileName: 'okafor.csv', text: file });
    const afterImport = holdingsOf(portfolio.id);
    expect(afterImport).toEqual([
      ['Brokerage', 'AMD', 5, 150],
      ['Brokerage', 'NVDA', 20, 120],
    ]);

    const proposal = call(services, 'proposals:create', { portfolioId: portfolio.id, name: 'De-risk' });
    call(services, 'proposals:remove', { id: proposal.positions.find((p) => p.symbol === 'NVDA')!.id });
    call(services, 'proposals:add', { proposalId: proposal.id, accountName: 'Bonds', symbol: 'AGG', quantity: 30, price: 98 });
    const applied = call(services, 'proposals:apply', { id: proposal.id });
    expect(holdingsOf(portfolio.id)).toEqual([
      ['Bonds', 'AGG', 30, 98],
      ['Brokerage', 'AMD', 5, 150],
    ]);

    // The import is now under the proposal: undoing it would mix old and new holdings, so it is refused.
    expect(dispatch(services, 'imports:undo', { id: imported.import!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The proposal “De-risk” was applied to the same accounts afterwards; undo applying it first.' },
    });
    expect(holdingsOf(portfolio.id)).toEqual([
      ['Bonds', 'AGG', 30, 98],
      ['Brokerage', 'AMD', 5, 150],
    ]);

    // Undoing the apply puts back exactly what was there, and drops the account it created.
    expect(call(services, 'imports:undo', { id: applied.importId })).toEqual({ removed: 2, restored: 2 });
    expect(holdingsOf(portfolio.id)).toEqual(afterImport);
    expect(call(services, 'accounts:list', { portfolioId: portfolio.id }).map((a) => a.name)).toEqual(['Brokerage']);
    expect(dispatch(services, 'imports:undo', { id: applied.importId })).toMatchObject({
      ok: false,
      error: { message: 'Applying the proposal “De-risk” was already undone.' },
    });
    // Then the earlier import can be undone too, back to the first holdings.
    call(services, 'imports:undo', { id: imported.import!.id });
    expect(holdingsOf(portfolio.id)).toEqual([['Brokerage', 'MSFT', 10, 400]]);
  });
});

describe('proposals carry option contracts', () => {
  it('copies, adds, compares and applies options with their multiplier and volatility', () => {
    const dated = memoryServices({ today: () => '2025-01-24' });
    try {
      const scenario = saveScenario(dated, 'nvda-down', [{ target: 'symbol', value: 'NVDA', change: -0.1 }]);
      const { portfolio, account } = addClient(dated, 'Options household', [['NVDA', 100, 140]]);
      addNvdaCalls(dated, account.id);
      const proposal = call(dated, 'proposals:create', { portfolioId: portfolio.id, name: 'Write a call' });
      expect(proposal.positions.find((p) => p.symbol === 'NVDA  250620C00150000')).toMatchObject({ multiplier: 100, volatility: 0.5 });
      const added = call(dated, 'proposals:add', {
        proposalId: proposal.id,
        accountName: 'Brokerage',
        symbol: 'NVDA 06/20/2025 160 C',
        quantity: -1,
        price: 1000,
        multiplier: 10,
      });
      expect(added.positions.find((p) => p.symbol === 'NVDA  250620C00160000')).toMatchObject({ multiplier: 10, assetClass: 'other' });
      expect(
        dispatch(dated, 'proposals:add', {
          proposalId: proposal.id,
          accountName: 'Brokerage',
          symbol: 'AAPL',
          quantity: 1,
          price: 1,
          multiplier: 10,
        }),
      ).toMatchObject({ ok: false, error: { code: 'validation' } });
      const compared = call(dated, 'proposals:compare', { id: proposal.id, scenarioIds: [scenario] });
      // The current book's call is revalued (the story's figure), not left unmoved.
      expect(compared.scenarios[0].current.pnl).toBeCloseTo(-1400 - 3026.635356, 5);
      call(dated, 'proposals:apply', { id: proposal.id });
      const after = call(dated, 'positions:list', { accountId: account.id });
      expect(after.find((p) => p.symbol === 'NVDA  250620C00160000')).toMatchObject({ multiplier: 10, quantity: -1 });
      expect(after.find((p) => p.symbol === 'NVDA  250620C00150000')).toMatchObject({ multiplier: 100, volatility: 0.5 });
    } finally {
      closeServices(dated);
    }
  });
});
