import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';

const nvda = pos('NVDA', 10, 100);
const ref = reference([
  sec('NVDA', {
    sector: 'Information Technology',
    industry: 'Semiconductors',
    country: 'US',
    themes: ['semiconductors', 'ai-infrastructure'],
  }),
]);
const run = (shocks: Parameters<typeof scenario>[0]) => runScenario(prepareBook([nvda], 'USD', ref), scenario(shocks)).positions[0];

describe('story: which shock wins', () => {
  const cases: [string, Parameters<typeof scenario>[0], number, string][] = [
    [
      'symbol beats everything, wherever it is listed',
      [
        { target: 'market', change: -0.01 },
        { target: 'sector', value: 'Information Technology', change: -0.02 },
        { target: 'theme', value: 'semiconductors', change: -0.03 },
        { target: 'symbol', value: 'nvda', change: -0.2 },
      ],
      -0.2,
      'symbol nvda −20%',
    ],
    [
      'theme beats industry',
      [
        { target: 'industry', value: 'Semiconductors', change: -0.1 },
        { target: 'theme', value: 'ai-infrastructure', change: -0.07 },
      ],
      -0.07,
      'theme ai-infrastructure −7%',
    ],
    [
      'the first listed theme shock wins among themes',
      [
        { target: 'theme', value: 'AI-Infrastructure', change: -0.07 },
        { target: 'theme', value: 'semiconductors', change: -0.09 },
      ],
      -0.07,
      'theme AI-Infrastructure −7% (first of 2 matching theme shocks)',
    ],
    [
      'the first listed shock wins within one level',
      [
        { target: 'industry', value: 'semiconductors', change: -0.04 },
        { target: 'industry', value: 'Semiconductors', change: -0.1 },
      ],
      -0.04,
      'industry semiconductors −4%',
    ],
    [
      'industry beats sector beats country',
      [
        { target: 'country', value: 'US', change: -0.01 },
        { target: 'sector', value: 'Information Technology', change: -0.02 },
        { target: 'industry', value: 'Semiconductors', change: -0.03 },
      ],
      -0.03,
      'industry Semiconductors −3%',
    ],
    [
      'country beats asset class beats market',
      [
        { target: 'market', change: -0.05 },
        { target: 'assetClass', value: 'equity', change: -0.04 },
        { target: 'country', value: 'US', change: -0.03 },
      ],
      -0.03,
      'country US −3%',
    ],
    [
      'a disabled shock is ignored',
      [
        { target: 'symbol', value: 'NVDA', change: -0.5, enabled: false },
        { target: 'market', change: -0.05 },
      ],
      -0.05,
      'market −5% (no more specific shock matches)',
    ],
  ];
  it.each(cases)('%s', (_name, shocks, change, applied) => {
    const result = run(shocks);
    expect(result.return).toBeCloseTo(change, 12);
    expect(result.applied).toBe(applied);
  });
});
