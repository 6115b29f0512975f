import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('from-text');
const db = path.join(dir, 'news.sqlite');

const run = (args: string[]) => runCli(args, db);

const STORY = `FRANKFURT, Jan 27 (Reuters) - NVIDIA slid 10% premarket, ASML was down 11% and Siemens Energy slid 20%, while Nasdaq 100 futures tumbled 3.4% and S&P 500 futures fell 2%.

Elsewhere in Europe, Infineon Technologies AG fell 6.5% in Frankfurt.
`;

describe('aftershock scenarios from-text', () => {
  const story = path.join(dir, 'deepseek.txt');
  const out = path.join(dir, 'deepseek.json');
  fs.writeFileSync(story, STORY);

  it('prints each move with its target, size, basis, confidence and words, and the names it could not match', async () => {
    const result = await run([
      'scenarios',
      'from-text',
      story,
      '--date',
      '2025-01-27',
      '--publisher',
      'Reuters',
      '--name',
      'DeepSeek premarket',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('“DeepSeek premarket” from deepseek.txt: 6 moves found, 5 matched.');
    expect(lines[3]).toMatch(/^1\s+NVIDIA\s+symbol NVDA\s+−10%\s+premarket\s+high \(0\.90\)\s+“NVIDIA slid 10%”$/);
    expect(lines[4]).toMatch(/^2\s+ASML\s+symbol ASML\s+−11%\s+premarket\s+high \(0\.90\)\s+“ASML was down 11%”$/);
    // The bundled master holds Siemens Energy's Xetra listing, so it is matched.
    expect(lines[5]).toMatch(/^3\s+Siemens Energy\s+symbol ENR\.DE\s+−20%\s+premarket/);
    expect(lines[6]).toMatch(/^4\s+Nasdaq 100 futures\s+symbol QQQ\s+−3\.4%\s+premarket/);
    expect(lines[7]).toMatch(/^5\s+S&P 500 futures\s+market \(S&P 500\)\s+−2%\s+premarket/);
    expect(lines[8]).toMatch(/^6\s+Infineon Technologies AG\s+not matched\s+−6\.5%\s+unspecified\s+high \(0\.90\)/);
    expect(result.out).toContain('not matched: Infineon Technologies AG (−6.5%)');
    expect(result.out).toContain(`Wrote ${out}`);
  });

  it('writes a scenario file that "stress --scenario FILE" runs, the same as the shocks typed by hand', async () => {
    const written = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(written.shocks.map((s: { target: string; value: string; change: number }) => [s.target, s.value, s.change])).toEqual([
      ['symbol', 'NVDA', -0.1],
      ['symbol', 'ASML', -0.11],
      ['symbol', 'ENR.DE', -0.2],
      ['symbol', 'QQQ', -0.034],
      ['market', '', -0.02],
    ]);
    expect(written.shocks[0].note).toBe(`“${STORY.split('\n')[0]}”`);
    expect(written.event).toMatchObject({
      date: '2025-01-27',
      basis: { timing: 'premarket' },
      sources: [{ title: 'Reuters, 2025-01-27' }],
    });
    const byHand = path.join(dir, 'by-hand.json');
    fs.writeFileSync(
      byHand,
      JSON.stringify({
        format: 'aftershock-scenario',
        version: 1,
        id: 'by-hand',
        name: 'By hand',
        kind: 'hypothetical',
        shocks: [
          { target: 'symbol', value: 'NVDA', change: -0.1 },
          { target: 'symbol', value: 'ASML', change: -0.11 },
          { target: 'symbol', value: 'ENR.DE', change: -0.2 },
          { target: 'symbol', value: 'QQQ', change: -0.034 },
          { target: 'market', change: -0.02 },
        ],
      }),
    );
    const drafted = await run(['stress', '--portfolio', 'Growth & AI', '--scenario', out, '--json']);
    expect(drafted.code).toBe(0);
    const fromStory = JSON.parse(drafted.out);
    const typed = JSON.parse((await run(['stress', '--portfolio', 'Growth & AI', '--scenario', byHand, '--json'])).out);
    expect(fromStory.scenarioName).toBe('DeepSeek premarket');
    expect(fromStory.pnl).toBeLessThan(0);
    expect(fromStory.pnl).toBeCloseTo(typed.pnl, 6);
    const nvda = fromStory.positions.find((p: { symbol: string }) => p.symbol === 'NVDA');
    expect(nvda.return).toBeCloseTo(-0.1, 12);
  });

  it('gives the whole draft as JSON, and reads an HTML page as its text', async () => {
    const page = path.join(dir, 'page.html');
    fs.writeFileSync(
      page,
      `<html><body><script>document.write("Apple rose 50%")</script><p>Chip stocks fell 9%&nbsp;and utilities rose 1%.</p></body></html>`,
    );
    const draft = JSON.parse((await run(['scenarios', 'from-text', page, '--json'])).out);
    expect(
      draft.proposals.map((p: { subject: string; change: number; target: { value: string } }) => [p.subject, p.change, p.target.value]),
    ).toEqual([
      ['Chip stocks', -0.09, 'Semiconductors'],
      ['utilities', 0.01, 'Utilities'],
    ]);
    expect(draft.scenario.id).toBe('news-story');
  });

  it('refuses a story without moves, a wrong date and a text over 1 MB, each in one sentence', async () => {
    const calm = path.join(dir, 'calm.txt');
    fs.writeFileSync(calm, 'Markets were closed for the holiday.');
    expect(await run(['scenarios', 'from-text', calm])).toMatchObject({
      code: 1,
      err: 'aftershock: calm.txt: No reported moves found: the text names no price move with a size (such as “Nvidia slid 10%”).',
    });
    expect(await run(['scenarios', 'from-text', story, '--date', '27/01/2025'])).toMatchObject({
      code: 1,
      err: 'aftershock: --date must be a date in YYYY-MM-DD form, not "27/01/2025".',
    });
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, 'Nvidia slid 10%. '.repeat(70_000));
    const refused = await run(['scenarios', 'from-text', huge]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('text must be at most 1 MB (1,000,000 characters)');
    expect(await run(['scenarios', 'from-text', path.join(dir, 'missing.txt')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('Cannot read'),
    });
  });
});
