import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../electron/cli/terminal';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('cli-terminal');
const db = path.join(dir, 'a.sqlite');

const run = (args: string[]) => runCli(args, db);

// An OSC that retitles the window, a CSI that recolours, a C1 CSI, BEL, and a lone CR that rewrites the line.
const HOSTILE = 'Evil \u001b]0;pwned\u0007 \u001b[31mred\u001b[0m \u009b2J \rCorp';
/** Anything a terminal would act on: C0 but tab and line feed, DEL, C1. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const ACTS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

describe('terminal output', () => {
  it('shows control characters as visible \\u escapes and keeps tabs, line feeds and CRLF', () => {
    expect(terminalSafe(HOSTILE)).toBe('Evil \\u001b]0;pwned\\u0007 \\u001b[31mred\\u001b[0m \\u009b2J \\u000dCorp');
    expect(terminalSafe('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    // Inside JSON the escape is the same character, so --json output parses to the true value.
    expect(JSON.parse(terminalSafe(JSON.stringify({ name: HOSTILE })))).toEqual({ name: HOSTILE });
  });

  it('prints no escape sequence from a scenario file or a client name in scenarios show, stress and clients list', async () => {
    const scenario = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'scenarios', 'ai-capex-collapse.json'), 'utf8'),
    );
    const file = path.join(dir, 'hostile.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...scenario,
        id: 'hostile',
        name: `Hostile ${HOSTILE}`,
        description: HOSTILE,
        shocks: scenario.shocks.map((s: object) => ({ ...s, note: HOSTILE })),
      }),
    );
    expect((await run(['scenarios', 'import', file])).code).toBe(0);
    // A client name written by anything (another tool, an old version) is printed safely too.
    const raw = new Database(db);
    raw.prepare("UPDATE clients SET name = ? WHERE name LIKE 'Sample client%'").run(HOSTILE);
    raw.close();

    const outputs = [
      await run(['scenarios', 'list']),
      await run(['scenarios', 'show', 'hostile']),
      await run(['stress', '--portfolio', 'Growth & AI', '--scenario', 'hostile']),
      await run(['stress', '--portfolio', 'Growth & AI', '--scenario', file]),
      await run(['clients', 'list']),
      await run(['portfolios', 'list']),
    ];
    for (const { code, out, err } of outputs) {
      expect(code, err).toBe(0);
      expect(out).not.toMatch(ACTS);
      expect(err).not.toMatch(ACTS);
    }
    expect(outputs[1].out).toContain('\\u001b]0;pwned\\u0007');
    expect(outputs[4].out).toContain('Evil \\u001b]0;pwned');
    const json = await run(['clients', 'list', '--json']);
    expect(json.out).not.toMatch(ACTS);
    expect(JSON.parse(json.out).map((c: { name: string }) => c.name)).toContain(HOSTILE);
    const refused = await run(['stress', '--portfolio', `Nope ${HOSTILE}`, '--scenario', 'hostile']);
    expect(refused.code).toBe(1);
    expect(refused.err).not.toMatch(ACTS);
  });
});
