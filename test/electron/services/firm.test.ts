import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { addClient, saveScenario, addNvdaCalls } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
let today = '2026-03-02';
beforeEach(() => {
  services = memoryServices({ today: () => today });
});
afterEach(() => closeServices(services));

function seedFirm() {
  const slump = saveScenario(services, 'nvda-slump', [{ target: 'symbol', value: 'NVDA', change: -0.3 }]);
  const dip = saveScenario(services, 'broad-dip', [{ target: 'market', value: '', change: -0.05 }]);
  addClient(
    services,
    'Patel household',
    [
      ['NVDA', 100, 100],
      ['AAPL', 50, 200],
    ],
    { tags: ['Growth'] },
  ); // 20,000
  addClient(services, 'Lee', [['AAPL', 50, 200]], { tags: ['income'] }); // 10,000
  addClient(services, 'Okafor', [['NVDA', 10, 100]], { tags: ['growth', 'hnw'] }); // 1,000
  return [slump, dip];
}

describe('clients with people, tags and totals', () => {
  it('stores people and tags and totals every portfolio of a client', () => {
    const { client } = addClient(services, 'Ruiz', [['AAPL', 10, 200]], { tags: ['Balanced', 'balanced '] });
    const other = call(services, 'portfolios:create', { clientId: client.id, name: 'IRA' });
    const account = call(services, 'accounts:create', { portfolioId: other.id, name: 'IRA' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'MSFT', quantity: 2, price: 400 });
    const updated = call(services, 'clients:update', {
      id: client.id,
      patch: { people: ['Ana Ruiz', 'Ben Ruiz'], notes: 'Retiring 2030', tags: ['balanced', 'hnw'] },
    });
    expect(updated).toMatchObject({
      people: ['Ana Ruiz', 'Ben Ruiz'],
      tags: ['balanced', 'hnw'],
      notes: 'Retiring 2030',
      portfolioCount: 2,
    });
    expect(call(services, 'clients:overview')).toEqual([
      expect.objectContaining({ name: 'Ruiz', totalValue: 2800, positionCount: 2, missingFx: [] }),
    ]);
    expect(dispatch(services, 'clients:update', { id: client.id, patch: { tags: ['risk<script>'] } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(dispatch(services, 'clients:update', { id: client.id, patch: {} })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('firm-wide stress through the handlers', () => {
  it('ranks every client, saves each run with its date, filters by tag', () => {
    const [slump, dip] = seedFirm();
    const run = call(services, 'firm:run', { scenarioIds: [slump, dip] });
    expect(run).toMatchObject({ runDate: '2026-03-02', scenarioIds: [slump, dip], tag: null, clientCount: 3 });
    expect(run.ranking.clients.map((c) => [c.clientName, c.pnl, c.worstScenarioId])).toEqual([
      ['Okafor', -300, slump], // −30%
      ['Patel household', -3000, slump], // −15%
      ['Lee', -500, dip], // −5%
    ]);
    today = '2026-03-03';
    const growth = call(services, 'firm:run', { scenarioIds: [dip], tag: 'GROWTH' });
    expect(growth.ranking.clients.map((c) => c.clientName)).toEqual(['Patel household', 'Okafor']); // both −5%: the larger money loss first
    expect(call(services, 'firm:runs').map((r) => [r.runDate, r.tag])).toEqual([
      ['2026-03-03', 'growth'],
      ['2026-03-02', null],
    ]);
    expect(call(services, 'firm:get', { id: run.id }).ranking).toEqual(run.ranking);
    expect(dispatch(services, 'firm:run', { scenarioIds: [dip], tag: 'nobody' })).toMatchObject({
      ok: false,
      error: { message: 'No client has the tag "nobody".' },
    });
    expect(dispatch(services, 'firm:run', { scenarioIds: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('deletes a saved run, restores the one deleted last, and purges the one before', () => {
    const [slump] = seedFirm();
    today = '2026-03-02';
    const first = call(services, 'firm:run', { scenarioIds: [slump] });
    today = '2026-03-03';
    const second = call(services, 'firm:run', { scenarioIds: [slump] });
    const ids = () => call(services, 'firm:runs').map((r) => r.id);
    expect(call(services, 'firm:deleterun', { id: first.id })).toEqual({ deleted: 1 });
    expect(ids()).toEqual([second.id]);
    expect(dispatch(services, 'firm:get', { id: first.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dispatch(services, 'firm:deleterun', { id: first.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(call(services, 'firm:restorerun', { id: first.id })).toMatchObject({ id: first.id, runDate: first.runDate });
    expect(call(services, 'firm:get', { id: first.id }).ranking).toEqual(first.ranking);
    // Deleting another run makes the earlier deletion final.
    call(services, 'firm:deleterun', { id: first.id });
    call(services, 'firm:deleterun', { id: second.id });
    expect(ids()).toEqual([]);
    expect(dispatch(services, 'firm:restorerun', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `Saved firm run ${first.id} can no longer be restored; only the run deleted last can be.` },
    });
    expect(services.db.prepare('SELECT count(*) FROM firm_runs').pluck().get()).toBe(1);
    expect(call(services, 'firm:restorerun', { id: second.id }).id).toBe(second.id);
    expect(dispatch(services, 'firm:restorerun', { id: second.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a replayed window, which the one-pass ranking cannot total, and saves no run', () => {
    const [slump] = seedFirm();
    const answer = dispatch(services, 'firm:run', { scenarioIds: [slump, 'replay-deepseek-monday-2025'] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('replays a past window') } });
    expect(call(services, 'firm:runs')).toEqual([]);
  });

  it('runs as a job with progress, and a cancelled job saves nothing', async () => {
    const [slump] = seedFirm();
    const started = call(services, 'firm:start', { scenarioIds: [slump] });
    expect(started).toMatchObject({ state: 'running', done: 0, total: 3 });
    call(services, 'firm:cancel');
    expect(await services.firm.settled()).toMatchObject({ state: 'cancelled', runId: null });
    expect(call(services, 'firm:runs')).toEqual([]);

    call(services, 'firm:start', { scenarioIds: [slump] });
    const done = await services.firm.settled();
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3, message: 'Stressed 3 clients.' });
    expect(call(services, 'firm:get', { id: done.runId! }).ranking.clients[0].clientName).toBe('Okafor');
    expect(call(services, 'firm:status')).toEqual(done);
  });
});

describe('firm-wide runs revalue options', () => {
  it("ranks a client holding NVDA calls by the calls' revalued loss (the AI bull story's figure)", () => {
    const dated = memoryServices({ today: () => '2025-01-24' });
    try {
      const down = saveScenario(dated, 'nvda-down', [{ target: 'symbol', value: 'NVDA', change: -0.1 }]);
      const { account } = addClient(dated, 'Bull', [['NVDA', 100, 140]]);
      addNvdaCalls(dated, account.id);
      const run = call(dated, 'firm:run', { scenarioIds: [down] });
      // Shares −1,400; calls 5 × 100 × (8.521720 − 14.574990) = −3,026.64 (test/shared/engine/ai-bull-book.test.ts).
      expect(run.ranking.clients[0].pnl).toBeCloseTo(-1400 - 3026.635356, 5);
      // Held at the model's value (5 × 100 × 14.57), the calls raise nothing in the Data column.
      expect(run.ranking.clients[0].health?.sentences.filter((x) => x.includes('by the model'))).toEqual([]);
    } finally {
      closeServices(dated);
    }
  });

  it("marks a client blocked in the Data column when a call's premium per share was entered as its price per contract", () => {
    const dated = memoryServices({ today: () => '2025-01-24' });
    try {
      const down = saveScenario(dated, 'nvda-down', [{ target: 'symbol', value: 'NVDA', change: -0.1 }]);
      const { account } = addClient(dated, 'Bull', [['NVDA', 100, 140]]);
      call(dated, 'positions:create', {
        accountId: account.id,
        symbol: 'NVDA 06/20/2025 150 C',
        quantity: 5,
        price: 14.57,
        volatility: 0.5,
      });
      const [row] = call(dated, 'firm:run', { scenarioIds: [down] }).ranking.clients;
      expect(row.health?.verdict).toBe('blocked');
      expect(row.health?.sentences[0]).toBe(
        'NVDA 20 Jun 2025 150 C ($72.85 held, $7,287.50 by the model) is held at about 1/100 of what the model gives at its underlying’s price: the price looks like the premium per share, not the price per contract.',
      );
    } finally {
      closeServices(dated);
    }
  });
});
