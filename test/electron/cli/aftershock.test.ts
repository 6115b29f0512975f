import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { COVERAGE_PARTS } from '../../../shared/engine';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { PRESETS } from '../../../shared/import/presets';

const dir = tempDir('cli');
const BIN = path.join(__dirname, '..', '..', '..', 'out', 'cli', 'aftershock.js');

describe('aftershock CLI', () => {
  it('prints help and the version', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('portfolios list') });
    expect(await run([])).toMatchObject({ code: 2 });
  });

  it('names every import preset in the overview, within the width of the rest of it', async () => {
    const { out } = await run(['--help']);
    const formats = out.slice(out.indexOf('formats:'), out.indexOf('(auto-detected by default)')).replace(/\s+/g, ' ');
    for (const preset of PRESETS) expect(formats, preset.id).toMatch(new RegExp(`[ :]${preset.id}[,]?( |$)`));
    const lines = out.slice(out.indexOf('formats:')).split('\n').slice(0, 6);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(84);
  });

  it('lists the sample portfolio as a table and as JSON, with --db anywhere on the line', async () => {
    const db = path.join(dir, 'a.sqlite');
    const table = await run(['portfolios', '--db', db, 'list']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Sample client — Alex Morgan\s+Growth & AI\s+3\s+26\s+\$626,964\.29/);
    const json = await run(['--json', 'portfolios', 'list', `--db=${db}`]);
    const [portfolio] = JSON.parse(json.out);
    expect(portfolio).toMatchObject({ name: 'Growth & AI', positionCount: 26, baseCurrency: 'USD' });
    expect(portfolio.totalValue).toBeCloseTo(626964.286, 3);
  });

  it('answers mistakes with one sentence on stderr and a non-zero exit', async () => {
    const db = path.join(dir, 'b.sqlite');
    expect(await run(['portfolios', 'explode', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: "portfolios explode" is not a command; use one of: portfolios list.',
    });
    expect(await run(['wat', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "wat"') });
    expect(await run(['portfolios', 'list', '--nope'])).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--nope'") });
  });

  it('refuses a newer database in one sentence, with the stack only under --debug', async () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('application_id = 0x41465453'); // an Aftershock database ("AFTS")
    raw.pragma('user_version = 999');
    raw.close();
    const plain = await run(['portfolios', 'list', '--db', file]);
    expect(plain.code).toBe(1);
    expect(plain.err.split('\n')).toHaveLength(1);
    expect(plain.err).toMatch(/newer version of Aftershock/);
    expect((await run(['portfolios', 'list', '--db', file, '--debug'])).err).toMatch(/\n\s+at /);
  });

  it.skipIf(!fs.existsSync(BIN))('runs as the built bin under plain Node (skipped until `npm run build`)', () => {
    const db = path.join(dir, 'bin.sqlite');
    const out = execFileSync(process.execPath, [BIN, 'portfolios', 'list', '--json', '--db', db], { encoding: 'utf8' });
    expect(JSON.parse(out)[0].name).toBe('Growth & AI');
    const bad = spawnSync(process.execPath, [BIN, 'portfolios', 'list', '--db', path.join(dir)], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^aftershock: ".*" is not a file/);
  });
});

describe('aftershock stress, reverse and scenarios', () => {
  const db = path.join(dir, 'stress.sqlite');

  it('stresses the sample portfolio with totals, groups, coverage and positions', async () => {
    const table = await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--by', 'account', '--db', db]);
    expect(table.code).toBe(0);
    // The sample's prices are dated: the data-health warnings come first, each on its own line, then the result.
    expect(table.out).toMatch(/^Warning: 23 prices are more than 7 days old/);
    expect(table.out).toMatch(
      /^\(See "aftershock health" for each one and what to do\.\)\n\nS&P 500 −20% on “Growth & AI”\nValue \$626,964\.29 → /m,
    );
    expect(table.out).toContain('By account:');
    expect(table.out).toMatch(/SPAXX\s+Individual brokerage\s+\$18,500\.00\s+\$0\.00\s+0%\s+Not shocked: cash/);
    const json = JSON.parse((await run(['stress', '--portfolio', '1', '--scenario', 'sp500-minus-20', '--json', '--db', db])).out);
    expect(json.positions).toHaveLength(26);
    expect(json.positions[0]).toEqual(
      expect.objectContaining({ symbol: expect.any(String), value: expect.any(Number), pnl: expect.any(Number) }),
    );
    expect(COVERAGE_PARTS.reduce((sum, part) => sum + json.coverage[part].share, 0)).toBeCloseTo(1, 12);
    expect(table.out).toMatch(/^Coverage of \$626,964\.29: [\d.]+% shocked directly, .* and [\d.]+% not moved: no shock matches\.$/m);
  });

  it('writes guarded CSV', async () => {
    const csv = (await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--csv', '--db', db])).out.split(
      '\r\n',
    );
    expect(csv[0]).toBe('symbol,name,account,currency,value_USD,pnl_USD,return,source,applied');
    expect(csv).toHaveLength(27);
  });

  it('reads a scenario file and answers reverse stress', async () => {
    const file = path.join(dir, 'what-if.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'aftershock-scenario',
        version: 1,
        id: 'what-if',
        name: 'Semis halve',
        kind: 'hypothetical',
        shocks: [{ target: 'symbol', value: 'NVDA', change: -0.5 }],
      }),
    );
    // With look-through off only the direct NVDA holding moves; with it on, NVDA inside QQQ, SPY and VGT moves too.
    const direct = JSON.parse(
      (await run(['stress', '--portfolio', 'Growth & AI', '--scenario', file, '--json', '--look-through', 'off', '--db', db])).out,
    );
    expect(direct.pnl).toBeCloseTo(-0.5 * 400 * 138.79, 6);
    const through = JSON.parse((await run(['stress', '--portfolio', 'Growth & AI', '--scenario', file, '--json', '--db', db])).out);
    expect(through.pnl).toBeLessThan(direct.pnl);
    expect(through.coverage.throughFunds.value).toBeGreaterThan(0);
    const reverse = await run(['reverse', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--loss', '30%', '--db', db]);
    expect(reverse.code).toBe(0);
    expect(reverse.out).toMatch(/^“S&P 500 −20%” loses 30\.00% when every shock is multiplied by 1\.\d{4}\./);
    const impossible = await run(['reverse', '--portfolio', 'Growth & AI', '--scenario', file, '--loss', '50%', '--db', db]);
    expect(impossible.code).toBe(1);
    expect(impossible.out).toMatch(/^No scaling of “Semis halve” loses 50\.00%/);
  });

  it('lists, shows, exports and imports scenarios', async () => {
    expect((await run(['scenarios', 'list', '--db', db])).out).toMatch(
      /ai-capex-collapse\s+AI capex thesis collapses\s+4\s+2025-01-27\s+built-in/,
    );
    expect((await run(['scenarios', 'show', 'ai-capex-collapse', '--db', db])).out).toContain(
      'Source: Bloomberg premarket market report, 27 Jan 2025',
    );
    const out = path.join(dir, 'exported.json');
    await run(['scenarios', 'export', 'ai-capex-collapse', '--out', out, '--db', db]);
    expect((await run(['scenarios', 'import', out, '--db', db])).out).toBe('Imported “AI capex thesis collapses” as ai-capex-collapse-2.');
  });

  it.each([
    [['stress', '--scenario', 'sp500-minus-20'], /needs --portfolio/],
    [['stress', '--portfolio', 'Nope', '--scenario', 'sp500-minus-20'], /There is no portfolio "Nope"\. Portfolios: "Growth & AI"\./],
    [['stress', '--portfolio', 'Growth & AI', '--scenario', 'no-such'], /There is no scenario "no-such"/],
    [['stress', '--portfolio', 'Growth & AI', '--scenario', 'x.json'], /Cannot read the scenario file "x\.json"/],
    [['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--by', 'mood'], /--by must be one of/],
    [
      ['stress', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--look-through', 'maybe'],
      /--look-through must be "on" or "off"/,
    ],
    [['reverse', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--loss', 'lots'], /--loss must be a loss such as 20%/],
  ])('refuses %j with one sentence', async (args, message) => {
    const result = await run([...args, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });
});

describe('aftershock reference commands', () => {
  it('shows a security, an exposure table and JSON, and refuses bad options in one sentence', async () => {
    const db = path.join(dir, 'ref.sqlite');
    const show = await run(['securities', 'show', 'vst', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/sector\s+Utilities\s+bundled/);
    expect(show.out).toMatch(/themes\s+ai-energy\s+bundled/);
    const json = JSON.parse((await run(['securities', 'show', 'QQQ', '--json', '--db', db])).out as string);
    expect(json.fund).toMatchObject({ asOf: '2025-10-04', origin: 'bundled' });
    const exposure = await run(['exposure', '--portfolio', 'growth & ai', '--by', 'sector', '--db', db]);
    expect(exposure.out).toMatch(/Information Technology\s+\$302,748\.38\s+48\.29%/);
    const through = JSON.parse(
      (await run(['exposure', '--portfolio', 'Growth & AI', '--by', 'symbol', '--look-through', '--json', '--db', db])).out as string,
    );
    expect(through.lookThrough).toBe(true);
    expect(through.total).toBeCloseTo(626964.286, 3);
    expect((await run(['securities', 'unclassified', '--portfolio', 'Growth & AI', '--db', db])).out).toBe(
      'Every holding of this portfolio has a sector.',
    );
    expect(await run(['exposure', '--portfolio', 'Nope', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: There is no portfolio "Nope". Portfolios: "Growth & AI".',
    });
    expect(await run(['exposure', '--portfolio', 'Growth & AI', '--by', 'planet', '--db', db])).toMatchObject({
      code: 1,
      err: 'aftershock: --by must be one of sector, industry, theme, country, symbol, not "planet".',
    });
  });

  it('reports an offline market refresh calmly with a non-zero exit', async () => {
    const db = path.join(dir, 'market.sqlite');
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    try {
      expect(await run(['market', 'refresh', '--db', db])).toMatchObject({
        code: 1,
        err: 'aftershock: Aftershock could not reach Yahoo Finance, so you seem to be offline. Everything else keeps its bundled or cached data. Nothing else was changed.',
      });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
