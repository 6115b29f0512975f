// Hostile input, property-based: the CSV importer, the scenario-file loader and every command of the contract
// get thousands of random and crafted inputs. Never an unhandled exception, never an SQL or internal error,
// a bounded time per input, and nothing written when the input is refused.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../electron/services/services';
import { parseScenario } from '../../electron/services/scenario-library';
import { scenarioSchema } from '../../shared/engine/scenario';
import { decodeBytes } from '../../shared/import/decode';
import { buildPreview } from '../../shared/import/pipeline';
import { commandNames, commands } from '../../shared/ipc/contract';
import { snapshotImportTables } from '../helpers/import-tables';
import { call, memoryServices, RESOURCES } from '../helpers/services';
import { offlineFetch } from '../helpers/yahoo-fetch';

/** Per-input ceiling: generous for a shared 2-core machine, far below anything a user would call a hang. */
const MAX_MS_PER_INPUT = 2_000;
const ran: Record<string, number> = {};

let services: Services;
let portfolioId: number;
beforeAll(() => {
  services = memoryServices({ seedSample: true, marketFetch: offlineFetch });
  portfolioId = call(services, 'portfolios:list', {})[0].id;
});
afterAll(() => {
  closeServices(services);
  console.log(`fuzz cases run (0 failures): ${JSON.stringify(ran)}`);
});

/** Text a hostile file might hold: control characters, formula starters, path-like names, huge digits. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "=cmd|'/c calc'!A1",
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '../../etc/passwd',
    '..\\..\\windows\\system32',
    'C:\\evil.csv',
    '/dev/null',
    'CON',
    'nul.csv',
    '\u0000',
    '\u202e',
    '\ufeff',
    '1e400',
    '-1e400',
    'NaN',
    'Infinity',
    '-Infinity',
    '9'.repeat(400),
    '0x1p3',
    '1,2,3',
    '"',
    '""',
    '\\',
  ),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'X'.repeat(n)),
);

/** A CSV built from rows of hostile cells, under a header that a preset or the generic layout may recognise. */
const hostileCsv = fc
  .record({
    header: fc.constantFrom('Symbol,Quantity,Price', 'Account Number,Investment Name,Symbol,Shares,Share Price,Total Value', 'a,b', ''),
    rows: fc.array(fc.array(hostileText, { maxLength: 8 }), { maxLength: 30 }),
    separator: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ header, rows, separator, newline }) => [header, ...rows.map((r) => r.join(separator))].join(newline));

function timed<T>(fn: () => T): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
  return value;
}

describe('CSV importer', () => {
  it('random bytes and hostile CSV: a preview or a one-sentence refusal naming the file, in bounded time', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((b) => decodeBytes(b).text),
          hostileCsv,
        ),
        hostileText,
        (text, fileName) => {
          n++;
          const result = timed(() => buildPreview(text, { fileName }));
          if (!result.ok) {
            expect(typeof result.error.message).toBe('string');
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2500, seed: 101 },
    );
    ran['csv preview'] = n;
    // Found by this fuzzer: a file of only empty quoted cells used to crash the pipeline.
    expect(buildPreview('\n""', { fileName: 'empty.csv' })).toMatchObject({
      ok: false,
      error: { message: 'empty.csv: the file has no values, only empty cells; export the holdings again and pick the CSV file.' },
    });
  }, 60_000);

  it('imports:commit with hostile files: refusals leave every import table as it was', () => {
    let n = 0;
    fc.assert(
      fc.property(hostileCsv, hostileText, (text, fileName) => {
        n++;
        const before = snapshotImportTables(services.db);
        const result = timed(() => dispatch(services, 'imports:commit', { portfolioId, fileName: fileName.slice(0, 200), text }));
        if (result.ok) {
          const answer = result.value as { status: string; import: { id: number } | null };
          if (answer.status === 'imported' && answer.import) call(services, 'imports:undo', { id: answer.import.id });
        } else {
          expect(['validation', 'conflict']).toContain(result.error.code);
          expect(snapshotImportTables(services.db)).toEqual(before);
        }
      }),
      { numRuns: 600, seed: 102 },
    );
    ran['csv commit'] = n;
  }, 60_000);
});

const builtIn = JSON.parse(
  fs.readFileSync(
    path.join(
      RESOURCES,
      'scenarios',
      fs
        .readdirSync(path.join(RESOURCES, 'scenarios'))
        .filter((f) => f.endsWith('.json'))
        .sort()[0],
    ),
    'utf8',
  ),
);

/** JSON-ish values with the keys and numbers attackers use. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.double(),
    fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, -0, 1e308, 0, 1, -1, null, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'name', 'shocks', 'format'),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** Scenario-file text: a real scenario with one field made hostile, deep nesting, or raw hostile JSON text. */
const scenarioText = fc.oneof(
  fc
    .record({ key: fc.constantFrom(...Object.keys(builtIn), '__proto__', 'constructor'), value: hostileValue })
    .map(({ key, value }) => JSON.stringify({ ...builtIn, [key]: value })),
  fc
    .record({
      shock: fc.nat(50),
      key: fc.constantFrom('match', 'move', 'sector', 'symbol', 'value', '__proto__', 'constructor'),
      value: hostileValue,
    })
    .map(({ shock, key, value }) => {
      const copy = structuredClone(builtIn);
      if (copy.shocks.length) copy.shocks[shock % copy.shocks.length][key] = value;
      return JSON.stringify(copy);
    }),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    'NaN',
    '[Infinity]',
    '{"id":1e400}',
    '\u0000',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  hostileValue.map((v) => JSON.stringify(v) ?? 'undefined'),
);

describe('scenario-file loader', () => {
  it('accepts only valid scenarios, refuses the rest in one sentence naming the file, pollutes nothing, writes nothing on refusal', () => {
    let n = 0;
    const count = () => (services.db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n;
    fc.assert(
      fc.property(scenarioText, hostileText, (text, fileName) => {
        n++;
        const before = count();
        const result = timed(() =>
          dispatch(services, 'scenarios:import', { json: text.slice(0, 1024 * 1024), fileName: fileName.slice(0, 260) }),
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (result.ok) {
          expect(scenarioSchema.safeParse(result.value).success).toBe(true);
          call(services, 'scenarios:delete', { id: (result.value as { id: string }).id });
        } else {
          expect(result.error.code).toBe('validation');
          expect(count()).toBe(before);
        }
      }),
      { numRuns: 2500, seed: 103 },
    );
    ran['scenario import'] = n;
    // The loader itself (used for built-in files and the CLI) never throws anything but its sentence either.
    let m = 0;
    fc.assert(
      fc.property(scenarioText, (text) => {
        m++;
        try {
          parseScenario(text, 'hostile.json');
        } catch (error) {
          expect((error as Error).message.startsWith('hostile.json ')).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 104 },
    );
    ran['scenario parse'] = m;
  }, 60_000);
});

describe('command contract', () => {
  /** A payload for a command: its own field names with hostile values (some plausible ids), or anything at all. */
  function payloadFor(name: (typeof commandNames)[number]) {
    const shape = Object.keys((commands[name].request as unknown as { shape?: Record<string, unknown> }).shape ?? {});
    const plausible = fc.oneof(
      hostileValue,
      fc.integer({ min: -2, max: 4 }),
      fc.constantFrom('1', 'NVDA', 'covid-crash', '', 'a'.repeat(10_000)),
    );
    return fc.oneof(
      fc.anything(),
      hostileValue,
      shape.length
        ? fc.dictionary(fc.constantFrom(...shape, '__proto__', 'constructor', 'extra'), plausible, { maxKeys: shape.length + 1 })
        : fc.constant({ extra: 1 }),
    );
  }

  it('every command with random payloads: a validation (or not-found/conflict) error, never internal or SQL', async () => {
    const allowed = ['validation', 'not-found', 'conflict', 'forbidden'];
    const perCommand = 200;
    let n = 0;
    for (const name of commandNames) {
      const samples = fc.sample(payloadFor(name), { numRuns: perCommand, seed: commandNames.indexOf(name) + 1 });
      for (const payload of samples) {
        n++;
        const started = performance.now();
        const result = await dispatchAsync(services, name, structuredClone(payload));
        expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
        if (!result.ok && !allowed.includes(result.error.code)) {
          throw new Error(
            `${name} answered ${result.error.code} "${result.error.message}" (${result.error.detail}) to ${JSON.stringify(payload)?.slice(0, 300)}`,
          );
        }
      }
      if (name === 'market:refresh') await services.market.settled();
    }
    // An unknown command name is refused too.
    expect(dispatch(services, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    ran['commands'] = n;
    ran['commands covered'] = commandNames.length;
  }, 60_000);
});
