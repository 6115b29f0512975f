import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { compareRuns, lossHistogram } from '../../../shared/firm/compare';
import {
  clientsWithTag,
  firmTotal,
  rankClient,
  rankFirm,
  reportingCurrency,
  summariseFirm,
  type FirmClientInput,
} from '../../../shared/firm/ranking';
import { pos, reference, scenario, sec } from '../engine/book-builder';

// Three households under two scenarios; every number below can be worked out by hand.
const semis = scenario(
  [
    { target: 'industry', value: 'Semiconductors', change: -0.1 },
    { target: 'theme', value: 'ai-energy', change: -0.2 },
  ],
  'semis',
);
const crash = scenario([{ target: 'market', value: '', change: -0.05 }], 'crash');
const ref = reference(
  [
    sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors' }),
    sec('VST', { sector: 'Utilities', industry: 'Electric Utilities', themes: ['ai-energy'] }),
    sec('AAPL', { sector: 'Information Technology', industry: 'Technology Hardware' }),
    sec('SAP', { sector: 'Information Technology', industry: 'Software', currency: 'EUR', country: 'DE' }),
    sec('SPAXX', { type: 'money-market', country: null }),
  ],
  [],
  [{ currency: 'EUR', quote: 'USD', rate: 1.1, asOf: '2025-01-24', source: 'test' }],
);
const patel: FirmClientInput = {
  id: 1,
  name: 'Patel household',
  baseCurrency: 'USD',
  tags: ['growth'],
  portfolios: [
    { id: 11, name: 'Joint', positions: [pos('NVDA', 100, 100), pos('AAPL', 10, 200)] }, // 10,000 + 2,000
    { id: 12, name: 'IRA', positions: [pos('VST', 50, 100), pos('SPAXX', 3000, 1, { assetClass: 'cash' })] }, // 5,000 + 3,000
  ],
};
const lee: FirmClientInput = {
  id: 2,
  name: 'Lee',
  baseCurrency: 'USD',
  tags: ['income'],
  portfolios: [{ id: 21, name: 'Main', positions: [pos('AAPL', 50, 200)] }], // 10,000
};
const weber: FirmClientInput = {
  id: 3,
  name: 'Weber',
  baseCurrency: 'EUR',
  tags: ['growth', 'hnw'],
  portfolios: [{ id: 31, name: 'Depot', positions: [pos('SAP', 100, 200, { currency: 'EUR' }), pos('NVDA', 11, 100)] }], // 20,000 EUR + 1,100 USD = 1,000 EUR
};

describe('firm-wide ranking: three households, two scenarios', () => {
  const firm = rankFirm([lee, patel, weber], [semis, crash], ref);
  const row = (name: string) => firm.clients.find((c) => c.clientName === name)!;

  it('sums each client over its portfolios in the client currency', () => {
    expect(row('Patel household').value).toBe(20000);
    // semis: NVDA −1,000, VST −1,000 = −2,000; crash: −5% of the 17,000 non-cash = −850.
    expect(row('Patel household').outcomes.map((o) => o.pnl)).toEqual([-2000, -850]);
    expect(row('Lee').outcomes.map((o) => o.pnl)).toEqual([0, -500]);
    expect(row('Weber').value).toBeCloseTo(21000, 9);
    expect(row('Weber').outcomes[0].pnl).toBeCloseTo(-100, 9);
    expect(row('Weber').outcomes[1].pnl).toBeCloseTo(-1050, 9);
  });

  it('takes the worst scenario per client, with its loss and coverage', () => {
    expect(row('Patel household')).toMatchObject({ worstScenarioId: 'semis', pnl: -2000, return: -0.1 });
    // Under semis only NVDA and VST (15,000 of 20,000) are shocked.
    expect(row('Patel household').coverage).toBeCloseTo(0.75, 12);
    expect(row('Lee')).toMatchObject({ worstScenarioId: 'crash', pnl: -500, return: -0.05, coverage: 1 });
    expect(row('Weber').worstScenarioId).toBe('crash');
    expect(row('Weber').return).toBeCloseTo(-0.05, 12);
  });

  it('ranks by loss share, then money, and ranks portfolios within a client', () => {
    expect(firm.clients.map((c) => c.clientName)).toEqual(['Patel household', 'Weber', 'Lee']);
    const patelRow = row('Patel household');
    // IRA: −1,000 of 8,000 = −12.5%; Joint: −1,000 of 12,000 = −8.3%.
    expect(patelRow.portfolios.map((p) => [p.portfolioName, p.worstScenarioId, p.pnl, p.return])).toEqual([
      ['IRA', 'semis', -1000, -0.125],
      ['Joint', 'semis', -1000, -1000 / 12000],
    ]);
  });

  it('totals per currency, never adding euros to dollars', () => {
    expect(firm.totals).toEqual([
      { currency: 'EUR', clients: 1, value: row('Weber').value, pnl: row('Weber').pnl },
      { currency: 'USD', clients: 2, value: 30000, pnl: -2500 },
    ]);
  });

  it('matches a plain engine run of each client as one book', () => {
    for (const client of [lee, patel, weber]) {
      const book = prepareBook(
        client.portfolios.flatMap((p) => p.positions),
        client.baseCurrency,
        ref,
      );
      const ranked = row(client.name);
      expect(ranked.value).toBeCloseTo(book.totalValue, 9);
      [semis, crash].forEach((s, i) => {
        const result = runScenario(book, s);
        expect(ranked.outcomes[i].pnl).toBeCloseTo(result.pnl, 9);
        expect(ranked.outcomes[i].return).toBeCloseTo(result.return!, 12);
        expect(ranked.outcomes[i].shockedShare).toBeCloseTo(result.coverage.explicit.share + result.coverage.market.share, 12);
      });
    }
  });

  it('filters clients by tag', () => {
    expect(clientsWithTag([lee, patel, weber], 'Growth').map((c) => c.id)).toEqual([1, 3]);
    expect(clientsWithTag([lee, patel, weber], '').length).toBe(3);
  });
});

describe('firm-wide ranking: a broken client does not stop the others', () => {
  it('reports the error on that client and ranks it last', () => {
    const broken = {
      id: 9,
      name: 'Broken',
      baseCurrency: 'USD',
      tags: [],
      portfolios: [{ id: 91, name: 'X', positions: [pos('AAPL', 10, Number.NaN)] }],
    } satisfies FirmClientInput;
    const firm = rankFirm([broken, lee], [semis], ref);
    expect(firm.clients.map((c) => c.clientName)).toEqual(['Lee', 'Broken']);
    expect(firm.clients[1].error).toBe('Broken could not be stressed: AAPL in "X" has no valid quantity, price or value.');
    expect(firm.totals).toEqual([{ currency: 'USD', clients: 1, value: 10000, pnl: 0 }]);
  });

  it('stresses clients one by one when the shared book cannot be built, isolating the failure', () => {
    const odd = {
      id: 8,
      name: 'Odd',
      baseCurrency: 'USD',
      tags: [],
      portfolios: [{ id: 81, name: 'Y', positions: null as never }],
    } satisfies FirmClientInput;
    const firm = summariseFirm([rankClient(odd, [semis], ref), rankClient(lee, [semis], ref)], [semis]);
    expect(firm.clients.map((c) => [c.clientName, c.error === null])).toEqual([
      ['Lee', true],
      ['Odd', false],
    ]);
    expect(firm.clients[1].error).toMatch(/^Odd could not be stressed: /);
  });

  it('notes positions left out for a missing exchange rate, per portfolio', () => {
    const yen = {
      id: 4,
      name: 'Tanaka',
      baseCurrency: 'USD',
      tags: [],
      portfolios: [{ id: 41, name: 'NISA', positions: [pos('7203.T', 100, 2000, { currency: 'JPY' }), pos('AAPL', 10, 200)] }],
    };
    const [ranked] = rankFirm([yen], [crash], ref).clients;
    expect(ranked.value).toBe(2000);
    expect(ranked.pnl).toBe(-100);
    expect(ranked.issues).toEqual(['NISA: No exchange rate to USD for JPY: those positions are left out.']);
  });

  it('gives the same rows through the shared book as client by client', () => {
    const shared = rankFirm([lee, patel, weber], [semis, crash], ref).clients;
    for (const row of shared) {
      const alone = rankClient(
        [lee, patel, weber].find((c) => c.id === row.clientId)!,
        [semis, crash],
        ref,
      );
      expect(row.pnl).toBeCloseTo(alone.pnl, 9);
      expect(row.coverage).toBeCloseTo(alone.coverage, 12);
      expect(row.portfolios.map((p) => p.portfolioId)).toEqual(alone.portfolios.map((p) => p.portfolioId));
    }
  });
});

describe('comparing saved runs and the loss distribution', () => {
  const yesterday = rankFirm([lee, patel], [crash], ref);
  const today = rankFirm([patel, weber], [semis, crash], ref);

  it('lines up clients across two runs', () => {
    const changes = compareRuns(yesterday, today);
    expect(changes.map((c) => [c.clientName, c.pnlChange])).toEqual([
      ['Patel household', -1150],
      ['Weber', null],
      ['Lee', null],
    ]);
    expect(changes[0].returnChange).toBeCloseTo(-0.0575, 12);
    expect(changes[2]).toMatchObject({ before: { pnl: -500, return: -0.05 }, after: null });
  });

  it('counts clients per 5-point loss bucket', () => {
    const rows = [
      { return: -0.01, error: null },
      { return: -0.049, error: null },
      { return: -0.05, error: null },
      { return: -0.12, error: null },
      { return: 0.02, error: null },
      { return: -0.9, error: 'x' },
    ];
    expect(lossHistogram(rows).map((b) => [b.label, b.count])).toEqual([
      ['0–5%', 3],
      ['5–10%', 1],
      ['10–15%', 1],
    ]);
    expect(lossHistogram([])).toEqual([]);
  });
});

describe('the firm total in one currency', () => {
  const totals = [
    { currency: 'EUR', clients: 1, value: 1000, pnl: -100 },
    { currency: 'JPY', clients: 1, value: 500000, pnl: -20000 },
    { currency: 'USD', clients: 2, value: 3000, pnl: -600 },
  ];
  const rates = [{ currency: 'EUR', quote: 'USD', rate: 1.1, asOf: '2025-04-04', source: 'test' }];

  it('reports in the currency of most clients, the first alphabetically on a tie', () => {
    expect(reportingCurrency(totals)).toBe('USD');
    expect(reportingCurrency(totals.slice(0, 2))).toBe('EUR');
    expect(reportingCurrency([])).toBeNull();
  });

  it('adds every currency at the run’s rate and leaves out, by name, one it has no rate for', () => {
    const total = firmTotal(totals, rates)!;
    expect(total.currency).toBe('USD');
    expect(total.clients).toBe(3);
    expect(total.value).toBeCloseTo(3000 + 1100, 9);
    expect(total.pnl).toBeCloseTo(-600 - 110, 9);
    expect(total.rates).toEqual([{ currency: 'EUR', rate: 1.1 }]);
    expect(total.missing).toEqual([{ currency: 'JPY', clients: 1 }]);
    // Asked in euros: dollars at the inverse rate.
    expect(firmTotal(totals.slice(0, 1).concat(totals[2]), rates, 'EUR')!.pnl).toBeCloseTo(-100 - 600 / 1.1, 9);
    expect(firmTotal([], rates)).toBeUndefined();
  });
});
