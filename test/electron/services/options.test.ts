import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { refreshSymbols } from '../../../electron/services/market/refresh-request';
import { blackScholes, historicalVolatility, parseOccSymbol } from '../../../shared/domain/options';
import { insertPriceSeries } from '../../../electron/db/prices';
import { optionsNotTested } from '../../../shared/report/coverage';
import { addNvdaCalls } from '../../helpers/firm';
import { call, memoryServices } from '../../helpers/services';

/** An inline hypothetical scenario to put shocks in. */
const sp500 = () => ({
  format: 'aftershock-scenario' as const,
  version: 1 as const,
  id: 'typed',
  name: 'typed',
  kind: 'hypothetical' as const,
  description: '',
  tags: [],
  shocks: [],
});

let services: Services;
let portfolioId: number;
beforeEach(() => {
  services = memoryServices();
  portfolioId = call(services, 'portfolios:create', { name: 'AI bull' }).id;
});
afterEach(() => closeServices(services));

const BOOK =
  'Account,Symbol,Description,Quantity,Price,Market Value\n' +
  'Brokerage,NVDA,NVIDIA CORP,100,120.50,12050\n' +
  'Brokerage,NVDA  250620C00150000,NVDA CALL,5,4.20,2100\n' +
  'Brokerage,QQQ 06/20/2025 450.00 P,QQQ PUT,-2,6.15,-1230\n' +
  'Brokerage,-NVDA250620P100,PUT (NVDA) ADJUSTED (10 SHS),1,2.00,20\n';

/** Runs `test` on services whose today is 24 Jan 2025 (147 days before the June 2025 expiries), and closes them. */
function onDate(test: (dated: Services) => void): void {
  const dated = memoryServices({ today: () => '2025-01-24' });
  try {
    test(dated);
  } finally {
    closeServices(dated);
  }
}

/** BOOK imported into a new portfolio "AI bull" of `services`; the portfolio's id. */
function aiBull(services: Services): number {
  const id = call(services, 'portfolios:create', { name: 'AI bull' }).id;
  call(services, 'imports:commit', { portfolioId: id, fileName: 'ai-bull.csv', text: BOOK });
  return id;
}

describe('option positions: imported, typed, stored and listed', () => {
  it('an import stores options under their OCC symbol with multiplier, contracts (negative = written) and price per contract', () => {
    const answer = call(services, 'imports:commit', { portfolioId, fileName: 'ai-bull.csv', text: BOOK });
    expect(answer).toMatchObject({ status: 'imported', positions: 4 });
    const [account] = call(services, 'accounts:list', { portfolioId });
    const positions = call(services, 'positions:list', { accountId: account.id });
    const by = (symbol: string) => positions.find((p) => p.symbol === symbol)!;
    expect(by('NVDA')).toMatchObject({ assetClass: 'equity', quantity: 100, price: 120.5 });
    expect(by('NVDA')).not.toHaveProperty('multiplier');
    expect(by('NVDA  250620C00150000')).toMatchObject({ assetClass: 'other', quantity: 5, price: 420, multiplier: 100 });
    expect(by('QQQ   250620P00450000')).toMatchObject({ assetClass: 'other', quantity: -2, price: 615, multiplier: 100 });
    expect(by('NVDA  250620P00100000')).toMatchObject({ quantity: 1, price: 20, multiplier: 10 });
    // The stored symbol is the contract, as the options module reads it.
    expect(parseOccSymbol(by('QQQ   250620P00450000').symbol)).toEqual({
      underlying: 'QQQ',
      expiry: '2025-06-20',
      strike: 450,
      right: 'put',
      multiplier: 100,
    });
    const h = call(services, 'portfolios:holdings', { id: portfolioId });
    // 12,050 + 2,100 − 1,230 + 20: the written put is a liability.
    expect(h.totalBaseValue).toBeCloseTo(12940, 6);
  });

  it('undoing an import that replaced an option puts the option back with its multiplier and volatility', () => {
    call(services, 'imports:commit', { portfolioId, fileName: 'ai-bull.csv', text: BOOK });
    const [account] = call(services, 'accounts:list', { portfolioId });
    const call150 = call(services, 'positions:list', { accountId: account.id }).find((p) => p.symbol === 'NVDA  250620C00150000')!;
    call(services, 'positions:update', { id: call150.id, patch: { volatility: 0.48 } });
    const second = call(services, 'imports:commit', {
      portfolioId,
      fileName: 'later.csv',
      text: 'Account,Symbol,Quantity,Price\nBrokerage,NVDA,50,130\n',
    });
    expect(call(services, 'positions:list', { accountId: account.id }).map((p) => p.symbol)).toEqual(['NVDA']);
    call(services, 'imports:undo', { id: second.import!.id });
    const back = call(services, 'positions:list', { accountId: account.id });
    expect(back.find((p) => p.symbol === 'NVDA  250620P00100000')).toMatchObject({ multiplier: 10, price: 20 });
    expect(back.find((p) => p.symbol === 'NVDA  250620C00150000')).toMatchObject({ id: call150.id, multiplier: 100, volatility: 0.48 });
  });

  it('typed entry: a broker form becomes the OCC symbol, multiplier 100 unless given; a multiplier on a share is refused', () => {
    const account = call(services, 'accounts:create', { portfolioId, name: 'Typed' });
    const typed = call(services, 'positions:create', {
      accountId: account.id,
      symbol: 'nvda 06/20/2025 150 c',
      quantity: 5,
      price: 420,
    });
    expect(typed).toMatchObject({ symbol: 'NVDA  250620C00150000', assetClass: 'other', multiplier: 100 });
    const mini = call(services, 'positions:update', { id: typed.id, patch: { multiplier: 10, quantity: -1 } });
    expect(mini).toMatchObject({ symbol: 'NVDA  250620C00150000', multiplier: 10, quantity: -1 });
    // Renamed to a share: the multiplier goes.
    const share = call(services, 'positions:update', { id: typed.id, patch: { symbol: 'NVDA', price: 120 } });
    expect(share).toMatchObject({ symbol: 'NVDA' });
    expect(share).not.toHaveProperty('multiplier');
    expect(
      dispatch(services, 'positions:create', { accountId: account.id, symbol: 'AAPL', quantity: 1, price: 1, multiplier: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('AAPL is not an option symbol') } });
  });

  it('a stress run revalues options on their underlying (no volatility known: 30% assumed); one whose underlying has no price is not tested', () => {
    onDate((dated) => {
      const id = aiBull(dated);
      const result = call(dated, 'stress:run', { portfolioId: id, scenarioId: 'sp500-minus-20' });
      const by = (symbol: string) => result.positions.find((p) => p.symbol === symbol)!;
      // NVDA is unclassified here (no bundled reference): the market shock moves it −20%, 120.50 → 96.40; the call is
      // revalued from the portfolio's own NVDA price, on 24 Jan 2025 (147 days to expiry), at 4% and 30% assumed.
      const T = 147 / 365;
      const call150 = (spot: number) => blackScholes('call', spot, 150, T, 0.3, 0.04).price;
      expect(by('NVDA  250620C00150000').pnl).toBeCloseTo(5 * 100 * (call150(96.4) - call150(120.5)), 6);
      expect(by('NVDA  250620C00150000').applied).toMatch(
        /^NVDA −20% → NVDA 20 Jun 2025 150 C −\d+\.\d+% \(delta 0\.\d\d, gamma 0\.\d{3}, vol 30% assumed \(no volatility given or estimated\)\); NVDA at \$120\.50 \(the portfolio’s own price\)/,
      );
      // The mini put (10 shares a contract) gains as NVDA falls.
      const put100 = (spot: number) => blackScholes('put', spot, 100, T, 0.3, 0.04).price;
      expect(by('NVDA  250620P00100000').pnl).toBeCloseTo(1 * 10 * (put100(96.4) - put100(120.5)), 6);
      // QQQ has no price here: that put is not tested, and says so.
      const put = by('QQQ   250620P00450000');
      expect(put).toMatchObject({ pnl: 0, source: 'none' });
      expect(put.applied).toBe('Not tested: no price for QQQ, the underlying of QQQ 20 Jun 2025 450 P, so it cannot be revalued.');
      expect(result.coverage.noPrice.value).toBeCloseTo(1230, 9);
      const notTested = optionsNotTested(result, (x) => x.toFixed(0))!;
      expect(notTested.symbols).toEqual(['QQQ   250620P00450000']);
      expect(notTested.message).toBe(
        'Not tested: option valuation. One option position (QQQ 20 Jun 2025 450 P; value -1230) could not be revalued ' +
          '(reason by position: no price for the underlying, no valuation date, or no value of its own): it is left unmoved (P&L 0 in the total).',
      );
      expect(result.issues.find((i) => i.kind === 'options')!.message).toContain('30% assumed');

      // With 61 closes of QQQ (a steady ±1% zig-zag) its 60-day volatility is estimated, and its last close prices it.
      const dates = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2024, 9, 1) + i * 86_400_000).toISOString().slice(0, 10));
      const closes = dates.map((_, i) => 500 * (i % 2 === 0 ? 1 : 1.01));
      insertPriceSeries(dated.db, 'QQQ', dates, closes, 'test');
      const again = call(dated, 'stress:run', { portfolioId: id, scenarioId: 'sp500-minus-20' });
      const revalued = again.positions.find((p) => p.symbol === 'QQQ   250620P00450000')!;
      const vol = historicalVolatility(closes)!;
      // Alternating +ln(1.01), −ln(1.01): sample sd = ln(1.01) × √(60/59), × √252.
      expect(vol).toBeCloseTo(Math.log(1.01) * Math.sqrt(60 / 59) * Math.sqrt(252), 12);
      const put450 = (spot: number) => blackScholes('put', spot, 450, T, vol, 0.04).price;
      expect(revalued.pnl).toBeCloseTo(-2 * 100 * (put450(500 * 0.8) - put450(500)), 6);
      expect(revalued.applied).toContain(`vol ${Math.round(vol * 100)}% estimated`);
      // Its last close is 55 days before the valuation date (2025-01-24): the explanation says the price is old.
      expect(revalued.applied).toContain(
        `QQQ at $500.00 (close of ${dates[dates.length - 1]}, 55 days before the valuation date: update market data for a current value)`,
      );
      expect(optionsNotTested(again, String)).toBeNull();
      expect(again.coverage.noPrice.value).toBe(0);
      // A close two days old is current: no such warning.
      insertPriceSeries(dated.db, 'QQQ', ['2025-01-22'], [505], 'test');
      const fresh = call(dated, 'stress:run', { portfolioId: id, scenarioId: 'sp500-minus-20' });
      expect(fresh.positions.find((p) => p.symbol === 'QQQ   250620P00450000')!.applied).toContain('QQQ at $505.00 (close of 2025-01-22);');
    });
  });

  it('the interest rate setting: 4% by default, a rate set is used by the next run, out of range is refused, null goes back', () => {
    onDate((dated) => {
      const id = aiBull(dated);
      const call150 = () =>
        call(dated, 'stress:run', { portfolioId: id, scenarioId: 'sp500-minus-20' }).positions.find(
          (p) => p.symbol === 'NVDA  250620C00150000',
        )!;
      expect(call(dated, 'positions:optionrate', {})).toEqual({ rate: 0.04, isDefault: true });
      expect(call150().option!.rate).toBe(0.04);
      expect(call(dated, 'positions:setoptionrate', { rate: 0.045 })).toEqual({ rate: 0.045, isDefault: false });
      const at45 = call150();
      const T = 147 / 365;
      expect(at45.option!.rate).toBe(0.045);
      expect(at45.pnl).toBeCloseTo(
        5 * 100 * (blackScholes('call', 96.4, 150, T, 0.3, 0.045).price - blackScholes('call', 120.5, 150, T, 0.3, 0.045).price),
        6,
      );
      expect(at45.applied).toContain('rate 4.5%');
      expect(dispatch(dated, 'positions:setoptionrate', { rate: 0.5 })).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(call(dated, 'positions:optionrate', {})).toEqual({ rate: 0.045, isDefault: false });
      expect(call(dated, 'positions:setoptionrate', { rate: null })).toEqual({ rate: 0.04, isDefault: true });
      expect(call150().option!.rate).toBe(0.04);
    });
  });

  it('a volatility typed on an option is stored (migration 15), used instead of the estimate, and refused on a share', () => {
    onDate((dated) => {
      const id = call(dated, 'portfolios:create', { name: 'Typed vol' });
      const account = call(dated, 'accounts:create', { portfolioId: id.id, name: 'Brokerage' });
      call(dated, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 100, price: 140 });
      const typed = call(dated, 'positions:create', {
        accountId: account.id,
        symbol: 'NVDA 06/20/2025 150 C',
        quantity: 5,
        price: 1457,
        volatility: 0.5,
      });
      expect(typed).toMatchObject({ symbol: 'NVDA  250620C00150000', multiplier: 100, volatility: 0.5 });
      const result = call(dated, 'stress:run', {
        portfolioId: id.id,
        scenario: { ...sp500(), shocks: [{ target: 'symbol', value: 'NVDA', change: -0.1, enabled: true }] },
      });
      const option = result.positions.find((p) => p.symbol === 'NVDA  250620C00150000')!;
      // The story's call: 5 × 100 × (8.521720 − 14.574990) at 50% typed by the user.
      expect(option.pnl).toBeCloseTo(-3026.635356, 5);
      expect(option.option).toMatchObject({ volatility: 0.5, volatilitySource: 'position' });
      expect(option.applied).toContain('vol 50%)');
      // Cleared: the underlying's estimate (none here: no closes) or the stated 30%.
      expect(call(dated, 'positions:update', { id: typed.id, patch: { volatility: null } })).not.toHaveProperty('volatility');
      expect(
        dispatch(dated, 'positions:create', { accountId: account.id, symbol: 'AAPL', quantity: 1, price: 1, volatility: 0.3 }),
      ).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('AAPL is not an option symbol') } });
      expect(dispatch(dated, 'positions:update', { id: typed.id, patch: { volatility: 7 } })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    });
  });

  it('exposure by symbol counts an option as delta × its underlying (stated), and the health check does not call it unclassified', () => {
    onDate((dated) => {
      const id = call(dated, 'portfolios:create', { name: 'Delta' }).id;
      const account = call(dated, 'accounts:create', { portfolioId: id, name: 'Brokerage' });
      call(dated, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 100, price: 140 });
      addNvdaCalls(dated, account.id);
      call(dated, 'securities:classify', { symbol: 'NVDA', patch: { sector: 'Information Technology', industry: 'Semiconductors' } });
      const exposure = call(dated, 'exposure:portfolio', { portfolioId: id, by: 'symbol', lookThrough: true });
      // 5 × 100 × delta 0.496806 (the story's call) × $140 = $34,776.39 of NVDA on top of the shares' $14,000.
      const delta = blackScholes('call', 140, 150, 147 / 365, 0.5, 0.04).delta;
      expect(delta).toBeCloseTo(0.49680554687844, 9);
      expect(exposure.buckets.find((b) => b.key === 'NVDA')!.value).toBeCloseTo(14000 + 500 * delta * 140, 6);
      expect(exposure.buckets.map((b) => b.key)).toEqual(['NVDA']);
      expect(exposure.options).toEqual([
        {
          symbol: 'NVDA  250620C00150000',
          underlying: 'NVDA',
          delta: expect.closeTo(delta, 12),
          value: 7285,
          exposure: expect.closeTo(500 * delta * 140, 6),
        },
      ]);
      expect(exposure.total).toBeCloseTo(14000 + 7285, 9);
      expect(exposure.unclassified).toEqual([]);
      const health = call(dated, 'health:check', { portfolioId: id });
      expect(health.findings.filter((f) => f.code === 'unclassified')).toEqual([]);
    });
  });

  it('a market-data refresh asks for the underlyings of the options, not the contracts', () => {
    call(services, 'imports:commit', { portfolioId, fileName: 'ai-bull.csv', text: BOOK });
    expect(refreshSymbols(services.db, portfolioId).symbols).toEqual(['NVDA', 'QQQ']);
  });
});

describe('story: an option typed in at its premium per share, not its price per contract', () => {
  it('blocks the portfolio until the price is per contract, naming the option and both values', () => {
    onDate((dated) => {
      const id = aiBull(dated);
      const codes = () => call(dated, 'health:check', { portfolioId: id }).findings.map((f) => f.code);
      // As imported (prices per contract), every option is near the model's value.
      expect(codes()).not.toContain('option-price-per-share');
      expect(codes()).not.toContain('option-value-apart');
      const [account] = call(dated, 'accounts:list', { portfolioId: id });
      // A September call typed in at 9.10, the premium per share: 2 contracts held at $18.20 instead of $1,820.
      const typed = call(dated, 'positions:create', {
        accountId: account.id,
        symbol: 'NVDA  250919C00130000',
        quantity: 2,
        price: 9.1,
        assetClass: 'other',
        multiplier: 100,
        asOf: '2025-01-24',
      });
      const health = call(dated, 'health:check', { portfolioId: id });
      const finding = health.findings.find((f) => f.code === 'option-price-per-share')!;
      expect(health.verdict).toBe('blocked');
      expect(finding.positionIds).toEqual([typed.id]);
      expect(finding.sentence).toMatch(
        /^NVDA 19 Sep 2025 130 C \(\$18\.20 held, \$[\d,]+\.\d\d by the model\) is held at about 1\/100 of what the model gives at its underlying’s price: the price looks like the premium per share, not the price per contract\.$/,
      );
      call(dated, 'positions:update', { id: typed.id, patch: { price: 910 } });
      expect(codes()).not.toContain('option-price-per-share');
    });
  });
});
