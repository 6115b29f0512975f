import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../electron/services/services';
import { buildPreview } from '../../shared/import/pipeline';
import { FIXTURES, fixtureText } from '../helpers/fixtures';
import { call, memoryServices } from '../helpers/services';
import { snapshotImportTables as snapshot } from '../helpers/import-tables';

const names = fs.readdirSync(FIXTURES).filter((f) => /\.(csv|tsv)$/.test(f));
const texts = names.map((n) => fixtureText(n));

/** Random damage of the kinds real files suffer. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-columns' as const), a: fc.nat(20), b: fc.nat(20) }),
  fc.record({ kind: fc.constant('binary' as const), at: fc.nat(), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('huge-field' as const), at: fc.nat(), size: fc.integer({ min: 10_000, max: 300_000 }) }),
  fc.record({ kind: fc.constant('empty' as const) }),
  fc.record({ kind: fc.constant('header-only' as const) }),
  fc.record({ kind: fc.constant('random-text' as const), text: fc.string({ maxLength: 500 }) }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
);

type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

function corrupt(text: string, c: Corruption): string {
  const at = (n: number) => (text.length ? n % text.length : 0);
  switch (c.kind) {
    case 'truncate':
      return text.slice(0, at(c.at));
    case 'swap-columns':
      return text
        .split('\n')
        .map((line) => {
          const cells = line.split(',');
          if (cells.length > Math.max(c.a, c.b)) [cells[c.a], cells[c.b]] = [cells[c.b], cells[c.a]];
          return cells.join(',');
        })
        .join('\n');
    case 'binary':
      return text.slice(0, at(c.at)) + String.fromCharCode(...c.junk) + text.slice(at(c.at));
    case 'huge-field':
      return text.slice(0, at(c.at)) + 'X'.repeat(c.size) + text.slice(at(c.at));
    case 'empty':
      return '';
    case 'header-only':
      return text.split('\n')[0];
    case 'random-text':
      return c.text;
    case 'quote':
      return text.slice(0, at(c.at)) + '"' + text.slice(at(c.at));
  }
  return text;
}

let services: Services;
let portfolioId: number;
beforeAll(() => {
  services = memoryServices();
  portfolioId = call(services, 'portfolios:create', { name: 'Fuzz' }).id;
  call(services, 'imports:commit', { portfolioId, fileName: 'base.csv', text: fixtureText('vanguard.csv') });
});
afterAll(() => closeServices(services));

describe('random corruption of the fixtures', () => {
  it('never throws from the pure pipeline: a preview or a refusal sentence naming the file', () => {
    fc.assert(
      fc.property(fc.nat(names.length - 1), corruption, (i, c) => {
        const result = buildPreview(corrupt(texts[i], c), { fileName: names[i] });
        if (!result.ok) expect(result.error.message.startsWith(names[i])).toBe(true);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('never throws from imports:commit and leaves the database untouched when it refuses', () => {
    fc.assert(
      fc.property(fc.nat(names.length - 1), corruption, (i, c) => {
        const before = snapshot(services.db);
        const result = dispatch(services, 'imports:commit', { portfolioId, fileName: names[i], text: corrupt(texts[i], c) });
        if (result.ok) {
          // Whatever imported is undone again, so each run starts from the same database.
          const id = (result.value as { import: { id: number } | null }).import?.id;
          if ((result.value as { status: string }).status === 'imported' && id) call(services, 'imports:undo', { id });
        } else {
          expect(['validation', 'conflict']).toContain(result.error.code);
          expect(snapshot(services.db)).toEqual(before);
        }
      }),
      { numRuns: 120, seed: 7 },
    );
  });
});
