import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../../electron/services/scenario-library';
import { RESOURCES } from '../../helpers/services';

// Every source a user reads (report, Scenarios view, `scenarios show`) is a citation: no repository path, no internal word.
const INTERNAL = /\.\.\/|shared\/|\bseed|fixture|resources\/|scripts\//i;

describe('provenance wording', () => {
  it('cites every built-in scenario source like a publication, with no internal words', () => {
    const scenarios = builtInScenarios(RESOURCES);
    expect(scenarios.length).toBeGreaterThan(15);
    const offending = scenarios.flatMap((s) =>
      (s.event?.sources ?? []).flatMap((src) =>
        [src.title, src.note ?? '', src.url ?? ''].filter((text) => INTERNAL.test(text)).map((text) => `${s.id}: ${text}`),
      ),
    );
    expect(offending).toEqual([]);
    // The shock notes are shown beside each shock.
    const notes = scenarios.flatMap((s) => s.shocks.filter((x) => INTERNAL.test(x.note ?? '')).map((x) => `${s.id}: ${x.note}`));
    expect(notes).toEqual([]);
  });

  it('names the sources of the reference data a report cites (fund holdings, exchange rates) without internal words', () => {
    const funds = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'reference', 'funds.json'), 'utf8')) as {
      funds: { fund: string; source: string }[];
    };
    const fx = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'reference', 'fx.json'), 'utf8')) as { rates: unknown[][] };
    const sources = [...funds.funds.map((f) => f.source), ...fx.rates.map((r) => String(r[4]))];
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((s) => INTERNAL.test(s))).toEqual([]);
  });
});
