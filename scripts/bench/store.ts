import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { valuePositions } from '../../shared/domain/valuation';
import type { Position } from '../../shared/domain/types';
import { dispatch } from '../../electron/handlers/dispatch';
import { closeServices } from '../../electron/services/services';
import { createAccount } from '../../electron/db/accounts';
import { createClient } from '../../electron/db/clients';
import { createPortfolio } from '../../electron/db/portfolios';
import { insertPosition } from '../../electron/db/positions';
import { benchServices, measure, type Figure } from './harness';

/** Store and valuation figures: opening and migrating, bulk insert, listing and valuing a large book. */
export function storeBenchmarks(): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-bench-'));
  const figures: Figure[] = [];
  try {
    let n = 0;
    figures.push(
      measure('open new database + migrate + seed sample', () => {
        const services = benchServices(path.join(dir, `open-${n++}.sqlite`));
        closeServices(services);
      }),
    );

    const services = benchServices(path.join(dir, 'book.sqlite'), { seedSample: false });
    const { db } = services;
    const client = createClient(db, { name: 'Bench' });
    const portfolio = createPortfolio(db, { clientId: client.id, name: 'Book', baseCurrency: 'USD' });
    const accounts = Array.from({ length: 50 }, (_, i) => createAccount(db, { portfolioId: portfolio.id, name: `Account ${i}` }));
    figures.push(
      measure(
        'insert 10,000 positions (one transaction)',
        () => {
          db.transaction(() => {
            db.prepare('DELETE FROM positions').run();
            for (let i = 0; i < 10_000; i++) {
              insertPosition(db, {
                accountId: accounts[i % 50].id,
                symbol: `S${i}`,
                quantity: 10 + (i % 7),
                price: 20 + (i % 300),
                currency: i % 10 === 0 ? 'EUR' : 'USD',
              });
            }
          })();
        },
        { runs: 5 },
      ),
    );
    figures.push(
      measure(
        'portfolios:holdings, 10,000 positions (SQL + valuation)',
        () => void dispatch(services, 'portfolios:holdings', { id: portfolio.id }),
      ),
    );
    const positions = (dispatch(services, 'portfolios:holdings', { id: portfolio.id }) as { ok: true; value: { positions: Position[] } })
      .value.positions;
    figures.push(
      measure(
        'valuePositions, 10,000 positions (pure)',
        () => void valuePositions(positions, 'USD', [{ currency: 'EUR', quote: 'USD', rate: 1.05, asOf: '', source: '' }]),
        { runs: 21 },
      ),
    );
    closeServices(services);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
