import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/aftershock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-cli-'));
const BIN = path.join(__dirname, '..', '..', 'out', 'cli', 'aftershock.js');

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('aftershock CLI', () => {
  it('prints help and the version', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('portfolios list') });
    expect(run([])).toMatchObject({ code: 2 });
  });

  it('lists the sample portfolio as a table and as JSON, with --db anywhere on the line', () => {
    const db = path.join(dir, 'a.sqlite');
    const table = run(['portfolios', '--db', db, 'list']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Sample client — Alex Morgan\s+Growth & AI\s+3\s+26\s+\$626,964\.29/);
    const json = run(['--json', 'portfolios', 'list', `--db=${db}`]);
    const [portfolio] = JSON.parse(json.out);
    expect(portfolio).toMatchObject({ name: 'Growth & AI', positionCount: 26, baseCurrency: 'USD' });
    expect(portfolio.totalValue).toBeCloseTo(626964.286, 3);
  });

  it('answers mistakes with one sentence on stderr and a non-zero exit', () => {
    const db = path.join(dir, 'b.sqlite');
    expect(run(['portfolios', 'explode', '--db', db])).toMatchObject({ code: 1, err: 'aftershock: "portfolios explode" is not a command; use one of: portfolios list.' });
    expect(run(['wat', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "wat"') });
    expect(run(['portfolios', 'list', '--nope'])).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--nope'") });
  });

  it('refuses a newer database in one sentence, with the stack only under --debug', () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const plain = run(['portfolios', 'list', '--db', file]);
    expect(plain.code).toBe(1);
    expect(plain.err.split('\n')).toHaveLength(1);
    expect(plain.err).toMatch(/newer version of Aftershock/);
    expect(run(['portfolios', 'list', '--db', file, '--debug']).err).toMatch(/\n\s+at /);
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

describe('aftershock reference commands', () => {
  it('shows a security, an exposure table and JSON, and refuses bad options in one sentence', () => {
    const db = path.join(dir, 'ref.sqlite');
    const show = run(['securities', 'show', 'vst', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/sector\s+Utilities\s+bundled/);
    expect(show.out).toMatch(/themes\s+ai-energy\s+bundled/);
    const json = JSON.parse(run(['securities', 'show', 'QQQ', '--json', '--db', db]).out as string);
    expect(json.fund).toMatchObject({ asOf: '2025-10-04', origin: 'bundled' });
    const exposure = run(['exposure', '--portfolio', 'growth & ai', '--by', 'sector', '--db', db]);
    expect(exposure.out).toMatch(/Information Technology\s+\$302,748\.38\s+48\.29%/);
    const through = JSON.parse(run(['exposure', '--portfolio', 'Growth & AI', '--by', 'symbol', '--look-through', '--json', '--db', db]).out as string);
    expect(through.lookThrough).toBe(true);
    expect(through.total).toBeCloseTo(626964.286, 3);
    expect(run(['securities', 'unclassified', '--portfolio', 'Growth & AI', '--db', db]).out).toBe('Every holding of this portfolio has a sector.');
    expect(run(['exposure', '--portfolio', 'Nope', '--db', db])).toMatchObject({ code: 1, err: 'aftershock: There is no portfolio "Nope"; "aftershock portfolios list" shows them.' });
    expect(run(['exposure', '--portfolio', 'Growth & AI', '--by', 'planet', '--db', db])).toMatchObject({ code: 1, err: 'aftershock: --by must be one of sector, industry, theme, country, symbol, not "planet".' });
  });

  it('reports an offline market refresh calmly with a non-zero exit', async () => {
    const db = path.join(dir, 'market.sqlite');
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    try {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['market', 'refresh', '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) });
      expect(code).toBe(1);
      expect(err).toEqual(['aftershock: Aftershock could not reach Yahoo Finance, so you seem to be offline. Everything else keeps its bundled or cached data. Nothing else was changed.']);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
