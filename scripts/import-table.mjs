// Runs every broker export under the given folders through the built CLI (`import FILE --dry-run --json`) and prints
// a markdown table: file → the preset that read it (or generic) → what was imported, or the refusal's message, and
// which test states the expected holdings.
// Usage (after `npx electron-vite build && node scripts/build-node.mjs`):
//   node scripts/import-table.mjs [DIR …]   (default: test/fixtures/import and ../shared/data/broker-exports)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli', 'aftershock.js');
if (!fs.existsSync(cli)) {
  console.error(`import-table: ${cli} is missing; build it with npx electron-vite build && node scripts/build-node.mjs.`);
  process.exit(1);
}
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['test/fixtures/import', '../shared/data/broker-exports'];
const EXPORT = /\.(csv|tsv|txt)$/i;

/** Every export file under a folder, recursively, in name order. */
function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : EXPORT.test(e.name) ? [path.join(dir, e.name)] : []));
}

// The test files, to say which one states a file's expected holdings.
function testSources(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? testSources(path.join(dir, e.name))
        : /\.test\.ts$/.test(e.name)
          ? [[e.name, fs.readFileSync(path.join(dir, e.name), 'utf8')]]
          : [],
    );
}
const tests = testSources(path.join(root, 'test'));
const testedIn = (file) =>
  tests.filter(([, text]) => text.includes(`'${path.basename(file)}'`) || text.includes(`/${path.basename(file)}'`)).map(([name]) => name);

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-table-')), 'x.db');

console.log('| file | read as | result | holdings stated in |');
console.log('|---|---|---|---|');
for (const file of dirs.flatMap((d) => filesUnder(path.resolve(root, d)))) {
  const run = spawnSync('node', [cli, 'import', file, '--portfolio', 'Table', '--dry-run', '--json', '--db', db], { encoding: 'utf8' });
  let answer;
  try {
    answer = JSON.parse(run.stdout);
  } catch {
    answer = { ok: false, message: (run.stderr || run.stdout).trim().split('\n')[0] };
  }
  const name = path.relative(root, file);
  const tested = testedIn(file).join(', ') || '—';
  if (!answer.preview) {
    console.log(`| ${cell(name)} | — | **refused** (${cell(answer.code ?? 'error')}): ${cell(answer.message)} | ${tested} |`);
    continue;
  }
  const p = answer.preview;
  const held = p.positions.filter((x) => x.assetClass !== 'cash').length;
  const cash = p.positions
    .filter((x) => x.assetClass === 'cash')
    .map((x) => `${Math.round((x.marketValue ?? x.quantity * (x.price ?? 1)) * 100) / 100} ${x.currency}`)
    .join(', ');
  const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const counts = `${plural(p.counts.new, 'row')} read, ${p.counts.skipped} skipped, ${p.counts.invalid} invalid`;
  const assumed = p.currencyAssumed ? `; currency assumed ${p.currencyAssumed.currency} (${p.currencyAssumed.source})` : '';
  console.log(
    `| ${cell(name)} | ${cell(p.format)} | ${plural(held, 'holding')}${cash ? ` + cash ${cell(cash)}` : ', no cash'} (${counts}${assumed}) | ${tested} |`,
  );
}
