import { describe, expect, it } from 'vitest';
import { occSymbol } from '../../../shared/domain/options';
import { optionFromText, optionInRow } from '../../../shared/import/option-rows';
import { buildPreview } from '../../../shared/import/pipeline';

const NVDA_CALL = { underlying: 'NVDA', expiry: '2025-06-20', strike: 150, right: 'call', multiplier: 100 };

describe('optionFromText: the forms brokers write a listed option in', () => {
  it.each([
    ['OCC, padded', 'NVDA  250620C00150000'],
    ['OCC, compact', 'NVDA250620C00150000'],
    ['Fidelity', ' -NVDA250620C150'],
    ['Schwab', 'NVDA 06/20/2025 150.00 C'],
    ['IBKR description', 'NVDA 20JUN25 150 C'],
    ['spelled out', 'NVDA Jun 20 2025 150 Call'],
    ['spelled out, short year and $', "nvda jun 20 '25 $150 call"],
  ])('%s: %s', (_form, text) => {
    expect(optionFromText(text)).toEqual(NVDA_CALL);
  });

  it('reads puts, decimal strikes and one-letter roots, and writes the OCC symbol back', () => {
    const put = optionFromText('-QQQ250919P452.5')!;
    expect(put).toEqual({ underlying: 'QQQ', expiry: '2025-09-19', strike: 452.5, right: 'put', multiplier: 100 });
    expect(occSymbol(put)).toBe('QQQ   250919P00452500');
    expect(occSymbol(optionFromText('F 01/16/2026 12.00 P')!)).toBe('F     260116P00012000');
  });

  it('takes no ticker, CUSIP, ISIN, impossible date or zero strike for an option', () => {
    for (const text of ['NVDA', 'BRK.B', '912828ZQ6', 'US0378331005', 'NVDA 02/30/2025 150 C', 'NVDA 06/20/2025 0 C', 'AAPL 150 C', ''])
      expect(optionFromText(text), text).toBeNull();
  });

  it('looks in the description when the symbol cell is plain, and reads a stated multiplier', () => {
    expect(optionInRow('', 'NVDA 20JUN25 150 C')).toEqual(NVDA_CALL);
    expect(optionInRow('-NVDA250620C150', 'CALL (NVDA) NVIDIA CORP JUN 20 25 $150 (10 SHS)')).toEqual({ ...NVDA_CALL, multiplier: 10 });
    expect(optionInRow('NVDA', 'NVIDIA CORP')).toBeNull();
  });
});

describe('importing option rows', () => {
  const preview = (text: string) => {
    const result = buildPreview(text, { fileName: 'options.csv' });
    if (!result.ok) throw new Error(result.error.message);
    return result.preview;
  };

  it('a generic positions file: options under their OCC symbol, contracts as quantity, value = contracts × 100 × premium', () => {
    const p = preview(
      'Symbol,Description,Quantity,Price,Market Value\n' +
        'NVDA,NVIDIA CORP,100,120.50,12050\n' +
        'NVDA  250620C00150000,NVDA CALL,5,4.20,2100\n' +
        'QQQ 06/20/2025 450.00 P,,-2,6.15,-1230\n' +
        ' -NVDA250620C150,,1,4.20,\n',
    );
    expect(p.rows.filter((r) => r.status === 'invalid')).toEqual([]);
    const bySymbol = (s: string) => p.positions.filter((x) => x.symbol === s);
    expect(bySymbol('NVDA')[0]).toMatchObject({ quantity: 100, price: 120.5 });
    // The two NVDA call rows are one contract and so one symbol (the second is a duplicate row of it).
    expect(bySymbol('NVDA  250620C00150000')[0]).toMatchObject({
      name: 'NVDA CALL',
      assetClass: 'other',
      quantity: 5,
      price: 420,
      marketValue: 2100,
      multiplier: 100,
    });
    const put = bySymbol('QQQ   250620P00450000')[0];
    expect(put).toMatchObject({ name: 'QQQ 20 Jun 2025 450 P', assetClass: 'other', quantity: -2, price: 615, multiplier: 100 });
    expect(put.quantity * put.price!).toBeCloseTo(-1230, 9);
    expect(put.valueFromPrice).toBeUndefined();
  });

  it('a transaction history: "Sell to Open" writes an option (kept short), "Buy to Open" buys one; premiums per contract', () => {
    const p = preview(
      'Date,Action,Symbol,Description,Quantity,Price,Amount\n' +
        '2025-01-10,Buy to Open,NVDA 06/20/2025 150.00 C,CALL NVIDIA,5,4.20,-2100\n' +
        '2025-01-11,Sell to Open,QQQ 06/20/2025 450.00 P,PUT QQQ,2,6.15,1230\n',
    );
    const call = p.positions.find((x) => x.symbol === 'NVDA  250620C00150000')!;
    expect(call).toMatchObject({ assetClass: 'other', quantity: 5, price: 420, multiplier: 100 });
    const put = p.positions.find((x) => x.symbol === 'QQQ   250620P00450000')!;
    expect(put).toMatchObject({ assetClass: 'other', quantity: -2, price: 615, multiplier: 100, isShortIntended: true });
  });

  it('a Fidelity positions export: " -NVDA250620C150" rows with the contract value in Current Value; a written put negative', () => {
    const p = preview(
      "Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,Today's Gain/Loss Dollar,Today's Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,Percent Of Account,Cost Basis Total,Average Cost Basis,Type\n" +
        'Z12345678,Individual,NVDA,NVIDIA CORP,100,$120.50,+$1.00,"$12,050.00",,,,,80%,"$9,000.00",$90.00,Cash,\n' +
        'Z12345678,Individual, -NVDA250620C150,NVDA JUN 20 2025 $150 CALL,5,$4.20,+$0.10,"$2,100.00",,,,,14%,"$1,500.00",$3.00,Margin,\n' +
        'Z12345678,Individual, -QQQ250620P450,QQQ JUN 20 2025 $450 PUT,-2,$6.15,-$0.10,"-$1,230.00",,,,,-8%,"-$1,400.00",$7.00,Margin,\n',
    );
    expect(p.format).toBe('fidelity-positions');
    expect(p.rows.filter((r) => r.status === 'invalid')).toEqual([]);
    const call = p.positions.find((x) => x.symbol === 'NVDA  250620C00150000')!;
    expect(call).toMatchObject({ quantity: 5, price: 420, marketValue: 2100, costBasis: 1500, multiplier: 100, assetClass: 'other' });
    const put = p.positions.find((x) => x.symbol === 'QQQ   250620P00450000')!;
    expect(put).toMatchObject({ quantity: -2, price: 615, marketValue: -1230, multiplier: 100 });
  });

  it('a Schwab transaction history: the Schwab option form in the symbol column, "Sell to Open" kept short', () => {
    const p = preview(
      '"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n' +
        '"01/13/2025","Sell to Open","QQQ 06/20/2025 450.00 P","PUT INVESCO QQQ TR $450 EXP 06/20/25","2","$6.15","$1.32","$1,228.68"\n' +
        '"01/10/2025","Buy to Open","NVDA 06/20/2025 150.00 C","CALL NVIDIA CORP $150 EXP 06/20/25","5","$4.20","$3.30","-$2,103.30"\n',
    );
    expect(p.format).toBe('schwab-transactions');
    expect(p.positions.filter((x) => x.multiplier).map((x) => [x.symbol, x.quantity, x.price, x.isShortIntended ?? false])).toEqual([
      ['NVDA  250620C00150000', 5, 420, false],
      ['QQQ   250620P00450000', -2, 615, true],
    ]);
  });
});
