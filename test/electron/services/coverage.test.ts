import { describe, expect, it } from 'vitest';
import { classificationCoverage } from '../../../shared/domain/coverage';
import { portfolioExposureInputs } from '../../../electron/services/exposure';
import { loadReferenceData } from '../../../electron/services/reference';
import { call, memoryServices } from '../../helpers/services';

describe('coverage of the bundled reference data', () => {
  it('classifies every holding of the sample to a sector, and its equity holdings to a theme', () => {
    const services = memoryServices({ seedSample: true, loadReference: true });
    const [portfolio] = call(services, 'portfolios:list', {});
    const { inputs } = portfolioExposureInputs(services.db, portfolio.id);
    const reference = loadReferenceData(
      services.db,
      inputs.map((i) => i.symbol),
    );
    expect(reference.unclassified).toEqual([]);
    const whole = classificationCoverage(inputs, reference, false);
    expect(whole.total).toBeCloseTo(626_964.286, 3);
    expect(whole.sectorShare).toBe(1);
    // Equity = everything but SPAXX, FDRXX, TLT, GLD, EUR cash, QQQ and SPY: $477,498.71. All of it has a theme
    // except the sector funds XLU ($19,625) and VGT ($15,973.50): 441,900.21 / 477,498.71 = 92.54%; of all: 70.48%.
    expect(Math.round(whole.themeShareOfEquity * 1e4) / 1e4).toBe(0.9254);
    expect(Math.round(whole.themeShare * 1e4) / 1e4).toBe(0.7048);
    const through = classificationCoverage(inputs, reference, true);
    expect(through.sectorShare).toBe(1);
    expect(
      loadReferenceData(
        services.db,
        Object.values(reference.funds).flatMap((f) => f.holdings.map((h) => h.symbol)),
      ).unclassified,
    ).toEqual([]);
    expect(Math.round(through.themeShare * 1e4) / 1e4).toBe(0.7997);
  });

  it('classifies every SPY constituent to a sector, and those still in the 2026-08 S&P 500 list to a sub-industry', () => {
    const services = memoryServices({ loadReference: true });
    const spy = loadReferenceData(services.db, ['SPY']);
    const members = spy.funds.SPY.holdings.map((h) => h.symbol);
    const classified = members.filter((s) => spy.securities[s]?.sector && spy.securities[s]?.industry);
    expect(members).toHaveLength(503);
    // 17 names left the index between SPY's holdings file (2025-11) and the list (2026-08): sector only.
    expect(classified.length).toBe(486);
    expect(members.filter((s) => spy.securities[s]?.sector).length).toBe(503);
    expect(spy.unclassified).toEqual([]);
  });
});
