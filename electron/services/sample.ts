import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ASSET_CLASSES } from '../../shared/domain/types';
import { describeIssues } from '../../shared/ipc/validate';
import { createAccount } from '../db/accounts';
import { createClient } from '../db/clients';
import { upsertFxRate } from '../db/fx-rates';
import { createPortfolio } from '../db/portfolios';
import { insertPosition } from '../db/positions';
import { getSetting, setSetting } from '../db/settings';

const currency = z.string().regex(/^[A-Z]{3}$/);
const sampleSchema = z.object({
  format: z.literal('aftershock-sample'),
  version: z.literal(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fxRates: z.array(z.object({ currency, quote: currency, rate: z.number().positive(), asOf: z.string(), source: z.string() })),
  client: z.object({ name: z.string().min(1), baseCurrency: currency, notes: z.string() }),
  portfolio: z.object({ name: z.string().min(1), baseCurrency: currency }),
  accounts: z.array(
    z.object({
      name: z.string().min(1),
      broker: z.string(),
      positions: z.array(
        z.object({
          symbol: z.string().min(1),
          name: z.string(),
          assetClass: z.enum(ASSET_CLASSES),
          quantity: z.number(),
          price: z.number().nonnegative(),
          costBasis: z.number().optional(),
          currency,
        }),
      ),
    }),
  ),
});

export type SamplePortfolio = z.infer<typeof sampleSchema>;

const SEEDED_KEY = 'sample_seeded';

/** Reads and checks the bundled sample portfolio file. */
export function readSamplePortfolio(resourcesDir: string): SamplePortfolio {
  const file = path.join(resourcesDir, 'sample-portfolio.json');
  const parsed = sampleSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * Puts the sample client into a database that has never had it, in one transaction.
 * Once seeded (even if the user deleted it since) it is not added again.
 */
export function seedSampleOnce(db: Database, sample: SamplePortfolio): boolean {
  const seed = db.transaction(() => {
    if (getSetting<boolean>(db, SEEDED_KEY)) return false;
    const clientCount = (db.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n;
    setSetting(db, SEEDED_KEY, true);
    if (clientCount > 0) return false;
    insertSample(db, sample);
    return true;
  });
  return seed();
}

/** Inserts the sample client, portfolio, accounts, positions and FX rates (call inside a transaction). */
export function insertSample(db: Database, sample: SamplePortfolio): number {
  for (const rate of sample.fxRates) upsertFxRate(db, rate);
  const client = createClient(db, { ...sample.client, isSample: true });
  const portfolio = createPortfolio(db, { clientId: client.id, ...sample.portfolio });
  for (const account of sample.accounts) {
    const { id: accountId } = createAccount(db, { portfolioId: portfolio.id, name: account.name, broker: account.broker });
    for (const position of account.positions) {
      insertPosition(db, { ...position, accountId, asOf: sample.asOf });
    }
  }
  return portfolio.id;
}
