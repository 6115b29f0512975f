import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../shared/import/presets';
import {
  brokerOf,
  defaultImportTarget,
  ownPortfolios,
  portfolioNameFor,
  recognisedBrokers,
} from '../../../renderer/src/store/import-target';

const sample = { id: 1, isSample: true };
const mine = { id: 2, isSample: false };
const growth = { id: 10, clientId: 1, name: 'Growth & AI' };
const fidelity = { id: 11, clientId: 2, name: 'Fidelity' };

describe('where an import goes', () => {
  it('names the broker of each preset once, and none for a generic CSV', () => {
    expect(recognisedBrokers(PRESETS.map((p) => p.label))).toEqual([
      'Fidelity',
      'Schwab',
      'Vanguard',
      'Interactive Brokers',
      'Trading 212',
      'DEGIRO',
      'Revolut',
      'Freetrade',
      'Robinhood',
      'E*TRADE',
      'Merrill Edge',
      'Webull',
      'Interactive Investor',
      'Hargreaves Lansdown',
      'Scalable Capital',
      'Nordnet',
      'Questrade',
      'Wealthsimple',
    ]);
    expect(brokerOf('Generic CSV')).toBeNull();
  });

  it('names a new portfolio from the broker, else from the file, unique among the client’s portfolios', () => {
    expect(portfolioNameFor('Portfolio_Positions_Oct-14-2024.csv', 'Fidelity positions (Portfolio_Positions)', [])).toBe('Fidelity');
    expect(portfolioNameFor('x.csv', 'Schwab positions', ['Schwab', 'schwab 2'])).toBe('Schwab 3');
    expect(portfolioNameFor('my_holdings-2025-01-05.csv', 'Generic CSV', [])).toBe('my holdings');
    expect(portfolioNameFor('2025-01-05.csv', 'Generic CSV', [])).toBe('Imported holdings');
  });

  it('defaults to a new portfolio on first run and when the sample is open, never to the sample', () => {
    expect(defaultImportTarget([sample], [growth], growth.id)).toEqual({ kind: 'new', name: null, clientId: null, clientName: null });
    expect(defaultImportTarget([sample, mine], [growth, fidelity], growth.id)).toEqual({
      kind: 'new',
      name: null,
      clientId: 2,
      clientName: null,
    });
    expect(defaultImportTarget([sample, mine], [growth, fidelity], fidelity.id)).toEqual({ kind: 'existing', portfolioId: 11 });
    expect(ownPortfolios([sample, mine], [growth, fidelity])).toEqual([fidelity]);
  });
});
