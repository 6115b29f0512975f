import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, createServices, type Services } from '../../../electron/services/services';
import { call, RESOURCES } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = createServices({ dbPath: ':memory:', shell: 'test', version: 't', resourcesDir: RESOURCES, today: () => '2026-11-29' });
});
afterEach(() => closeServices(services));

const scenarioIds = ['ai-capex-collapse', 'deepseek-monday-close', 'sp500-minus-20'];

describe('report model for the sample portfolio', () => {
  it('summarises each scenario exactly as the engine does, and names the worst', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const model = call(services, 'reports:build', { portfolioId: portfolio.id, scenarioIds });
    expect(model.settings).toMatchObject({ clientName: 'Sample client — Alex Morgan', date: '2026-11-29', lookThrough: true });
    expect(model.portfolio).toMatchObject({ name: 'Growth & AI', positionCount: 26, accountCount: 3, baseCurrency: 'USD' });
    for (const id of scenarioIds) {
      const direct = call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: id });
      const line = model.summary.find((s) => s.scenarioId === id);
      expect(line!.pnl).toBeCloseTo(direct.pnl, 9);
      expect(line!.return).toBeCloseTo(direct.return!, 12);
    }
    expect(model.worstScenarioId).toBe('sp500-minus-20');
    const section = model.sections[0];
    // Without the appendix the model carries no position lists: the scenario page shows the five largest moves.
    expect(section.positions).toEqual([]);
    expect(model.holdings).toEqual([]);
    expect(section.contributors.length).toBe(5);
    expect(section.contributors[0].pnl).toBeLessThanOrEqual(section.contributors.at(-1)!.pnl);
    // The sample holds EUR (LDO.MI and euro cash): the one rate that converts it is listed, none of the other crosses.
    expect(model.methodology.fxRates).toEqual([expect.stringMatching(/^EUR\/USD 1\.0465 on (21 February 2025|February 21, 2025), ECB/)]);
    expect(model.methodology.fundHoldings.some((f: string) => f.startsWith('QQQ: Invesco QQQ holdings, as of '))).toBe(true);
    expect(model.methodology.fundHoldings.some((f: string) => f.startsWith('ARKK'))).toBe(false);
    // The top drivers are the holdings' largest losses over the scenarios, largest first.
    expect(model.drivers).toHaveLength(5);
    expect(model.drivers.map((d: { pnl: number }) => d.pnl)).toEqual(
      [...model.drivers.map((d: { pnl: number }) => d.pnl)].sort((a, b) => a - b),
    );
    expect(model.concentration.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['holding', 'theme', 'overlap']));
    expect(model.concentration.find((c: { kind: string }) => c.kind === 'overlap')!.sentence).toMatch(
      /^NVDA is held directly \(\$55,516\) and again through QQQ, SPY, VGT/,
    );
  });

  it('lists only the shocks that reach the portfolio and counts the rest; the appendix adds every position and shock', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const model = call(services, 'reports:build', { portfolioId: portfolio.id, scenarioIds: ['deepseek-monday-close'] });
    const [section] = model.sections;
    expect(section.shocks.length + section.unreachedShocks).toBe(54);
    expect(section.unreachedShocks).toBeGreaterThan(0);
    expect(section.shocks.every((s: { holdings: number }) => s.holdings > 0)).toBe(true);
    expect(section.allShocks).toEqual([]);
    expect(section.citations.join(' ')).not.toMatch(/\.\.\/|shared\/|seed|fixture/);
    const full = call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds: ['deepseek-monday-close'],
      settings: { appendix: true },
    });
    expect(full.sections[0].allShocks).toHaveLength(54);
    expect(full.sections[0].positions).toHaveLength(26);
    expect(full.holdings.reduce((s: number, h: { value: number }) => s + h.value, 0)).toBeCloseTo(full.valueBefore, 6);
  });

  it('includes a historical replay as the replay command computes it', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const model = call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds: ['ai-capex-collapse', 'replay-deepseek-monday-2025'],
    });
    const replay = call(services, 'stress:replay', { portfolioId: portfolio.id, from: '2025-01-24', to: '2025-01-27' });
    const line = model.summary.find((s) => s.scenarioId === 'replay-deepseek-monday-2025');
    expect(line!.pnl).toBeCloseTo(replay.pnl, 9);
    expect(model.sections[1].result.history).toMatchObject({ mode: 'replay', from: '2025-01-24', to: '2025-01-27' });
    expect(model.sections[1].result.coverage.explicit.share).toBeGreaterThan(0.8);
  });

  it('remembers settings per client, except the date', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds,
      settings: { firmName: 'Northwind Advisors', advisorName: 'Sam Lee', date: '2020-01-01' },
      remember: true,
    });
    expect(call(services, 'reports:settings', { portfolioId: portfolio.id })).toMatchObject({
      firmName: 'Northwind Advisors',
      advisorName: 'Sam Lee',
      date: '2026-11-29',
    });
  });

  it('starts every client from the firm defaults, which a client can override', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const lee = call(services, 'clients:create', { name: 'Lee' });
    const other = call(services, 'portfolios:create', { clientId: lee.id, name: 'Lee main' });
    call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds,
      settings: { firmName: 'Northwind Advisors', advisorName: 'Sam Lee', advisorContact: 'sam@northwind.example', pageSize: 'Letter' },
      rememberFirm: true,
    });
    expect(call(services, 'reports:settings', { portfolioId: other.id })).toMatchObject({
      clientName: 'Lee',
      firmName: 'Northwind Advisors',
      advisorContact: 'sam@northwind.example',
      pageSize: 'Letter',
      appendix: false,
    });
    // A client's own advisor stays its own; a later change of the firm's name still reaches it.
    call(services, 'reports:build', { portfolioId: other.id, scenarioIds, settings: { advisorName: 'Kim Ng' }, remember: true });
    call(services, 'reports:build', {
      portfolioId: portfolio.id,
      scenarioIds,
      settings: { firmName: 'Northwind LLP' },
      rememberFirm: true,
    });
    expect(call(services, 'reports:settings', { portfolioId: other.id })).toMatchObject({
      firmName: 'Northwind LLP',
      advisorName: 'Kim Ng',
    });
  });

  it.each([
    [{ scenarioIds: [] }, /scenarioIds must name at least one scenario/],
    [{ scenarioIds: ['no-such-scenario'] }, /There is no scenario "no-such-scenario"/],
    [{ scenarioIds, settings: { logo: 'javascript:alert(1)' } }, /settings\.logo must be a PNG, JPEG or SVG image/],
    [{ scenarioIds, settings: { date: 'tomorrow' } }, /settings\.date must be a date/],
  ])('refuses %j with a sentence', (request, message) => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const result = dispatch(services, 'reports:build', { portfolioId: portfolio.id, ...request });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('says PDF printing needs the async transport and a printer', async () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    expect(dispatch(services, 'reports:pdf', { portfolioId: portfolio.id, scenarioIds })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const { dispatchAsync } = await import('../../../electron/handlers/dispatch');
    expect(await dispatchAsync(services, 'reports:pdf', { portfolioId: portfolio.id, scenarioIds })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('export the HTML report instead') },
    });
  });
});

describe('which printer the CLI uses', () => {
  it('finds an installed Electron binary without starting its download, and none when absent', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { findElectronBinary } = await import('../../../electron/reports/electron-binary');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-electron-'));
    expect(findElectronBinary(root)).toBeNull();
    fs.mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root)).toBeNull();
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(root)).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
    fs.rmSync(root, { recursive: true, force: true });
  });
});
