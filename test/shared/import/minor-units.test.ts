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

  it('a price written `150p` is 150 pence: £1.50 with a GBP or no currency column, and not divided twice beside GBp', () => {
    expect(positionsOf('Symbol,Quantity,Price\nVOD.L,1000,150p\n')).toEqual([
      { symbol: 'VOD.L', quantity: 1000, price: 1.5, currency: 'GBP' },
    ]);
    expect(
      positionsOf('Symbol,Quantity,Price,Currency\nVOD.L,1000,150p,GBP\nBP.L,10,412.5 p,GBp\nULVR.L,10,"3,850p",GBX\nAZN.L,2,£1.50,GBP\n'),
    ).toEqual([
      { symbol: 'VOD.L', quantity: 1000, price: 1.5, currency: 'GBP' },
      { symbol: 'BP.L', quantity: 10, price: 4.125, currency: 'GBP' },
      { symbol: 'ULVR.L', quantity: 10, price: 38.5, currency: 'GBP' },
      { symbol: 'AZN.L', quantity: 2, price: 1.5, currency: 'GBP' },
    ]);
  });

  it('a pence price on a row in another currency is refused, naming the cell', () => {
    const result = buildPreview('Symbol,Quantity,Price,Currency\nAAPL,10,150p,USD\nMSFT,1,400,USD\n', { fileName: 'pence.csv' });
    if (!result.ok) throw new Error(result.error.message);
    const refused = result.preview.rows.filter((r) => r.status === 'invalid');
    expect(refused.map((r) => [r.row, r.column, r.reason])).toEqual([[2, 'Price', 'expected a price in USD, found one in pence ("150p")']]);
    expect(result.preview.positions.map((p) => p.symbol)).toEqual(['MSFT']);
  });
});
