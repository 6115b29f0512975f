import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { useStore } from '../../../renderer/src/store/store';
import { addClient, saveScenario } from '../../helpers/firm';
import { apiFor, call, memoryServices } from '../../helpers/services';

let services: Services;
const initial = useStore.getState();

/** The date the services see; a test moves it. */
let today = '2026-03-02';
beforeEach(() => {
  today = '2026-03-02';
  services = memoryServices({ today: () => today });
  (globalThis as unknown as { window: unknown }).window = { api: apiFor(services) };
  useStore.setState(initial, true);
  saveScenario(services, 'dip', [{ target: 'market', value: '', change: -0.1 }]);
  addClient(services, 'Lee', [['AAPL', 10, 200]]);
  addClient(services, 'Patel', [['NVDA', 100, 100]]);
});
afterEach(() => closeServices(services));

describe('advisor slice against the real handlers', () => {
  it('runs the firm-wide job to the end, opens the saved run and compares it with an earlier day', async () => {
    today = '2026-03-01';
    await useStore.getState().startFirmRun(['dip']);
    today = '2026-03-02';
    await useStore.getState().startFirmRun(['dip']);
    const state = useStore.getState();
    expect(state.firmStatus).toMatchObject({ state: 'done', done: 2, total: 2 });
    expect(state.firmRun?.runDate).toBe('2026-03-02');
    expect(state.firmRun?.ranking.clients.map((c) => [c.clientName, c.pnl])).toEqual([
      ['Patel', -1000],
      ['Lee', -200],
    ]);
    expect(state.firmBaseline?.runDate).toBe('2026-03-01');
    expect(state.firmRuns.map((r) => r.runDate)).toEqual(['2026-03-02', '2026-03-01']);
  });

  it('cancels a running job: nothing is saved and no run opens', async () => {
    const running = useStore.getState().startFirmRun(['dip']);
    await useStore.getState().cancelFirmRun();
    await running;
    expect(useStore.getState().firmStatus).toMatchObject({ state: 'cancelled', runId: null });
    expect(useStore.getState().firmRun).toBeNull();
    expect(call(services, 'firm:runs')).toEqual([]);
  });

  it('edits a proposal, re-compares after each edit, and discards it', async () => {
    const portfolioId = call(services, 'portfolios:list', {}).find((p) => p.clientName === 'Patel')!.id;
    await useStore.getState().startProposal(portfolioId);
    await useStore.getState().compareProposal(['dip']);
    const nvda = useStore.getState().proposal!.positions[0];
    expect(await useStore.getState().editProposalPosition(nvda.id, { quantity: 50 })).toBe(true);
    expect(useStore.getState().comparison?.scenarios[0]).toMatchObject({ current: { pnl: -1000 }, proposed: { pnl: -500 } });
    await useStore.getState().discardProposal();
    expect(useStore.getState().proposal).toBeNull();
    expect(call(services, 'portfolios:holdings', { id: portfolioId }).positions[0].quantity).toBe(100);
  });

  it('applies a proposal, then undoes it from the notice: the holdings are back as they were', async () => {
    const portfolioId = call(services, 'portfolios:list', {}).find((p) => p.clientName === 'Patel')!.id;
    const quantities = () => call(services, 'portfolios:holdings', { id: portfolioId }).positions.map((p) => [p.symbol, p.quantity]);
    await useStore.getState().startProposal(portfolioId);
    await useStore.getState().editProposalPosition(useStore.getState().proposal!.positions[0].id, { quantity: 40 });
    expect(await useStore.getState().applyProposal()).toBe(true);
    expect(quantities()).toEqual([['NVDA', 40]]);
    const notice = useStore.getState().notices.at(-1)!;
    expect(notice.message).toBe('Applied the proposal: “Main” now holds 1 position.');
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 30));
    expect(quantities()).toEqual([['NVDA', 100]]);
    expect(useStore.getState().notices.at(-1)?.message).toBe('Undid applying the proposal “Proposal”: removed 1, restored 1 position.');
  });

  it('deletes the open saved run and brings it back from the notice', async () => {
    await useStore.getState().startFirmRun(['dip']);
    const run = useStore.getState().firmRun!;
    await useStore.getState().deleteFirmRun(run.id);
    expect(useStore.getState().firmRun).toBeNull();
    expect(useStore.getState().firmRuns).toEqual([]);
    const notice = useStore.getState().notices.at(-1)!;
    expect(notice.message).toBe(`Deleted the saved run of ${run.runDate}.`);
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 30));
    expect(useStore.getState().firmRuns.map((r) => r.id)).toEqual([run.id]);
    expect(useStore.getState().firmRun?.ranking).toEqual(run.ranking);
  });
});
