import { describe, expect, it } from 'vitest';
import { classifyFundProfile } from '../../../shared/domain/fund-category';

const etf = (category: string | null, extra: object = {}) => classifyFundProfile({ quoteType: 'ETF', category, ...extra });

describe('classifyFundProfile (a fund the ETF master does not know, from its market-data profile)', () => {
  it('maps single-sector fund categories to GICS sectors, keeping the category as the industry', () => {
    expect(etf('Technology')).toMatchObject({ type: 'etf', sector: 'Information Technology', industry: 'Technology' });
    expect(etf('Health')).toMatchObject({ sector: 'Health Care' });
    expect(etf('Equity Energy')).toMatchObject({ sector: 'Energy' });
    expect(etf('Real Estate')).toMatchObject({ sector: 'Real Estate' });
    expect(etf('Utilities')!.reason).toBe("Yahoo fund category 'Utilities' → Utilities");
  });

  it('makes bond categories bond funds, money-market ones cash equivalents, commodity and crypto ones Commodities', () => {
    for (const c of [
      'Intermediate Core Bond',
      'Long Government',
      'Muni National Interm',
      'High Yield Bond',
      'Ultrashort Bond',
      'Bank Loan',
    ])
      expect(etf(c), c).toMatchObject({ type: 'bond-fund', sector: 'Fixed Income', industry: c });
    expect(classifyFundProfile({ quoteType: 'MONEYMARKET', category: null })).toMatchObject({
      type: 'money-market',
      sector: 'Cash & Equivalents',
    });
    expect(etf('Commodities Focused')).toMatchObject({ type: 'etf', sector: 'Commodities' });
    expect(etf('Digital Assets')).toMatchObject({ sector: 'Commodities' });
  });

  it('leaves leveraged and inverse funds unclassified, saying why', () => {
    const fund = etf('Trading--Leveraged Equity');
    expect(fund).toMatchObject({ sector: null, industry: null });
    expect(fund!.reason).toMatch(/leveraged or inverse.*understate/);
    expect(etf('Trading--Inverse Equity')!.sector).toBeNull();
  });

  it('falls back on the holdings: mostly bonds, or one sector of at least 60%; a broad fund is Multi-Sector', () => {
    expect(etf(null, { bondPosition: 0.95, stockPosition: 0 })).toMatchObject({ type: 'bond-fund', sector: 'Fixed Income' });
    expect(etf(null, { sectorWeights: { technology: 0.72, healthcare: 0.1 } })).toMatchObject({
      sector: 'Information Technology',
      reason: 'Yahoo quote type ETF; 72% Information Technology → Information Technology',
    });
    expect(etf('Large Growth', { sectorWeights: { technology: 0.5083, communication_services: 0.16 } })).toMatchObject({
      type: 'etf',
      sector: 'Multi-Sector',
      industry: 'Large Growth',
    });
  });

  it('says nothing about stocks, or about a fund whose profile says nothing', () => {
    expect(classifyFundProfile({ quoteType: 'EQUITY', category: 'Technology' })).toBeNull();
    expect(classifyFundProfile({ quoteType: 'ETF', category: null })).toBeNull();
  });
});
