import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/atomic-write';
import { runCli } from '../helpers/cli';
import { tempDirPerTest } from '../helpers/temp';

const ROOT = path.join(__dirname, '..', '..');
const dir = tempDirPerTest('atomic');

/**
 * Runs node with `args` under a file-size limit of `blocks` × 512 bytes, which stands in for a disk that fills up:
 * a write past it fails part-way with EFBIG.
 */
function nodeWithFileSizeLimit(blocks: number, args: string[], env: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', `ulimit -f ${blocks}; trap "" XFSZ; exec "$0" "$@"`, process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

describe('writeFileAtomic', () => {
  it('writes the whole file, replaces an earlier one, and leaves no temporary file', () => {
    const file = path.join(dir(), 'report.pdf');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir())).toEqual(['report.pdf']);
  });

  it('removes its temporary file when the final name cannot be taken', () => {
    const file = path.join(dir(), 'report.pdf');
    fs.mkdirSync(path.join(file, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(file, 'x')).toThrow();
    expect(fs.readdirSync(dir())).toEqual(['report.pdf']);
    expect(fs.readdirSync(file)).toEqual(['inside']);
  });

  it('on a disk that fills up part-way leaves the earlier file whole and no partial file', () => {
    const file = path.join(dir(), 'report.pdf');
    fs.writeFileSync(file, 'the earlier report');
    // A file-size limit of 8 KiB stands in for a full disk: the write fails part-way with EFBIG.
    const child = nodeWithFileSizeLimit(
      16,
      [
        path.join(ROOT, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs'),
        path.join(ROOT, 'test', 'helpers', 'write-atomic-child.ts'),
        file,
        String(200 * 1024),
      ],
      { JITI_FS_CACHE: 'false' },
    );
    expect(child.stdout.trim()).toBe('EFBIG');
    expect(fs.readFileSync(file, 'utf8')).toBe('the earlier report');
    expect(fs.readdirSync(dir())).toEqual(['report.pdf']);
  }, 150_000);
});

describe('CLI files are written whole', () => {
  const run = (args: string[]) => runCli(args, path.join(dir(), 'a.sqlite'));

  it('scenarios export --out replaces the file whole, and leaves nothing behind when it fails', async () => {
    const exported = path.join(dir(), 'out', 'scenario.json');
    fs.mkdirSync(path.dirname(exported));
    fs.writeFileSync(exported, 'old');
    expect((await run(['scenarios', 'export', 'ai-capex-collapse', '--out', exported])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(exported, 'utf8')).id).toBe('ai-capex-collapse');
    const blocked = path.join(dir(), 'out', 'blocked.json');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect((await run(['scenarios', 'export', 'ai-capex-collapse', '--out', blocked])).code).toBe(1);
    expect(fs.readdirSync(path.dirname(exported)).sort()).toEqual(['blocked.json', 'scenario.json']);
  }, 60_000);

  it.skipIf(!fs.existsSync(path.join(ROOT, 'out', 'report', 'report.js')))(
    'report --out replaces the file whole, and leaves nothing behind when it fails',
    async () => {
      const report = path.join(dir(), 'out', 'report.html');
      fs.mkdirSync(path.dirname(report));
      fs.writeFileSync(report, 'old');
      const made = await run(['report', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--out', report, '--allow-findings']);
      expect(made.code, made.err).toBe(0);
      expect(fs.readFileSync(report, 'utf8')).toMatch(/<\/html>\s*$/);
      const blocked = path.join(dir(), 'out', 'blocked.html');
      fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
      expect(
        (await run(['report', '--portfolio', 'Growth & AI', '--scenario', 'sp500-minus-20', '--out', blocked, '--allow-findings'])).code,
      ).toBe(1);
      expect(fs.readdirSync(path.dirname(report)).sort()).toEqual(['blocked.html', 'report.html']);
    },
    60_000,
  );

  const BIN = path.join(ROOT, 'out', 'cli', 'aftershock.js');
  it.skipIf(!fs.existsSync(BIN) || !fs.existsSync(path.join(ROOT, 'out', 'report', 'report.js')))(
    'report --out on a disk that fills up part-way leaves the earlier report whole (the built CLI)',
    async () => {
      expect((await run(['portfolios', 'list'])).code).toBe(0); // the database exists before the disk "fills"
      const report = path.join(dir(), 'report.html');
      fs.writeFileSync(report, 'the earlier report');
      const child = nodeWithFileSizeLimit(100, [
        BIN,
        'report',
        '--portfolio',
        'Growth & AI',
        '--scenario',
        'sp500-minus-20',
        '--out',
        report,
        '--allow-findings',
        '--db',
        path.join(dir(), 'a.sqlite'),
      ]);
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(/EFBIG/);
      expect(fs.readFileSync(report, 'utf8')).toBe('the earlier report');
      expect(fs.readdirSync(dir()).filter((f) => f.includes('report'))).toEqual(['report.html']);
    },
    150_000,
  );
});
