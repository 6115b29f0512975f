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
    expect(section.positions).toHaveLength(26);
    expect(section.contributors.length).toBeLessThanOrEqual(10);
    expect(section.contributors[0].pnl).toBeLessThanOrEqual(section.contributors.at(-1)!.pnl);
    expect(model.holdings.reduce((s: number, h: { value: number }) => s + h.value, 0)).toBeCloseTo(model.valueBefore, 6);
    expect(
      model.dataAsOf.fxRates.filter((f: string) => /^EUR\/USD 1\.0465 as of 2025-02-21 \(ECB euro reference rate/.test(f)),
    ).toHaveLength(1);
    expect(model.dataAsOf.fundHoldings.some((f: string) => f.startsWith('QQQ as of'))).toBe(true);
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
