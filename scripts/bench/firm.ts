import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccount } from '../../electron/db/accounts';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { insertPosition, listPortfolioPositions } from '../../electron/db/positions';
import { findChromium, openChromiumPrinter } from '../../electron/reports/chromium';
import { batchReports } from '../../electron/services/batch';
import { clientOverview, runFirm } from '../../electron/services/firm';
import { closeServices } from '../../electron/services/services';
import type { Position } from '../../shared/domain/types';
import { withHealth } from '../../shared/firm/health';
import { rankFirm, type FirmClientInput } from '../../shared/firm/ranking';
import { syntheticBook } from './books';
import { benchServices, measure, ROOT, type Figure } from './harness';
import { clientBook } from './large';

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
          id: id++,
          accountId: 1,
          accountName: 'Main',
          symbol: isFund ? `F${Math.floor(rnd() * 20)}` : `S${Math.floor(rnd() * 2000)}`,
          name: '',
          assetClass: isFund ? 'fund' : 'equity',
          quantity: 1 + Math.floor(rnd() * 300),
          price: 5 + rnd() * 400,
          marketValue: null,
          costBasis: null,
          currency: i % 10 === 0 ? 'EUR' : 'USD',
          asOf: null,
          isShortIntended: false,
        };
      }),
    })),
  }));
  return { clients, reference, scenarios: scenarios.slice(0, 10) };
}

/** Firm-wide stress figures: 1,000 clients × 40 positions × 10 scenarios ranked, from positions to the sorted table. */
export function firmBenchmarks(): Figure[] {
  const firm = syntheticFirm(1000, 40);
  const ranked = rankFirm(firm.clients, firm.scenarios, firm.reference);
  const noFunds = {
    ...firm,
    clients: firm.clients.map((c) => ({
      ...c,
      portfolios: c.portfolios.map((p) => ({ ...p, positions: p.positions.filter((x) => x.assetClass !== 'fund') })),
    })),
  };
  return [
    measure(
      'rank 1,000 clients × 40 positions × 10 scenarios (prepare books, run, sort)',
      () => void rankFirm(firm.clients, firm.scenarios, firm.reference),
      { runs: 7, note: 'target < 1,000 ms; 1 in 8 holdings is a fund looked through 500 constituents' },
    ),
    measure(
      'the same without fund holdings (direct securities only)',
      () => void rankFirm(noFunds.clients, noFunds.scenarios, noFunds.reference),
      { runs: 7 },
    ),
    measure(
      "data health of the same 2,000 portfolios for the ranking's Data column (withHealth)",
      () => void withHealth(ranked.clients, firm.clients, firm.reference, { today: '2026-12-03' }),
      { runs: 7, note: 'on top of the ranking above' },
    ),
    measure('the same with look-through off', () => void rankFirm(firm.clients, firm.scenarios, firm.reference, { lookThrough: false }), {
      runs: 7,
    }),
    ...firmDatabaseBenchmark(),
    clientOverviewBenchmark(),
  ];
}

/** The Clients view's list: 5,000 clients × 10 positions, each valued in its base currency (clients:overview). */
export function clientOverviewBenchmark(): Figure {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-clients-bench-'));
  const file = path.join(dir, 'c.sqlite');
  clientBook(file, 5000, 10);
  const services = benchServices(file, { seedSample: false, backups: false });
  try {
    return measure('clients:overview: 5,000 clients × 10 positions with their totals', () => void clientOverview(services.db), { runs: 7 });
  } finally {
    closeServices(services);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole command path: 1,000 clients × 40 positions read from SQLite, reference data loaded, ranked and saved. */
export function firmDatabaseBenchmark(): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-firm-bench-'));
  const services = benchServices(path.join(dir, 'f.sqlite'), { seedSample: false });
  try {
    const symbols = services.db
      .prepare("SELECT symbol FROM securities WHERE source = 'bundled' ORDER BY symbol LIMIT 600")
      .pluck()
      .all() as string[];
    let s = 11;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
    services.db.transaction(() => {
      for (let c = 1; c <= 1000; c++) {
        const client = createClient(services.db, { name: `Client ${c}`, tags: [c % 3 ? 'income' : 'growth'] });
        for (const name of ['Taxable', 'Retirement']) {
          const portfolio = createPortfolio(services.db, { clientId: client.id, name, baseCurrency: 'USD' });
          const account = createAccount(services.db, { portfolioId: portfolio.id, name: 'Main' });
          for (let i = 0; i < 20; i++)
            insertPosition(services.db, {
              accountId: account.id,
              symbol: symbols[Math.floor(rnd() * symbols.length)],
              quantity: 1 + Math.floor(rnd() * 300),
              price: 5 + rnd() * 400,
              currency: 'USD',
            });
        }
      }
    })();
    const ids = [
      'ai-capex-collapse',
      'deepseek-monday-close',
      'sp500-minus-20',
      'covid-crash-2020',
      'dot-com-bust',
      'global-financial-crisis',
      'q4-2018',
      'rate-shock-2022',
      'tariff-shock-april-2025',
      'usd-plus-10',
    ];
    return [
      measure(
        'firm:run from SQLite: 1,000 clients × 40 positions × 10 built-in scenarios (load, rank, save)',
        () => void runFirm(services, { scenarioIds: ids }),
        { runs: 5 },
      ),
    ];
  } finally {
    closeServices(services);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Batch PDF throughput: the sample portfolio copied to 12 clients, one kept-open Chromium, reports per minute. */
export async function batchPdfBenchmark(): Promise<Figure[] | string> {
  if (!findChromium()) return 'skipped: no Chromium (set CHROME_PATH)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-batch-bench-'));
  const services = benchServices(path.join(dir, 'b.sqlite'), { reportDir: path.join(ROOT, 'out', 'report') });
  const printer = await openChromiumPrinter();
  try {
    const sample = (services.db.prepare('SELECT id FROM portfolios LIMIT 1').get() as { id: number }).id;
    const positions = listPortfolioPositions(services.db, sample);
    for (let c = 1; c <= 11; c++) {
      const client = createClient(services.db, { name: `Bench client ${c}` });
      const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Growth', baseCurrency: 'USD' });
      const account = createAccount(services.db, { portfolioId: portfolio.id, name: 'Main' });
      for (const p of positions.slice(0, 10 + c)) insertPosition(services.db, { ...p, accountId: account.id });
    }
    const run = runFirm(services, { scenarioIds: ['ai-capex-collapse', 'deepseek-monday-close', 'sp500-minus-20'] });
    const stamps: number[] = [];
    const start = performance.now();
    const outcome = await batchReports(services, run, {
      outDir: path.join(dir, 'out'),
      print: (html, title) => printer.print(html, title),
      onProgress: () => stamps.push(performance.now()),
    });
    const total = performance.now() - start;
    const each = stamps
      .slice(1)
      .map((t, i) => t - stamps[i])
      .sort((a, b) => a - b);
    const n = outcome.files.length;
    return [
      {
        name: `batch: ${n} client PDFs × 3 scenarios + firm summary, one Chromium`,
        median: each[Math.floor(each.length / 2)],
        min: each[0],
        max: each[each.length - 1],
        runs: each.length,
        unit: 'ms',
        note: `per report; ${(n / (total / 60_000)).toFixed(0)} reports/minute overall (${(total / 1000).toFixed(1)} s, ${outcome.errors.length} errors)`,
      },
    ];
  } finally {
    await printer.close();
    closeServices(services);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
