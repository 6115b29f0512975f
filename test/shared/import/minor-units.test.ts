import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/import/pipeline';
import { currencyCode } from '../../../shared/import/identifiers';

const positionsOf = (text: string) => {
  const result = buildPreview(text, { fileName: 'pence.csv' });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview.positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity, price: p.price, currency: p.currency }));
};

describe('story: a holding quoted in pence is imported in pounds', () => {
  it('reads `GBp` (pence, as market data writes it) like GBX, and `GBP` as pounds', () => {
    expect(currencyCode('GBp')).toBe('GBp');
    expect(currencyCode('ZAc')).toBe('ZAc');
    expect(currencyCode('GBX')).toBe('GBX');
    expect(currencyCode('GBP')).toBe('GBP');
  });

  it('1,000 shares at 250 GBp are worth £2,500, not £250,000; GBX and ZAc (cents) likewise', () => {
    const rows = positionsOf(
      'Symbol,Quantity,Price,Currency\nVOD.L,1000,250,GBp\nBP.L,100,4.5,GBP\nULVR.L,10,3850,GBX\nNPN.JO,2,350000,ZAc\n',
    );
    expect(rows).toEqual([
      { symbol: 'VOD.L', quantity: 1000, price: 2.5, currency: 'GBP' },
      { symbol: 'BP.L', quantity: 100, price: 4.5, currency: 'GBP' },
      { symbol: 'ULVR.L', quantity: 10, price: 38.5, currency: 'GBP' },
      { symbol: 'NPN.JO', quantity: 2, price: 3500, currency: 'ZAR' },
    ]);
  });
});
