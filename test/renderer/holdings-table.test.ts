import { describe, expect, it } from 'vitest';
import type { ValuedPosition } from '../../shared/domain/types';
import { arrangePositions, barShare, nextSort, optionOf, parseTypedNumber, positionLabel } from '../../renderer/src/views/holdings-table';
import { editShortcut, viewForShortcut } from '../../renderer/src/keyboard';

const p = (symbol: string, baseValue: number | null, accountName = 'Brokerage', name = ''): ValuedPosition => ({
  id: symbol.length,
  accountId: 1,
  accountName,
  symbol,
  name,
  assetClass: 'equity',
  quantity: 1,
  price: baseValue,
  marketValue: null,
  costBasis: null,
  currency: 'USD',
  asOf: null,
  isShortIntended: false,
  localValue: baseValue ?? 0,
  baseValue,
  weight: baseValue === null ? null : baseValue / 100,
});

describe('holdings table', () => {
  const rows = [p('NVDA', 50, 'Brokerage', 'NVIDIA'), p('SPY', 30, 'Roth IRA'), p('LDO.MI', null, 'Europe'), p('AAPL', 30)];

  it('sorts by value, largest first, ties by symbol, unknown values last', () => {
    expect(arrangePositions(rows, '', { key: 'value', descending: true }).map((r) => r.symbol)).toEqual(['NVDA', 'AAPL', 'SPY', 'LDO.MI']);
    expect(arrangePositions(rows, '', { key: 'symbol', descending: false }).map((r) => r.symbol)).toEqual([
      'AAPL',
      'LDO.MI',
      'NVDA',
      'SPY',
    ]);
  });

  it('filters on symbol, name or account, ignoring case', () => {
    expect(arrangePositions(rows, 'nvidia', { key: 'symbol', descending: false }).map((r) => r.symbol)).toEqual(['NVDA']);
    expect(arrangePositions(rows, ' roth ', { key: 'symbol', descending: false }).map((r) => r.symbol)).toEqual(['SPY']);
  });

  it('toggles direction on the same column; numbers start descending', () => {
    expect(nextSort({ key: 'value', descending: true }, 'value')).toEqual({ key: 'value', descending: false });
    expect(nextSort({ key: 'value', descending: true }, 'symbol')).toEqual({ key: 'symbol', descending: false });
    expect(nextSort({ key: 'symbol', descending: false }, 'weight')).toEqual({ key: 'weight', descending: true });
  });

  it('scales weight bars to the largest weight', () => {
    expect(barShare(0.0885, 0.0885)).toBe(1);
    expect(barShare(0.04, 0.08)).toBe(0.5);
    expect(barShare(-0.04, 0.08)).toBe(0.5);
    expect(barShare(null, 0.08)).toBe(0);
    expect(barShare(0.1, 0)).toBe(0);
  });

  it.each([
    ['1,234.5', 1234.5],
    [' 12 ', 12],
    ['-3', -3],
    ['$99.90', 99.9],
    ['', null],
    ['abc', NaN],
    ['1.2.3', NaN],
  ])('reads typed number %j as %s', (text, expected) => {
    expect(parseTypedNumber(text)).toEqual(expected);
  });
});

describe('keyboard', () => {
  it('maps Ctrl/Cmd+1…7 to views (6 and 7 are the advisor views) and ignores other keys', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = { ctrlKey: true }) =>
      viewForShortcut({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(key('1')).toBe('portfolios');
    expect(key('2', { metaKey: true })).toBe('holdings');
    expect(key('5')).toBe('reports');
    expect(key('6')).toBe('clients');
    expect(key('7')).toBe('firm');
    expect(key('8')).toBeNull();
    expect(key('2', {})).toBeNull();
    expect(key('2', { ctrlKey: true, shiftKey: true })).toBeNull();
  });

  it('maps Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y to undo and redo, but not inside text fields', () => {
    const e = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
      key,
      ctrlKey: true,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(editShortcut(e('z'), false)).toBe('undo');
    expect(editShortcut(e('Z', { shiftKey: true }), false)).toBe('redo');
    expect(editShortcut(e('y'), false)).toBe('redo');
    expect(editShortcut(e('z'), true)).toBeNull();
    expect(editShortcut(e('z', { ctrlKey: false }), false)).toBeNull();
  });
});

describe('scenario editor suggestions', () => {
  it('offers the portfolio’s own symbols first, then the security master', async () => {
    const { vocabulary } = await import('../../renderer/src/views/scenario-editor');
    const snapshot = {
      portfolio: { baseCurrency: 'USD' },
      positions: [
        { symbol: 'ZZZ', currency: 'EUR' },
        { symbol: 'AAA', currency: 'USD' },
      ],
      reference: {
        securities: {
          AAA: { symbol: 'AAA', themes: ['ai-energy'], industry: 'Semiconductors', sector: 'Information Technology', country: 'US' },
        },
      },
    } as never;
    const v = vocabulary(snapshot, {
      symbols: ['NVDA', 'AAA', 'ASML'],
      themes: ['semiconductors'],
      industries: ['Banks'],
      sectors: ['Utilities'],
      countries: ['NL'],
    });
    expect(v.symbol).toEqual(['AAA', 'ZZZ', 'ASML', 'NVDA']);
    expect(v.theme).toEqual(['ai-energy', 'semiconductors']);
    expect(v.industry).toEqual(['Banks', 'Semiconductors']);
    expect(v.country).toEqual(['NL', 'US']);
    expect(v.currency).toEqual(expect.arrayContaining(['EUR', 'USD']));
    expect(v.market).toEqual([]);
  });
});

describe('holdings table: options under their underlying', () => {
  const option = (symbol: string, baseValue: number, multiplier = 100): ValuedPosition => ({
    ...p(symbol, baseValue),
    id: 100 + baseValue,
    assetClass: 'other',
    multiplier,
  });
  const rows = [
    p('NVDA', 12050),
    p('AAPL', 9000),
    option('NVDA  250620C00150000', 2100),
    option('QQQ   250620P00450000', -1230),
    option('NVDA  250620P00100000', 20, 10),
  ];

  it('lists each option right after its underlying, whatever the sort; one without its underlying keeps its place', () => {
    expect(arrangePositions(rows, '', { key: 'value', descending: true }).map((r) => r.symbol)).toEqual([
      'NVDA',
      'NVDA  250620C00150000',
      'NVDA  250620P00100000',
      'AAPL',
      'QQQ   250620P00450000',
    ]);
    expect(arrangePositions(rows, '', { key: 'symbol', descending: false }).map((r) => r.symbol)).toEqual([
      'AAPL',
      'NVDA',
      'NVDA  250620C00150000',
      'NVDA  250620P00100000',
      'QQQ   250620P00450000',
    ]);
  });

  it('reads an option as its contract, with a multiplier other than 100 shown', () => {
    expect(positionLabel(rows[2])).toBe('NVDA 20 Jun 2025 150 C');
    expect(positionLabel(rows[4])).toBe('NVDA 20 Jun 2025 100 P ×10');
    expect(positionLabel(rows[0])).toBe('NVDA');
    // A symbol shaped like a contract is no option without a multiplier.
    expect(optionOf(p('NVDA  250620C00150000', 1))).toBeNull();
  });
});
