import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASH_EQUIVALENTS, isCashEquivalent } from '../../../shared/domain/cash-equivalents';
import { blankLayer, mergeClassification } from '../../../shared/domain/classification';
import type { ClassificationLayer } from '../../../shared/domain/reference';
import { prepareBook, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from '../engine/book-builder';

const bundled = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'reference', 'securities.json'), 'utf8'),
) as {
  columns: string[];
  rows: unknown[][];
};

describe('money-market, sweep and T-bill funds are cash equivalents', () => {
  it('are all in the bundled security master as money-market funds (so the engine treats them as cash)', () => {
    const type = bundled.columns.indexOf('type');
    const types = new Map(bundled.rows.map((r) => [r[0] as string, r[type] as string]));
    expect(Object.keys(CASH_EQUIVALENTS).filter((s) => types.get(s) !== 'money-market')).toEqual([]);
    expect(Object.keys(CASH_EQUIVALENTS)).toEqual(
      expect.arrayContaining([
        'SPAXX',
        'FDRXX',
        'FZFXX',
        'SNAXX',
        'SNSXX',
        'SWVXX',
        'VMFXX',
        'VMRXX',
        'SPRXX',
        'FZDXX',
        'SWTXX',
        'SGOV',
        'BIL',
        'SHV',
        'USFR',
      ]),
    );
  });

  it.each([
    ['SNAXX', '', true],
    ['sgov', '', true],
    ['XYZXX', 'SCHWAB US TREASURY MONEY INVESTOR', true],
    ['ABCXX', 'ACME GOVT MONEY MARKET FUND', true],
    ['QQQ', 'INVESCO QQQ TRUST', false],
    ['MNY', 'MONEY FINANCIAL CORP', false],
  ] as const)('%s "%s" → %s', (symbol, name, expected) => {
    expect(isCashEquivalent(symbol, name)).toBe(expected);
  });

  it('move 0 under a −20% market shock while the rest of the book takes it', () => {
    const book = prepareBook(
      [pos('SNAXX', 5000, 1, { assetClass: 'equity' }), pos('SGOV', 100, 100.5), pos('SPY', 10, 500)],
      'USD',
      reference([
        sec('SNAXX', { type: 'money-market' }),
        sec('SGOV', { type: 'money-market' }),
        sec('SPY', { type: 'etf', sector: 'Multi-Sector' }),
      ]),
    );
    const result = runScenario(book, scenario([{ target: 'market', value: '', change: -0.2 }]));
    expect(Object.fromEntries(result.positions.map((p) => [p.symbol, p.pnl]))).toEqual({ SNAXX: 0, SGOV: 0, SPY: -1000 });
  });

  it('stay cash when a market-data refresh calls them an ETF; only the user can say otherwise', () => {
    const layer = (source: ClassificationLayer['source'], type: ClassificationLayer['type']): ClassificationLayer => ({
      ...blankLayer('SGOV', source),
      type,
    });
    expect(mergeClassification('SGOV', [layer('bundled', 'money-market'), layer('market-data', 'etf')], []).type).toBe('money-market');
    expect(
      mergeClassification('SGOV', [layer('bundled', 'money-market'), layer('market-data', 'etf'), layer('user', 'bond-fund')], []).type,
    ).toBe('bond-fund');
    expect(mergeClassification('GEV', [layer('bundled', 'stock'), layer('market-data', 'etf')], []).type).toBe('etf');
  });
});
