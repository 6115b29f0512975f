import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFundHoldings } from '../../../../electron/db/fund-holdings';
import { listPrices } from '../../../../electron/db/prices';
import { listQuotes, upsertQuote } from '../../../../electron/db/quotes';
import { listSecurityLayers } from '../../../../electron/db/securities';
import { closeServices } from '../../../../electron/services/services';
import { loadReferenceData } from '../../../../electron/services/reference';
import { call, memoryServices } from '../../../helpers/services';
import { fixtureFetch, offlineFetch, OWN_YAHOO_FIXTURES, routeOf, SHARED_YAHOO_FIXTURES } from '../../../helpers/yahoo-fetch';

function servicesWith(fetchImpl: typeof fetch) {
  return memoryServices({ marketFetch: fetchImpl, loadReference: true });
}

async function refresh(services: ReturnType<typeof servicesWith>, request: object) {
  const started = call(services, 'market:refresh', request);
  expect(started.state).toBe('running');
  return services.market.settled();
}

describe('market-data refresh (our own fixtures)', () => {
  it('stores quotes, profiles, top holdings, history and FX; rejects the malformed symbol per part', async () => {
    const replay = fixtureFetch([OWN_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    const { db } = services;
    upsertQuote(db, { symbol: 'BAD', price: 9.5, currency: 'USD', asOf: '2025-01-02', source: 'earlier refresh' });
    call(services, 'securities:classify', { symbol: 'NVDA', patch: { sector: 'My own sector', themes: ['ai-energy'] } });
    const portfolio = call(services, 'portfolios:create', { name: 'Refresh' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'A' });
    for (const symbol of ['NVDA', 'SMH', 'BAD'])
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 123.456, price: 10 });
    call(services, 'positions:create', {
      accountId: account.id,
      symbol: 'EUR',
      quantity: 999.25,
      price: 1,
      currency: 'EUR',
      assetClass: 'cash',
    });

    const status = await refresh(services, { portfolioId: portfolio.id });
    expect(status).toMatchObject({ state: 'done', done: 4, total: 4 });
    expect([...status.updated].sort()).toEqual(['EUR/USD', 'NVDA', 'SMH']);
    expect(status.errors.map((e: { symbol: string; part: string }) => `${e.symbol}:${e.part}`).sort()).toEqual([
      'BAD:history',
      'BAD:profile',
      'BAD:quote',
    ]);
    expect(status.errors.find((e: { part: string }) => e.part === 'profile')?.message).toBe(
      'the top holdings of BAD sum to 170.00%, above 100%',
    );
    expect(status.message).toBe('Market data updated for 3 items. 3 items could not be updated; see the list.');

    expect(listQuotes(db, ['NVDA', 'SMH', 'BAD'])).toEqual([
      { symbol: 'BAD', price: 9.5, currency: 'USD', asOf: '2025-01-02', source: 'earlier refresh' },
      { symbol: 'NVDA', price: 118.5, currency: 'USD', asOf: '2025-01-27', source: 'Yahoo Finance' },
      { symbol: 'SMH', price: 250, currency: 'USD', asOf: '2025-01-27', source: 'Yahoo Finance' },
    ]);
    expect(listPrices(db, 'NVDA', '2025-01-24', '2025-01-27').map((p) => [p.date, p.close, p.source])).toEqual([
      ['2025-01-24', 142.59, 'Yahoo Finance'],
      ['2025-01-27', 118.5, 'Yahoo Finance'],
    ]);
    expect(listFundHoldings(db, ['BAD'])).toEqual([]);
    const ref = loadReferenceData(db, ['NVDA', 'SMH']);
    expect(ref.funds.SMH).toMatchObject({
      origin: 'market-data',
      source: 'Yahoo Finance top holdings',
      holdings: [
        { symbol: 'NVDA', weight: 0.2 },
        { symbol: 'TSM', weight: 0.1 },
        { symbol: 'AVGO', weight: 0.05 },
      ],
    });
    expect(ref.funds.SMH.totalWeight).toBeCloseTo(0.35, 12);
    // The user's override survived; market data did not replace the bundled GICS industry.
    expect(ref.securities.NVDA).toMatchObject({
      sector: 'My own sector',
      industry: 'Semiconductors',
      name: 'NVIDIA Corporation',
      themes: ['ai-energy'],
    });
    expect(ref.securities.NVDA.sources).toMatchObject({
      sector: 'user',
      industry: 'bundled',
      name: 'market-data',
      exchange: 'market-data',
      themes: 'user',
    });
    expect(ref.fxRates).toContainEqual({ currency: 'EUR', quote: 'USD', rate: 1.0465, asOf: '2025-02-21', source: 'Yahoo Finance' });
    // The pair's daily closes are kept under its Yahoo symbol, for replays that move currencies.
    expect(listPrices(db, 'EURUSD=X').map((p) => [p.date, p.close, p.adjClose, p.source])).toEqual([
      ['2025-02-17', 1.0483, 1.0483, 'Yahoo Finance'],
      ['2025-02-18', 1.0447, 1.0447, 'Yahoo Finance'],
      ['2025-02-19', 1.0421, 1.0421, 'Yahoo Finance'],
      ['2025-02-20', 1.0398, 1.0398, 'Yahoo Finance'],
      ['2025-02-21', 1.0465, 1.0465, 'Yahoo Finance'],
    ]);

    // Only symbols leave the machine: no quantity, price or portfolio name in any URL. (Decimal
    // quantities, because whole numbers can turn up inside the time stamps of a history request.)
    const sent = replay.requests.join('\n');
    expect(sent).not.toMatch(/123\.456|999\.25|Refresh/);
    expect(
      replay.requests
        .filter((u) => u.includes('/v7/finance/quote'))
        .map((u) => new URL(u).searchParams.get('symbols'))
        .sort(),
    ).toEqual(['BAD', 'NVDA', 'SMH']);

    // The next refresh asks for the pair's closes from the day after the last one stored.
    const asked = replay.requests.length;
    await refresh(services, { portfolioId: portfolio.id });
    const chart = replay.requests.slice(asked).find((u) => routeOf(u) === 'chart:EURUSD=X');
    expect(new URL(chart!).searchParams.get('period1')).toBe(String(Date.parse('2025-02-22T00:00:00Z') / 1000));
  });

  it('asks for the major currency of a holding quoted in a minor unit (GBX → GBP/USD)', async () => {
    const replay = fixtureFetch([OWN_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    const portfolio = call(services, 'portfolios:create', { name: 'Pence' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'A' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'VOD.L', quantity: 100, price: 70, currency: 'GBX' });
    const status = await refresh(services, { portfolioId: portfolio.id, symbols: [] });
    expect(status.total).toBe(1);
    expect(replay.requests.map(routeOf).filter((r) => r?.startsWith('chart:'))).toEqual(['chart:GBPUSD=X']);
  });

  it('resolves a holding known only by ISIN through Yahoo search, sending only the ISIN, and keeps its data under the ISIN', async () => {
    const replay = fixtureFetch([OWN_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    const { db } = services;
    // NVIDIA's ISIN resolves to NVDA (search-US67066G1040.json); NO0010123060 has no listing (an empty search result).
    const status = await refresh(services, { symbols: ['US67066G1040', 'NO0010123060'] });
    expect(status.updated).toEqual(['US67066G1040']);
    expect(status.errors).toEqual([
      { symbol: 'NO0010123060', part: 'profile', message: "Yahoo's search finds no listing for the ISIN NO0010123060" },
    ]);
    expect(listQuotes(db, ['US67066G1040'])).toEqual([
      { symbol: 'US67066G1040', price: 118.5, currency: 'USD', asOf: '2025-01-27', source: 'Yahoo Finance' },
    ]);
    const layer = listSecurityLayers(db, ['US67066G1040']).find((l) => l.source === 'market-data');
    expect([layer?.name, layer?.isin, layer?.sector]).toEqual(['NVIDIA Corporation', 'US67066G1040', 'Information Technology']);
    expect(listPrices(db, 'US67066G1040', '2025-01-24', '2025-01-27').map((p) => [p.date, p.close])).toEqual([
      ['2025-01-24', 142.59],
      ['2025-01-27', 118.5],
    ]);
    // Only the ISIN went to the search; the quote, profile and history were asked for the listing it named.
    expect(replay.requests.map(routeOf).filter(Boolean).sort()).toEqual([
      'chart:NVDA',
      'quote:NVDA',
      'search:NO0010123060',
      'search:US67066G1040',
      'summary:NVDA',
    ]);
    const search = replay.requests.filter((u) => routeOf(u)?.startsWith('search:')).map((u) => new URL(u).searchParams.get('q'));
    expect(search.sort()).toEqual(['NO0010123060', 'US67066G1040']);
  });

  it('fails calmly when offline and changes nothing', async () => {
    const services = servicesWith(offlineFetch);
    const before = services.db.prepare('SELECT COUNT(*) AS n FROM prices').get();
    const status = await refresh(services, { symbols: ['NVDA', 'AAPL', 'MSFT'] });
    expect(status.state).toBe('offline');
    expect(status.errors).toEqual([]);
    expect(status.updated).toEqual([]);
    expect(status.message).toBe(
      'Aftershock could not reach Yahoo Finance, so you seem to be offline. Everything else keeps its bundled or cached data.',
    );
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM prices').get()).toEqual(before);
    expect(listQuotes(services.db, ['NVDA', 'AAPL', 'MSFT'])).toEqual([]);
  });

  it('cancels a running refresh and allows only one at a time', async () => {
    const replay = fixtureFetch([OWN_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    const first = call(services, 'market:refresh', { symbols: ['NVDA', 'SMH', 'BAD', 'NVDA', 'SMH', 'BAD'] });
    expect(call(services, 'market:refresh', { symbols: ['NVDA'] }).id).toBe(first.id);
    call(services, 'market:cancel', {});
    const status = await services.market.settled();
    expect(status.state).toBe('cancelled');
    expect(status.done).toBeLessThan(6);
    expect(call(services, 'market:status', {}).state).toBe('cancelled');
  });
});

const hasShared = fs.existsSync(SHARED_YAHOO_FIXTURES);
describe.skipIf(!hasShared)('market-data refresh replaying ../shared/data/yahoo-fixtures/v3 (skipped when that folder is absent)', () => {
  it('populates quote, profile, top holdings, history and FX from the recorded responses', async () => {
    const replay = fixtureFetch([SHARED_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    const status = await refresh(services, { symbols: ['AAPL', 'QQQ', 'NVDA', 'LDO.MI'] });
    expect(status.state).toBe('done');
    const { db } = services;
    const quotes = Object.fromEntries(listQuotes(db, ['AAPL', 'QQQ', 'LDO.MI']).map((q) => [q.symbol, q]));
    expect(quotes['LDO.MI']).toMatchObject({ price: 33.38, currency: 'EUR' });
    expect(quotes.AAPL.currency).toBe('USD');
    expect(quotes.QQQ.currency).toBe('USD');
    const qqq = listFundHoldings(db, ['QQQ']).filter((h) => h.origin === 'market-data');
    expect(qqq).toHaveLength(10);
    expect(qqq.every((h) => h.weight > 0 && h.weight < 0.2)).toBe(true);
    const aapl = call(services, 'securities:show', { symbol: 'AAPL' });
    expect(aapl.layers.find((l: { source: string }) => l.source === 'market-data')).toMatchObject({
      country: 'United States',
      type: 'stock',
    });
    const nvda = listPrices(db, 'NVDA', '2021-02-01', '2022-01-31').filter((p) => p.source === 'Yahoo Finance');
    expect(nvda).toHaveLength(252);
    expect(status.errors.filter((e: { symbol: string }) => e.symbol !== 'NVDA' && e.symbol !== 'LDO.MI')).toEqual([]);
  });
});

describe.skipIf(!hasShared)('unknown funds classify themselves from the recorded Yahoo profiles (skipped without ../shared/data)', () => {
  it('QQQ and a Canadian mutual fund, unknown without the bundled master, get a type and sector marked as market data', async () => {
    const replay = fixtureFetch([SHARED_YAHOO_FIXTURES]);
    const services = memoryServices({ marketFetch: replay.fetch });
    expect(call(services, 'securities:show', { symbol: 'QQQ' }).classification).toMatchObject({ type: 'other', sector: null, sources: {} });
    const status = await refresh(services, { symbols: ['QQQ', '0P000071W8.TO'] });
    expect(status.state).toBe('done');
    // QQQ's recorded fundProfile says "Large Growth"; technology is 51% of it, short of a sector fund.
    const qqq = call(services, 'securities:show', { symbol: 'QQQ' }).classification;
    expect(qqq).toMatchObject({ type: 'etf', sector: 'Multi-Sector', industry: 'Large Growth' });
    expect(qqq.sources).toMatchObject({ type: 'market-data', sector: 'market-data', industry: 'market-data' });
    // The mutual fund's profile has no category; its holdings are 100% stocks spread over sectors.
    const td = call(services, 'securities:show', { symbol: '0P000071W8.TO' }).classification;
    expect(td).toMatchObject({ type: 'mutual-fund', sector: 'Multi-Sector', industry: null });
    expect(td.sources.sector).toBe('market-data');
    closeServices(services);
  });

  it('never overrides the bundled sector of a fund the master knows', async () => {
    const replay = fixtureFetch([SHARED_YAHOO_FIXTURES]);
    const services = servicesWith(replay.fetch);
    await refresh(services, { symbols: ['QQQ'] });
    const qqq = call(services, 'securities:show', { symbol: 'QQQ' }).classification;
    expect(qqq).toMatchObject({ sector: 'Multi-Sector', industry: 'Nasdaq-100 Equity' });
    expect(qqq.sources.industry).toBe('bundled');
  });
});
