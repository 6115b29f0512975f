import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../shared/import/pipeline';
import { trimPreview } from '../../../shared/import/summary';
import type { ImportPreview } from '../../../shared/import/types';
import {
  commitChoice,
  currencyQuestion,
  decisionFrom,
  fieldsFor,
  guessMapping,
  headAndRows,
  livePositions,
  positionValue,
  openingKey,
  remap,
  rowsToShow,
  valueDifferences,
} from '../../../renderer/src/import/import-view';

function preview(text: string): ImportPreview {
  const result = buildPreview(text, { fileName: 'f.csv' });
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}
const messy = preview('Symbol,Quantity,Price\nAAPL,10,100\nMSFT,x,1\nAAPL,1,1\nTotal,,\nNVDA,2,3\n');

describe('import screen helpers', () => {
  it('lists problems first, then new rows, by row number', () => {
    expect(rowsToShow(messy.rows).map((r) => `${r.row} ${r.status}`)).toEqual(['3 invalid', '4 duplicate', '5 skipped', '2 new', '6 new']);
    expect(rowsToShow(messy.rows, 2).map((r) => r.row)).toEqual([3, 4]);
  });

  it('words the commit button by what will happen to invalid rows', () => {
    expect(commitChoice(messy, false)).toEqual({
      label: 'Import 2 positions without the 1 invalid row',
      skipInvalid: true,
      needsDuplicateChoice: false,
    });
    expect(commitChoice(preview('Symbol,Quantity,Price\nAAPL,1,1\n'), true)).toEqual({
      label: 'Import 1 position',
      skipInvalid: false,
      needsDuplicateChoice: true,
    });
  });

  it('remaps one field without touching the others, and offers fields by kind', () => {
    const mapping = { columns: { symbol: 0, quantity: 1 }, dateOrder: 'MDY' as const, decimal: '.' as const };
    expect(remap(mapping, 'price', 2).columns).toEqual({ symbol: 0, quantity: 1, price: 2 });
    expect(remap(mapping, 'quantity', null).columns).toEqual({ symbol: 0 });
    expect(fieldsFor('positions')).toContain('marketValue');
    expect(fieldsFor('transactions')).toEqual(expect.arrayContaining(['date', 'action', 'side', 'amount']));
  });

  it('trims a large preview to its problems and a sample, keeping counts and totals whole', () => {
    const lines = ['Symbol,Quantity,Price', ...Array.from({ length: 1200 }, (_, i) => `S${i},1,2`), 'BAD,x,1'];
    const full = preview(lines.join('\n'));
    const trimmed = trimPreview(full, 500);
    expect([trimmed.rows.length, trimmed.positions.length, trimmed.omitted]).toEqual([501, 500, { rows: 700, positions: 700 }]);
    expect(trimmed.counts).toEqual(full.counts);
    expect(trimmed.totals).toEqual([{ account: 'Imported', currency: 'USD', positions: 1200, marketValue: 2400 }]);
    expect(commitChoice(trimmed, false).label).toBe('Import 1,200 positions without the 1 invalid row');
    const limited = buildPreview(lines.join('\n'), { fileName: 'f.csv', newRowLimit: 500 });
    if (!limited.ok) throw new Error(limited.error.message);
    expect([limited.preview.rows.length, limited.preview.omitted, limited.preview.counts]).toEqual([
      501,
      { rows: 700, positions: 0 },
      full.counts,
    ]);
    expect(trimPreview(limited.preview, 500)).toEqual(trimmed);
  });

  it('turns a decision control into the choice sent to main; an opening quantity must be a number above 0', () => {
    expect(decisionFrom('closed', '')).toEqual({ kind: 'closed' });
    expect(decisionFrom('short', '12')).toEqual({ kind: 'short' });
    expect(decisionFrom('opening', '1,250.5')).toEqual({ kind: 'opening', quantity: 1250.5 });
    expect([decisionFrom('opening', ''), decisionFrom('opening', '0'), decisionFrom('opening', 'ten')]).toEqual([null, null, null]);
    expect(openingKey({ account: 'IRA (123)', symbol: 'SNAXX' })).toBe('IRA (123):SNAXX');
  });

  it('lists the positions whose market value and quantity × price are more than 1% apart', () => {
    const p = preview('Symbol,Quantity,Price,Market Value\nVOO,800,40.922,45900.35\nVWO,900,50.922,45900.35\n');
    expect(valueDifferences(p).map((x) => `${x.symbol} ${x.valueFromPrice} ${x.marketValue}`)).toEqual(['VOO 32737.6 45900.35']);
  });

  it('guesses the columns of an unrecognised file from header names, then from the values, and shows what they make', () => {
    const text = 'Ticker;Held;Px;Code\nMSFT;2;400;US5949181045\nIBM;1;200;US4592001014\n';
    const { header, rows } = headAndRows(text);
    expect([header, rows.length]).toEqual([['Ticker', 'Held', 'Px', 'Code'], 2]);
    const mapping = guessMapping(header, rows);
    // "Ticker" is a known header; "Held" and "Px" are placed by their numbers, "Code" by its ISINs.
    expect(mapping.columns).toEqual({ symbol: 0, quantity: 1, price: 2, isin: 3 });
    const live = livePositions(text, 'odd.csv', mapping);
    expect(live.ok && live.positions.map((p) => `${p.symbol} ${p.quantity} ${positionValue(p)}`)).toEqual(['MSFT 2 800', 'IBM 1 200']);
    expect(livePositions(text, 'odd.csv', { ...mapping, columns: {} }).ok).toBe(false);
  });
});

describe('the currency of a file that names none', () => {
  it('is required when no currency was known, offered as the portfolio’s when taken from it, and not asked otherwise', () => {
    // generic-tab-bom-like: no currency column, no broker, no portfolio.
    const unknown = preview('Symbol,Quantity,Price\nAAPL,10,100\n');
    expect(unknown.currencyAssumed).toEqual({ currency: 'USD', source: 'default' });
    expect(currencyQuestion(unknown, null)).toEqual({ isAsked: true, isRequired: true, value: '' });
    expect(currencyQuestion(unknown, 'EUR')).toEqual({ isAsked: true, isRequired: false, value: 'EUR' });
    expect(currencyQuestion({ currencyAssumed: { currency: 'CHF', source: 'portfolio' } }, null)).toEqual({
      isAsked: true,
      isRequired: false,
      value: 'CHF',
    });
    const named = preview('Symbol,Quantity,Price,Currency\nAAPL,10,100,USD\n');
    expect(currencyQuestion(named, null)).toEqual({ isAsked: false, isRequired: false, value: '' });
  });
});
