import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { buildPreview } from '../../../shared/import/pipeline';
import { positionValue } from '../../../shared/import/summary';
import type { ImportPreview } from '../../../shared/import/types';
import { BROKER_EXPORTS } from '../../helpers/fixtures';

const isPresent = fs.existsSync(BROKER_EXPORTS);
if (!isPresent)
  console.warn(`Skipping the real broker-export corpus: ${BROKER_EXPORTS} is absent (it sits beside the checkout, not in it).`);

function run(name: string) {
  return buildPreview(decodeBytes(fs.readFileSync(path.join(BROKER_EXPORTS, name))).text, { fileName: name });
}
function preview(name: string): ImportPreview {
  const result = run(name);
  if (!result.ok) throw new Error(result.error.message);
  return result.preview;
}
const held = (p: ImportPreview) => p.positions.filter((x) => x.assetClass !== 'cash').map((x) => `${x.symbol} ${x.quantity}`);
const total = (p: ImportPreview) => Math.round(p.positions.reduce((s, x) => s + positionValue(x), 0) * 100) / 100;

// Figures checked by hand (awk over the files) — see the report of issue 3.
describe.skipIf(!isPresent)('real broker exports in ../shared/data/broker-exports', () => {
  it('Vanguard download: 60 holdings in 12 accounts from the holdings block; the transactions block is skipped', () => {
    const p = preview('OfxDownload.csv');
    expect([p.format, p.kind, p.counts.new, p.counts.invalid]).toEqual(['vanguard', 'positions', 60, 0]);
    expect(new Set(p.positions.map((x) => x.account)).size).toBe(12);
    expect(total(p)).toBe(527900.88);
    expect(p.rows.filter((r) => r.status === 'skipped').length).toBe(91);
  });

  it('Fidelity Portfolio_Positions: VWO 900 and VOO 800, $45,900.35 each', () => {
    const p = preview('fidelity_Portfolio_Positions_sample_from_FidoPositionsTests.csv');
    expect([p.format, held(p), total(p)]).toEqual(['fidelity-positions', ['VWO 900', 'VOO 800'], 91800.7]);
  });

  it('Fidelity all-accounts activity: five accounts, reinvestments, a par-quoted bond and the footer skipped', () => {
    const p = preview('fidelity_csv_all_accounts_transactions_20251204.csv');
    expect([p.format, p.counts.new, p.counts.invalid, p.counts.skipped]).toEqual(['fidelity-activity', 21, 0, 1]);
    // VVV is sold (341) but never bought in this history: it started mid-way, so VVV is closed, not a short. So is the
    // Houston bond 44244CCF2, whose 25,000 face are paid back ("REDEMPTION PAYOUT", quantity -25,000): the units leave.
    expect(held(p)).toEqual(['412003AD7 55000', 'LSEGY 1060', 'VTEB 73.459', 'WM 18', 'BND 9.598']);
    expect(p.shortfalls.map((s) => `${s.symbol} ${s.shortfall} ${s.decision.kind} ${s.quantity}`)).toEqual([
      '44244CCF2 25000 closed 0',
      'VVV 341 closed 0',
    ]);
    const bond = p.positions.find((x) => x.symbol === '412003AD7');
    // 55,000 face at 90.67 per 100: value and cost basis $49,868.50, not 100× that (4,986,850).
    expect([bond?.assetClass, bond && positionValue(bond), bond?.costBasis]).toEqual(['bond', 55000 * 0.9067000000000001, 49868.5]);
    expect(p.findings.map((f) => `${f.kind} ${f.symbol}`)).toEqual([
      'history-clamped 44244CCF2',
      'history-clamped VVV',
      'cash-not-derived USD',
      'cash-not-derived USD',
      'cash-not-derived USD',
      'par-quoted-bond 412003AD7',
    ]);
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => `${x.account} ${x.quantity}`)).toEqual(['HSA (222222222) 0.66']);
  });

  it('Schwab transactions: 119 rows replayed, the split on AVGO applied, the Transactions Total footer skipped', () => {
    const p = preview('schwab-export.csv');
    expect([p.format, p.counts.new, p.counts.invalid, p.counts.skipped]).toEqual(['schwab-transactions', 119, 0, 1]);
    const avgo = p.positions.find((x) => x.symbol === 'AVGO');
    expect([avgo?.quantity, avgo?.price]).toEqual([10, 168]);
    expect(p.positions.length).toBe(21);
  });

  it('Schwab transactions: sales of what the history never shows bought are closed, not shorts; no cash is invented', () => {
    const p = preview('schwab-export.csv');
    expect(p.positions.filter((x) => x.quantity < 0)).toEqual([]);
    expect(p.totals.every((t) => t.marketValue > 0)).toBe(true);
    expect(p.shortfalls.map((s) => `${s.symbol} ${s.shortfall} → ${s.quantity}`)).toEqual([
      '09070K200 1000 → 0',
      '171439102 50 → 0',
      'FIHBX 519.608 → 12.4',
      'DGLRX 872.454 → 0',
      '00165C203 344 → 0',
      'SNAXX 500135 → 3706.38',
      '890260854 1 → 0',
    ]);
    expect(p.findings.filter((f) => f.kind === 'history-clamped').map((f) => f.symbol)).toEqual(p.shortfalls.map((s) => s.symbol));
    // The sale of 500,135 SNAXX brought in $500k the history never shows: summing amounts would invent that much cash.
    expect(p.positions.some((x) => x.symbol === 'USD')).toBe(false);
    expect(p.findings.find((f) => f.kind === 'cash-not-derived')?.sentence).toMatch(/^Schwab: no USD cash balance was derived/);
    // Money-market funds are cash equivalents.
    expect(p.positions.filter((x) => x.assetClass === 'cash').map((x) => x.symbol)).toEqual(['SNAXX', 'SNSXX', 'SWVXX']);
  });

  it('IBKR Flex trades: 7 CH0111762537 and 323 US9220427424 (ISINs kept), three currency conversions skipped', () => {
    const p = preview('ibkr-trades-export.csv');
    expect([p.format, held(p), p.counts.skipped]).toEqual(['ibkr-flex', ['CH0111762537 7', 'US9220427424 323'], 3]);
  });

  it('IBKR dividends alone are refused: they say nothing about holdings', () => {
    const result = run('ibkr-dividends-export.csv');
    expect(result.ok ? '' : result.error.message).toBe(
      'ibkr-dividends-export.csv: this history has no buys, sells or share transfers (only cash such as dividends or fees), so it cannot tell what you hold. Import a positions export or a full trade history instead.',
    );
  });

  it('DEGIRO statement: trades read from Dutch, Spanish, French and English descriptions with decimal commas', () => {
    const p = preview('degiro-export.csv');
    expect([p.format, p.counts.new, p.counts.invalid]).toEqual(['degiro', 67, 0]);
    expect(held(p)).toContain('IE00B4L5Y983 7');
    expect(held(p)).toContain('FI4000198031 6');
  });

  it('Revolut: fractional buys, a decimal-comma quantity, a stock split; internal transfers skipped', () => {
    const p = preview('revolut-invest-export.csv');
    // MA sells 0.1998348 more than it buys: a history that starts mid-way, closed at zero.
    expect(held(p)).toEqual(['MSFT 0.76672417', 'O 1.63453043', 'TSLA 0.72649598']);
    expect(p.findings.filter((f) => f.kind === 'history-clamped').map((f) => f.symbol)).toEqual(['MA']);
    expect(p.counts.skipped).toBe(3);
  });

  it('Freetrade: buys replayed from ORDER rows with their Buy / Sell side', () => {
    expect(held(preview('freetrade-export.csv'))).toEqual(['ATST 421', 'NVDA 4.1056135', 'VWRL 11']);
  });

  it('Trading 212: four rows in a shifted column order are invalid, named by row and column', () => {
    const p = preview('trading212-export.csv');
    expect(p.rows.filter((r) => r.status === 'invalid').map((r) => `${r.row} ${r.column}`)).toEqual([
      '11 Price / share',
      '12 Price / share',
      '13 Price / share',
      '14 Price / share',
    ]);
  });
});
