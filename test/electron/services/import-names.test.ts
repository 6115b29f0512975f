import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { fixtureText } from '../../helpers/fixtures';
import { call, memoryServices } from '../../helpers/services';

// Hargreaves Lansdown files name securities only by description (test/fixtures/import/presets/PROVENANCE.md).
let services: Services;
let portfolioId: number;
beforeAll(() => {
  services = memoryServices({ loadReference: true });
  portfolioId = call(services, 'portfolios:create', { name: 'HL' }).id;
});
afterAll(() => closeServices(services));

const request = () => ({ portfolioId, fileName: 'hl.csv', text: fixtureText('presets/hargreaves-lansdown.csv') });
const symbols = () => call(services, 'imports:preview', request()).preview.positions.map((p) => p.symbol);

describe('holdings named only by description', () => {
  it('resolve through the bundled master by name, and a symbol the user gives one in Holdings is used by later imports', () => {
    // "Microsoft" is MSFT in the bundled master; Alphabet fits GOOG and GOOGL; Vodafone and the fund are not in it.
    expect(symbols()).toEqual([
      'ALPHABET INC CLASS A CO 026AB371',
      'MSFT',
      'VANGUARD FTSE DEVELOPED 7F8A06F1',
      'VODAFONE GROUP PLC ORDI C2C57A54',
      'GBP',
    ]);
    call(services, 'imports:commit', request());
    const [account] = call(services, 'accounts:list', { portfolioId });
    const vodafone = call(services, 'positions:list', { accountId: account.id }).find((p) => p.symbol.startsWith('VODAFONE'))!;
    expect(vodafone.name).toBe('Vodafone Group plc Ordinary USD0.2095238');
    call(services, 'positions:update', { id: vodafone.id, patch: { symbol: 'VOD.L' } });
    const again = call(services, 'imports:preview', request()).preview;
    expect(again.positions.map((p) => p.symbol)).toEqual([
      'ALPHABET INC CLASS A CO 026AB371',
      'MSFT',
      'VANGUARD FTSE DEVELOPED 7F8A06F1',
      'VOD.L',
      'GBP',
    ]);
    expect(again.findings.map((f) => f.symbol)).toEqual(['ALPHABET INC CLASS A CO 026AB371', 'VANGUARD FTSE DEVELOPED 7F8A06F1']);
  });
});
