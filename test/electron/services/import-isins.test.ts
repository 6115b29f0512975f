import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { listIsinListings } from '../../../electron/db/isin-listings';
import { fixtureText } from '../../helpers/fixtures';
import { call, memoryServices } from '../../helpers/services';

// One services instance with the bundled reference (security master and ISIN table) loaded, for every test here.
let services: Services;
let portfolioId: number;
beforeAll(() => {
  services = memoryServices({ loadReference: true });
  portfolioId = call(services, 'portfolios:create', { name: 'ISINs' }).id;
});
afterAll(() => closeServices(services));

const preview = (name: string) =>
  call(services, 'imports:preview', { portfolioId, fileName: name, text: fixtureText(`languages/${name}`) }).preview;

describe('ISIN-only rows resolve through the bundled ISIN table', () => {
  it('gives bundled securities their ISIN, so a US share known by ISIN is its ticker with its classification', () => {
    const row = services.db.prepare("SELECT isin, sector FROM securities WHERE symbol = 'NVDA' AND source = 'bundled'").get();
    expect(row).toEqual({ isin: 'US67066G1040', sector: 'Information Technology' });
  });

  it('keeps every listing of a UCITS ETF with its exchange and currency', () => {
    expect(listIsinListings(services.db, 'IE00BK5BQT80').map((l) => `${l.symbol} ${l.exchange} ${l.currency}`)).toEqual([
      'VWCE.AS Euronext Amsterdam EUR',
      'VWCE.DE Xetra EUR',
      'VWCE.MI Borsa Italiana EUR',
      'VWRA.L London Stock Exchange USD',
      'VWRP.L London Stock Exchange GBP',
    ]);
  });

  it('reads a Dutch positions file of ISINs: tickers for known ISINs (the listing in the row currency), the ISIN kept and said for an unknown one', () => {
    const p = preview('isin-only-positions-nl.csv');
    expect(p.positions.map((x) => `${x.symbol} ${x.quantity} ${x.currency}`)).toEqual([
      'AAPL 10 USD',
      'NVDA 4 USD',
      'VWRL.AS 12 EUR',
      'IWDA.AS 3 EUR',
      'TDIV.AS 20 EUR',
      'DE000A0D9PT0 2 EUR',
    ]);
    // 2 × 301,40 with a decimal comma; the name stays with the holding.
    const mtu = p.positions.find((x) => x.symbol === 'DE000A0D9PT0')!;
    expect([mtu.price, mtu.name]).toEqual([301.4, 'MTU AERO ENGINES AG']);
    expect(p.warnings.join(' ')).toMatch(/1 holding is known only by ISIN \(DE000A0D9PT0\)/);
  });

  it('takes the London listing in the row currency: VWRL.L for GBP, VUAA.L for USD, VUSA.L for pence', () => {
    const p = preview('isin-only-positions-uk.csv');
    // The accumulating class has its own ISIN (IE00BFMXXD54); 9,120 pence are £91.20.
    expect(p.positions.map((x) => `${x.symbol} ${x.quantity} ${x.price} ${x.currency}`)).toEqual([
      'VWRL.L 30 112.62 GBP',
      'VUAA.L 5 98.11 USD',
      'VUSA.L 10 91.2 GBP',
    ]);
    expect(p.warnings.join(' ')).not.toMatch(/known only by ISIN/);
  });

  it('resolves a German history of SAP by its ISIN to SAP.DE (the name column stays the name)', () => {
    expect(preview('de-history.csv').positions.map((x) => `${x.symbol} ${x.name} ${x.quantity} ${x.currency}`)).toEqual([
      'SAP.DE SAP SE 8 EUR',
    ]);
  });

  it('lets a security that carries the ISIN (a user entry) win over the bundled table', () => {
    services.db
      .prepare(
        "INSERT INTO securities (symbol, name, isin, source) VALUES ('VWRL', 'Vanguard FTSE All-World (user)', 'IE00B3RBWM25', 'user')",
      )
      .run();
    try {
      expect(preview('isin-only-positions-nl.csv').positions[2].symbol).toBe('VWRL');
    } finally {
      services.db.prepare("DELETE FROM securities WHERE symbol = 'VWRL' AND source = 'user'").run();
    }
  });
});
