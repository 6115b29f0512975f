import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { builtInScenarios } from '../../../electron/services/scenario-library';
import { closeServices, type Services } from '../../../electron/services/services';
import { call, memoryServices, RESOURCES } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices({ seedSample: true });
});
afterEach(() => closeServices(services));

/** A minimal scenario file with `fields` added or replaced, as text. */
const scenarioJson = (fields: object) =>
  JSON.stringify({ format: 'aftershock-scenario', version: 1, id: 'x', name: 'X', kind: 'hypothetical', shocks: [], ...fields });

describe('built-in scenario library', () => {
  it('ships "AI capex thesis collapses" as exactly the card’s shocks', () => {
    const { scenario, builtIn } = call(services, 'scenarios:get', { id: 'ai-capex-collapse' });
    expect(builtIn).toBe(true);
    expect(scenario.shocks.map((s) => [s.target, s.value, s.change])).toEqual([
      ['industry', 'Semiconductors', -0.1],
      ['industry', 'Semiconductor Materials & Equipment', -0.1],
      ['symbol', 'ASML', -0.11],
      ['theme', 'ai-energy', -0.2],
    ]);
    expect(scenario.event).toMatchObject({ date: '2025-01-27', basis: { timing: 'premarket' } });
  });

  it('names a source for every named event and dates every one', () => {
    const library = builtInScenarios(RESOURCES);
    expect(library.length).toBeGreaterThanOrEqual(12);
    for (const s of library.filter((x) => x.tags.includes('named-event'))) {
      expect(s.event?.sources.length, s.id).toBeGreaterThan(0);
      expect(s.event?.date ?? s.event?.window?.to, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const shock of s.shocks) expect(shock.note, `${s.id} ${shock.target} ${shock.value}`).toBeTruthy();
    }
    const deepseek = library.find((s) => s.id === 'deepseek-monday-close')!;
    const nvda = deepseek.shocks.find((s) => s.target === 'symbol' && s.value === 'NVDA')!;
    expect(nvda.change).toBe(-0.1689);
    expect(deepseek.shocks.at(-1)).toMatchObject({ target: 'market', change: -0.0146 });
  });
});

describe('user scenarios', () => {
  it('duplicates a built-in to edit it, saves, exports, imports and deletes', () => {
    const copy = call(services, 'scenarios:duplicate', { id: 'ai-capex-collapse' });
    expect(copy).toMatchObject({ id: 'ai-capex-collapse-copy', name: 'AI capex thesis collapses (copy)' });
    const edited = call(services, 'scenarios:save', {
      scenario: { ...copy, shocks: [...copy.shocks, { target: 'market', value: '', change: -0.02, enabled: true }] },
    });
    expect(edited.shocks).toHaveLength(5);
    const { json, fileName } = call(services, 'scenarios:export', { id: copy.id });
    expect(fileName).toBe('ai-capex-collapse-copy.json');
    const imported = call(services, 'scenarios:import', { json });
    expect(imported.id).toBe('ai-capex-collapse-copy-2');
    expect(
      call(services, 'scenarios:list')
        .filter((s) => !s.builtIn)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['ai-capex-collapse-copy', 'ai-capex-collapse-copy-2']);
    call(services, 'scenarios:delete', { id: imported.id });
    expect(dispatch(services, 'scenarios:get', { id: imported.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps built-ins read-only', () => {
    const { scenario } = call(services, 'scenarios:get', { id: 'sp500-minus-20' });
    expect(dispatch(services, 'scenarios:save', { scenario })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch(services, 'scenarios:delete', { id: 'sp500-minus-20' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('cannot be deleted') },
    });
  });

  it.each([
    ['{not json', /^report\.json is not valid JSON/],
    ['{"format":"aftershock-scenario","version":2}', /^report\.json is not an Aftershock scenario: version/],
    [scenarioJson({ shocks: [{ target: 'sector', change: -0.1 }] }), /shocks\.0\.value a sector shock must name its sector/],
    [scenarioJson({ shocks: [{ target: 'market', change: -2 }] }), /shocks\.0\.change must be between −100% and \+1000%/],
    [scenarioJson({ __proto__x: 1 }), /unrecognized key/i],
    [
      scenarioJson({
        event: { basis: { timing: 'intraday', returns: 'price' }, sources: [{ title: 'Link', url: 'javascript:alert(document.domain)' }] },
      }),
      /event\.sources\.0\.url must be a web address starting with http:\/\/ or https:\/\//,
    ],
    [
      scenarioJson({ event: { basis: { timing: 'intraday', returns: 'price' }, sources: [{ title: 'Link', url: 'file:///etc/passwd' }] } }),
      /event\.sources\.0\.url must be a web address starting with http:\/\/ or https:\/\//,
    ],
    [
      scenarioJson({
        event: {
          basis: { timing: 'intraday', returns: 'price' },
          sources: [{ title: 'Link', url: 'data:text/html,<script>alert(1)</script>' }],
        },
      }),
      /event\.sources\.0\.url must be a web address/,
    ],
  ])('refuses a bad scenario file %#, naming the file and field, and stores nothing', (json, message) => {
    const before = call(services, 'scenarios:list').length;
    const result = dispatch(services, 'scenarios:import', { json, fileName: 'report.json' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(call(services, 'scenarios:list')).toHaveLength(before);
  });
});

describe('scenario files from other editors', () => {
  it('accepts a file that starts with a UTF-8 byte-order mark (Windows Notepad) and http(s) source links', () => {
    const { json } = call(services, 'scenarios:export', { id: 'ai-capex-collapse' });
    const withLinks = JSON.parse(json);
    withLinks.event.sources = [
      { title: 'Page', url: 'https://www.bloomberg.com/news' },
      { title: 'Plain', url: 'http://example.com/a' },
    ];
    const imported = call(services, 'scenarios:import', { json: `\uFEFF${JSON.stringify(withLinks)}`, fileName: 'notepad.json' });
    expect(imported).toMatchObject({ id: 'ai-capex-collapse-2', name: 'AI capex thesis collapses' });
    expect(imported.event!.sources.map((s) => s.url)).toEqual(['https://www.bloomberg.com/news', 'http://example.com/a']);
  });
});

describe('stress commands on the sample portfolio', () => {
  it('runs "S&P 500 −20%": everything but cash falls 20%', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const holdings = call(services, 'portfolios:holdings', { id: portfolio.id });
    const nonCash = holdings.positions.filter((p) => p.assetClass !== 'cash').reduce((s, p) => s + (p.baseValue ?? 0), 0);
    const result = call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: 'sp500-minus-20', by: ['account'] });
    expect(result.valueBefore).toBeCloseTo(holdings.totalBaseValue, 6);
    expect(result.pnl).toBeCloseTo(-0.2 * nonCash, 6);
    expect(result.aggregates.account!.map((r) => r.key)).toEqual(['Individual brokerage', 'Roth IRA', 'European account']);
    const reverse = call(services, 'stress:reverse', { portfolioId: portfolio.id, scenarioId: 'sp500-minus-20', loss: 0.3 });
    expect(reverse.method).toBe('linear');
    expect(reverse.scale).toBeCloseTo((0.3 * holdings.totalBaseValue) / (0.2 * nonCash), 9);
  });

  it('accepts an inline scenario and refuses both or neither', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const inline = {
      format: 'aftershock-scenario' as const,
      version: 1 as const,
      id: 'what-if',
      name: 'What if',
      kind: 'hypothetical' as const,
      shocks: [{ target: 'symbol' as const, value: 'NVDA', change: -0.5 }],
    };
    expect(call(services, 'stress:run', { portfolioId: portfolio.id, scenario: inline }).pnl).toBeCloseTo(-0.5 * 400 * 138.79, 6);
    expect(dispatch(services, 'stress:run', { portfolioId: portfolio.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('either scenarioId or scenario') },
    });
    expect(dispatch(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: 'sp500-minus-20', scenario: inline })).toMatchObject({
      ok: false,
    });
  });

  it('gives the renderer a snapshot the engine can run on', () => {
    const [portfolio] = call(services, 'portfolios:list', {});
    const snapshot = call(services, 'stress:snapshot', { portfolioId: portfolio.id });
    expect(snapshot.positions).toHaveLength(26);
    expect(snapshot.reference.fxRates.map((r) => r.currency)).toContain('EUR');
  });
});

describe('rates +100bp on the sample, via bundled durations and the ones you enter', () => {
  it('moves TLT by −duration × 1%: the ETF master’s duration, then yours, which wins until cleared', () => {
    const services = memoryServices({ seedSample: true, loadReference: true });
    const [portfolio] = call(services, 'portfolios:list', {});
    const before = call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: 'rates-plus-100bp' });
    // The bundled (ETF master) effective duration of TLT is 16.5 years; nothing else in the sample has a duration.
    expect(call(services, 'securities:show', { symbol: 'TLT' }).classification.duration).toEqual({ years: 16.5, source: 'bundled' });
    expect(before.positions.find((p) => p.symbol === 'TLT')!.return).toBeCloseTo(-0.165, 12);
    expect(before.pnl).toBeCloseTo(300 * 88.57 * -0.165, 6);
    expect(call(services, 'securities:duration', { symbol: 'tlt', years: 10 })).toEqual({ symbol: 'TLT', years: 10 });
    const after = call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: 'rates-plus-100bp' });
    const tlt = after.positions.find((p) => p.symbol === 'TLT');
    expect(tlt!.return).toBeCloseTo(-0.1, 12);
    expect(after.pnl).toBeCloseTo(300 * 88.57 * -0.1, 6);
    expect(call(services, 'securities:show', { symbol: 'TLT' }).classification.duration).toEqual({ years: 10, source: 'user' });
    expect(dispatch(services, 'securities:duration', { symbol: 'TLT', years: -1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    call(services, 'securities:duration', { symbol: 'TLT', years: null });
    expect(call(services, 'stress:run', { portfolioId: portfolio.id, scenarioId: 'rates-plus-100bp' }).pnl).toBeCloseTo(
      300 * 88.57 * -0.165,
      6,
    );
    closeServices(services);
  });
});
