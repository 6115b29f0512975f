import type { Position } from '../../shared/domain/types';
import { rankFirm, type FirmClientInput } from '../../shared/firm/ranking';
import { syntheticBook } from './engine';
import { measure, type Figure } from './harness';

/** A deterministic firm: `count` clients of two portfolios, `positions` holdings each, one in eight through a fund. */
export function syntheticFirm(count: number, positions: number, seed = 5) {
  const { reference, scenarios } = syntheticBook(0, seed);
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
  let id = 1;
  const clients: FirmClientInput[] = Array.from({ length: count }, (_, c) => ({
    id: c + 1,
    name: `Client ${c + 1}`,
    baseCurrency: 'USD',
    tags: [c % 3 === 0 ? 'growth' : 'income'],
    portfolios: [0, 1].map((p) => ({
      id: c * 2 + p + 1,
      name: p === 0 ? 'Taxable' : 'Retirement',
      positions: Array.from({ length: positions / 2 }, (_, i): Position => {
        const isFund = rnd() < 0.125;
        return {
          id: id++, accountId: 1, accountName: 'Main', symbol: isFund ? `F${Math.floor(rnd() * 20)}` : `S${Math.floor(rnd() * 2000)}`, name: '',
          assetClass: isFund ? 'fund' : 'equity', quantity: 1 + Math.floor(rnd() * 300), price: 5 + rnd() * 400, marketValue: null, costBasis: null,
          currency: i % 10 === 0 ? 'EUR' : 'USD', asOf: null,
        };
      }),
    })),
  }));
  return { clients, reference, scenarios: scenarios.slice(0, 10) };
}

/** Firm-wide stress figures: 1,000 clients × 40 positions × 10 scenarios ranked, from positions to the sorted table. */
export function firmBenchmarks(): Figure[] {
  const firm = syntheticFirm(1000, 40);
  const noFunds = { ...firm, clients: firm.clients.map((c) => ({ ...c, portfolios: c.portfolios.map((p) => ({ ...p, positions: p.positions.filter((x) => x.assetClass !== 'fund') })) })) };
  return [
    measure('rank 1,000 clients × 40 positions × 10 scenarios (prepare books, run, sort)', () => void rankFirm(firm.clients, firm.scenarios, firm.reference), { runs: 7, note: 'target < 1,000 ms; 1 in 8 holdings is a fund looked through 500 constituents' }),
    measure('the same without fund holdings (direct securities only)', () => void rankFirm(noFunds.clients, noFunds.scenarios, noFunds.reference), { runs: 7 }),
    measure('the same with look-through off', () => void rankFirm(firm.clients, firm.scenarios, firm.reference, { lookThrough: false }), { runs: 7 }),
  ];
}
