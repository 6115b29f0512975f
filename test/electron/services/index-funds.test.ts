import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertSecurityLayer } from '../../../electron/db/securities';
import { bundledEtfFacts } from '../../../electron/services/bundled-reference';
import { refreshRequest } from '../../../electron/services/market/refresh-request';
import { listUnclassified, loadReferenceData } from '../../../electron/services/reference';
import { closeServices, type Services } from '../../../electron/services/services';
import { blankLayer } from '../../../shared/domain/classification';
import { indexFundText, indexFunds } from '../../../shared/domain/index-funds';
import type { ScenarioInput } from '../../../shared/engine';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices({ loadReference: true });
});
afterEach(() => closeServices(services));

const scenario = (shocks: ScenarioInput['shocks']): ScenarioInput => ({
  format: 'aftershock-scenario',
  version: 1,
  id: 'typed',
  name: 'typed',
  kind: 'hypothetical',
  shocks,
});

describe('index mutual funds, offline', () => {
  it('each stand-in is a fund of the bundled ETF master that follows the fund’s index, or says which index it follows instead', () => {
    for (const fund of indexFunds()) {
      const facts = bundledEtfFacts(services.db, fund.standIn);
      expect(facts, `${fund.symbol}'s stand-in ${fund.standIn}`).not.toBeNull();
      if (fund.standInIndex) {
        expect(facts!.index, fund.symbol).toBe(fund.standInIndex);
        expect(fund.standInIndex, fund.symbol).not.toBe(fund.index);
      } else expect(facts!.index, fund.symbol).toBe(fund.index);
    }
    // Each is classified as its stand-in, with the stand-in's duration when it is a bond fund.
    const symbols = indexFunds().flatMap((f) => [f.symbol, f.standIn]);
    const ref = loadReferenceData(services.db, symbols);
    for (const fund of indexFunds()) {
      const standIn = ref.securities[fund.standIn];
      expect(ref.securities[fund.symbol], fund.symbol).toMatchObject({
        name: fund.name,
        type: standIn.type === 'bond-fund' ? 'bond-fund' : fund.vehicle === 'UCITS ETF' ? 'etf' : 'mutual-fund',
        currency: fund.currency,
        sector: standIn.sector,
        industry: standIn.industry,
      });
      expect(ref.securities[fund.symbol].duration?.years, fund.symbol).toBe(standIn.duration?.years);
    }
    expect(ref.unclassified).toEqual([]);
  });

  it('list every UCITS listing of the curated listings file, in its currency, and the bare London tickers brokers write', () => {
    const file = path.join(__dirname, '..', '..', '..', 'scripts', 'reference-data', 'ucits-listings.json');
    const curated = JSON.parse(fs.readFileSync(file, 'utf8')) as { funds: { name: string; listings: [string, string, string][] }[] };
    const ucits = indexFunds().filter((f) => f.vehicle === 'UCITS ETF');
    for (const fund of curated.funds)
      for (const [symbol, , currency] of fund.listings)
        expect(
          ucits.find((f) => f.symbol === symbol),
          symbol,
        ).toMatchObject({ name: fund.name, currency });
    for (const bare of ucits.filter((f) => !f.symbol.includes('.')))
      expect(
        ucits.find((f) => f.symbol === `${bare.symbol}.L`),
        bare.symbol,
      ).toMatchObject({ name: bare.name, currency: bare.currency });
    expect(ucits).toHaveLength(
      curated.funds.reduce((n, f) => n + f.listings.length, 0) + ucits.filter((f) => !f.symbol.includes('.')).length,
    );
  });

  it('are classified as their stand-ins, under their own names, and looked through their holdings', () => {
    const ref = loadReferenceData(services.db, ['FXAIX', 'VOO', 'FXNAX', 'FSKAX']);
    expect(ref.securities.FXAIX).toMatchObject({
      name: 'Fidelity 500 Index Fund',
      type: 'mutual-fund',
      sector: ref.securities.VOO.sector,
      industry: ref.securities.VOO.industry,
      country: 'United States',
      sources: { name: 'bundled', type: 'bundled', sector: 'bundled' },
    });
    expect(ref.funds.FXAIX.holdings).toEqual(ref.funds.VOO.holdings);
    expect(ref.funds.FXAIX.holdings.length).toBeGreaterThan(400);
    expect(ref.funds.FXAIX.source).toMatch(/^VOO's holdings \(FXAIX follows the S&P 500, as VOO does\); /);
    // A bond index fund is a bond fund with its stand-in's duration, for rate shocks.
    expect(ref.securities.FXNAX).toMatchObject({ type: 'bond-fund', duration: { years: 5.9, source: 'bundled' } });
    expect(listUnclassified(services.db, ['FXAIX', 'FXNAX', 'FSKAX', 'ZZZZX'])).toEqual(['ZZZZX']);
    // A UCITS listing: an ETF in its own currency, looked through the US ETF of its index.
    const europe = loadReferenceData(services.db, ['CSPX.L', 'VWRL.AS']);
    expect(europe.securities['CSPX.L']).toMatchObject({ name: 'iShares Core S&P 500 UCITS ETF (Acc)', type: 'etf', currency: 'USD' });
    expect(europe.funds['CSPX.L'].holdings).toEqual(ref.funds.VOO.holdings);
    expect(europe.securities['VWRL.AS']).toMatchObject({ type: 'etf', currency: 'EUR', industry: 'Global Equity' });
    // What the classify dialog and "securities show" say of it.
    const shown = call(services, 'securities:show', { symbol: 'FSKAX' });
    expect(shown).toMatchObject({ isKnown: true, indexFund: { standIn: 'VTI', standInIndex: 'CRSP US Total Market' } });
    expect(indexFundText(shown.indexFund!)).toBe(
      'Fidelity Total Market Index Fund (Fidelity) is an index mutual fund: FSKAX follows the Dow Jones U.S. Total Stock Market; ' +
        "VTI (CRSP US Total Market) stands in for it, so it is classified and stressed like VTI, and replayed with VTI's history when it has none of its own.",
    );
  });

  it('move under a scenario exactly as their stand-in does, and a rate shock moves the bond fund by its duration', () => {
    const { id: portfolioId } = call(services, 'portfolios:create', { name: 'Index funds' });
    const account = call(services, 'accounts:create', { portfolioId, name: '401(k)' });
    for (const symbol of ['FXAIX', 'VOO', 'FXNAX'])
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 100, price: 100 });
    const pnl = (shocks: ScenarioInput['shocks']) =>
      Object.fromEntries(call(services, 'stress:run', { portfolioId, scenario: scenario(shocks) }).positions.map((p) => [p.symbol, p.pnl]));
    const tech = pnl([{ target: 'sector', value: 'Information Technology', change: -0.1 }]);
    expect(tech.VOO).toBeLessThan(-300); // a third of the S&P 500 is information technology
    expect(tech.FXAIX).toBe(tech.VOO);
    expect(tech.FXNAX).toBe(0);
    const rates = pnl([{ target: 'rates', value: '', change: 0.01 }]);
    expect(rates.FXNAX).toBeCloseTo(-10_000 * 5.9 * 0.01, 6);
  });

  it('replay a window as their stand-in’s history, with no history of their own', () => {
    const { id: portfolioId } = call(services, 'portfolios:create', { name: 'DeepSeek Monday' });
    const account = call(services, 'accounts:create', { portfolioId, name: 'IRA' });
    for (const symbol of ['FXAIX', 'VOO']) call(services, 'positions:create', { accountId: account.id, symbol, quantity: 10, price: 500 });
    const result = call(services, 'stress:replay', { portfolioId, from: '2025-01-24', to: '2025-01-27' });
    const by = Object.fromEntries(result.positions.map((p) => [p.symbol, p]));
    expect(by.VOO.return).toBeLessThan(-0.01);
    expect(by.FXAIX).toMatchObject({ source: 'proxy', return: by.VOO.return, pnl: by.VOO.pnl });
    expect(by.FXAIX.applied).toMatch(
      /^Proxy: no price history of its own, moved as VOO \(FXAIX follows the S&P 500, as VOO does\) −1\.\d+%$/,
    );
  });

  it('replay as their stand-in’s history, and count by it in risk, when the book does not hold the stand-in', () => {
    // VOO's closes are read for FXAIX even though nothing holds VOO (they were not, and FXAIX went through today's holdings).
    const held = (symbol: string) => {
      const { id: portfolioId } = call(services, 'portfolios:create', { name: symbol });
      const account = call(services, 'accounts:create', { portfolioId, name: 'IRA' });
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 10, price: 500 });
      return portfolioId;
    };
    const fxaix = held('FXAIX');
    const voo = held('VOO');
    const replay = (portfolioId: number) =>
      call(services, 'stress:replay', { portfolioId, from: '2021-12-31', to: '2022-12-30' }).positions[0];
    const own = replay(voo);
    expect(own.applied).toMatch(/^Own total return/);
    expect(replay(fxaix)).toMatchObject({ source: 'proxy', return: own.return, pnl: own.pnl });
    expect(replay(fxaix).applied).toMatch(/moved as VOO \(FXAIX follows the S&P 500, as VOO does\)/);
    const risk = call(services, 'stress:risk', { portfolioId: fxaix, asOf: '2024-12-31' });
    expect(risk.proxied).toEqual([{ symbol: 'FXAIX', proxy: 'VOO', value: 5000 }]);
    expect(risk.excluded).toEqual([]);
  });

  it('a market-data refresh asks for the dollar against the currency each index fund trades in (its stand-in’s closes are in dollars)', () => {
    const { id: portfolioId } = call(services, 'portfolios:create', { name: 'ISA', baseCurrency: 'GBP' });
    const account = call(services, 'accounts:create', { portfolioId, name: 'ISA' });
    for (const [symbol, currency] of [
      ['VUSA.L', 'GBP'],
      ['CSPX.L', 'USD'],
      ['SXR8.DE', 'EUR'],
    ])
      call(services, 'positions:create', { accountId: account.id, symbol, quantity: 10, price: 50, currency });
    // USD/GBP for the dollar listing's value; EUR/GBP for the euro listing; GBP/USD and EUR/USD for the stand-ins.
    expect(refreshRequest(services.db, portfolioId).fxPairs).toEqual([
      ['EUR', 'GBP'],
      ['EUR', 'USD'],
      ['USD', 'GBP'],
    ]);
  });

  it('yield to market data and to your own classification, and fill a blank imported name', () => {
    upsertSecurityLayer(services.db, { ...blankLayer('FXAIX', 'market-data'), name: 'Fidelity 500 Index', sector: 'Large Blend' });
    expect(loadReferenceData(services.db, ['FXAIX']).securities.FXAIX).toMatchObject({
      name: 'Fidelity 500 Index',
      sector: 'Large Blend',
      type: 'mutual-fund',
      sources: { name: 'market-data', sector: 'market-data', type: 'bundled' },
    });
    upsertSecurityLayer(services.db, { ...blankLayer('FXAIX', 'user'), sector: 'Mine' });
    expect(loadReferenceData(services.db, ['FXAIX']).securities.FXAIX.sector).toBe('Mine');

    const { id: portfolioId } = call(services, 'portfolios:create', { name: 'Imported' });
    call(services, 'imports:commit', { portfolioId, fileName: 'k.csv', text: 'Symbol,Quantity,Price\nVFIAX,10,500\n' });
    const holdings = call(services, 'portfolios:holdings', { id: portfolioId });
    expect(holdings.positions.map((p) => p.name)).toEqual(['Vanguard 500 Index Fund Admiral Shares']);
  });
});
