import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../shared/engine';
import { closeServices, type Services } from '../../../electron/services/services';
import { decodeBytes } from '../../../shared/import/decode';
import { BROKER_EXPORTS } from '../../helpers/fixtures';
import { call, memoryServices } from '../../helpers/services';

const isPresent = fs.existsSync(BROKER_EXPORTS);
if (!isPresent) console.warn(`Skipping the real-file import checks: ${BROKER_EXPORTS} is absent (it sits beside the checkout, not in it).`);

const marketDown20 = {
  format: 'aftershock-scenario',
  version: 1,
  id: 'market-down-20',
  name: 'S&P −20%',
  kind: 'hypothetical',
  shocks: [{ target: 'market', value: '', change: -0.2 }],
} satisfies ScenarioInput;

// The bundled reference data is loaded: classification of SNAXX, SNSXX, SPY… comes from the security master.
describe.skipIf(!isPresent)('the Schwab transactions sample, imported and stressed', () => {
  let services: Services;
  let portfolioId: number;
  beforeAll(() => {
    services = memoryServices({ loadReference: true });
    portfolioId = call(services, 'portfolios:create', { name: 'Schwab sample' }).id;
    const text = decodeBytes(fs.readFileSync(path.join(BROKER_EXPORTS, 'schwab-export.csv'))).text;
    call(services, 'imports:commit', { portfolioId, fileName: 'schwab-export.csv', text });
  });
  afterAll(() => closeServices(services));

  it('has no negative holding and a positive total; the clamped symbols are findings of the import', () => {
    const holdings = call(services, 'portfolios:holdings', { id: portfolioId });
    expect(holdings.positions.filter((p) => p.quantity < 0)).toEqual([]);
    expect(holdings.totalBaseValue).toBeCloseTo(15390.17, 2);
    expect(holdings.importFindings.filter((f) => f.kind === 'history-clamped').map((f) => f.symbol)).toEqual([
      '09070K200',
      '171439102',
      'FIHBX',
      'DGLRX',
      '00165C203',
      'SNAXX',
      '890260854',
    ]);
  });

  it('loses under a −20% market shock, and the money-market funds do not move', () => {
    const result = call(services, 'stress:run', { portfolioId, scenario: marketDown20 });
    expect(result.pnl).toBeLessThan(0);
    expect(result.return).toBeLessThan(0);
    const moved = Object.fromEntries(result.positions.map((p) => [p.symbol, p.pnl]));
    expect([moved.SNAXX, moved.SNSXX, moved.SWVXX]).toEqual([0, 0, 0]);
    // Everything else is shocked −20%: the loss is 20% of the value outside the three funds.
    const cash = 3706.38 + 4136.58 + 46.23;
    expect(result.pnl).toBeCloseTo(-0.2 * (result.valueBefore - cash), 6);
  });
});
