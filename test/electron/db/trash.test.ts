import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { addClient } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices({ seedSample: false });
});
afterEach(() => closeServices(services));

const TABLES = [
  'clients',
  'client_tags',
  'portfolios',
  'accounts',
  'positions',
  'imports',
  'import_accounts',
  'import_replaced',
  'proposals',
  'proposal_positions',
];
// Sorted as text: client_tags has no rowid.
const snapshot = () =>
  TABLES.map((t) => [
    t,
    services.db
      .prepare(`SELECT * FROM ${t}`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort(),
  ]);

/** Two clients; Patel has two portfolios, tags, an import that replaced a position (undo data) and a proposal. */
function seed() {
  const lee = addClient(services, 'Lee', [['KO', 10, 60]]);
  const patel = addClient(services, 'Patel', [['IBM', 3, 200]], { tags: ['growth', 'hnw'] });
  const ira = call(services, 'portfolios:create', { clientId: patel.client.id, name: 'IRA' });
  const file = 'Account,Symbol,Quantity,Price\nBrokerage,NVDA,20,120\nBrokerage,AMD,5,150\n';
  call(services, 'imports:commit', { portfolioId: patel.portfolio.id, fileName: 'patel.csv', text: file });
  const proposal = call(services, 'proposals:create', { portfolioId: patel.portfolio.id, name: 'Trim' });
  call(services, 'proposals:add', { proposalId: proposal.id, accountName: 'Bonds', symbol: 'AGG', quantity: 30, price: 98 });
  return { lee, patel, ira };
}

describe('deleting a client or portfolio can be undone', () => {
  it('puts a deleted client back with its portfolios, tags, positions, proposals and import history, under the same ids', () => {
    const { patel } = seed();
    const before = snapshot();
    expect(call(services, 'clients:delete', { id: patel.client.id })).toEqual({ deleted: 1 });
    expect(call(services, 'clients:list', {}).map((c: { name: string }) => c.name)).toEqual(['Lee']);
    expect(services.db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(1);
    expect(services.db.prepare('SELECT portfolio_id FROM imports').pluck().all()).toEqual([null]);

    expect(call(services, 'trash:restore', {})).toEqual({ kind: 'client', name: 'Patel' });
    expect(snapshot()).toEqual(before);
    // The import can still be undone after the restore.
    expect(call(services, 'imports:undo', { id: 1 })).toEqual({ removed: 2, restored: 1 });
    expect(dispatch(services, 'trash:restore', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There is nothing deleted to put back.' },
    });
  });

  it('puts a deleted portfolio back; only the last deletion can be undone', () => {
    const { lee, ira } = seed();
    const before = snapshot();
    call(services, 'portfolios:delete', { id: ira.id });
    const afterFirst = snapshot();
    call(services, 'portfolios:delete', { id: lee.portfolio.id });
    expect(call(services, 'trash:restore', {})).toEqual({ kind: 'portfolio', name: 'Main' });
    expect(snapshot()).toEqual(afterFirst);
    expect(dispatch(services, 'trash:restore', {}).ok).toBe(false);
    expect(snapshot()).not.toEqual(before);
  });

  it("refuses, writing nothing, when a new portfolio took the deleted one's id meanwhile", () => {
    const { patel, ira } = seed();
    call(services, 'portfolios:delete', { id: ira.id });
    const taker = call(services, 'portfolios:create', { clientId: patel.client.id, name: 'New' });
    expect(taker.id).toBe(ira.id);
    const before = snapshot();
    expect(dispatch(services, 'trash:restore', {})).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          '“IRA” can no longer be put back: portfolios changed since it was deleted. Restore a backup (File › Restore backup…) to get it back.',
      },
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a deletion of something that does not exist, keeping the earlier one to undo', () => {
    const { ira } = seed();
    call(services, 'portfolios:delete', { id: ira.id });
    expect(dispatch(services, 'clients:delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(call(services, 'trash:restore', {})).toEqual({ kind: 'portfolio', name: 'IRA' });
  });
});
