import type { Database } from 'better-sqlite3';
import { computeExposure } from '../../shared/domain/exposure';
import { majorCurrency, valuePositions } from '../../shared/domain/valuation';
import { AppError } from '../../shared/ipc/result';
import { listFxRates } from '../db/fx-rates';
import { getPortfolio, listPortfolios } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { deleteUserTheme, getTheme, listThemes } from '../db/themes';
import { classifySecurity, createUserTheme, getSecurityDetail, resetClassification } from '../services/classification';
import { loadClassifications, loadReferenceData, unclassifiedSymbols } from '../services/reference';
import type { HandlerMap } from './types';

/** A portfolio's positions valued in its base currency and summed per symbol. */
export function portfolioExposureInputs(db: Database, portfolioId: number) {
  const portfolio = getPortfolio(db, portfolioId);
  const valued = valuePositions(listPortfolioPositions(db, portfolioId), portfolio.baseCurrency, listFxRates(db));
  const bySymbol = new Map<string, number>();
  const unvalued = new Set<string>();
  for (const p of valued.positions) {
    if (p.baseValue === null) unvalued.add(p.symbol);
    else bySymbol.set(p.symbol, (bySymbol.get(p.symbol) ?? 0) + p.baseValue);
  }
  return { portfolio, inputs: [...bySymbol].map(([symbol, value]) => ({ symbol, value })), unvalued: [...unvalued].sort() };
}

/** Symbols a refresh should ask about: a portfolio's (or every portfolio's), without bare currency cash. */
export function refreshSymbols(db: Database, portfolioId?: number): { symbols: string[]; currencies: Set<string>; base: Set<string> } {
  const portfolios = portfolioId === undefined ? listPortfolios(db) : [getPortfolio(db, portfolioId)];
  const symbols = new Set<string>();
  const currencies = new Set<string>();
  for (const portfolio of portfolios) {
    for (const p of listPortfolioPositions(db, portfolio.id)) {
      // A quote in a minor unit (GBX, GBp) needs its major currency's rate.
      currencies.add(majorCurrency(p.currency));
      if (!(p.assetClass === 'cash' && /^[A-Z]{3}$/.test(p.symbol) && p.symbol === p.currency)) symbols.add(p.symbol);
    }
  }
  return { symbols: [...symbols].sort(), currencies, base: new Set(portfolios.map((p) => p.baseCurrency)) };
}

/** securities:*, reference:*, themes:*, exposure:* and market:* commands. */
export const referenceHandlers: HandlerMap<
  | 'securities:show' | 'securities:classify' | 'securities:reset' | 'reference:portfolio'
  | 'themes:list' | 'themes:create' | 'themes:delete' | 'exposure:portfolio'
  | 'market:refresh' | 'market:status' | 'market:cancel'
> = {
  'securities:show': ({ db }, { symbol }) => getSecurityDetail(db, symbol),
  'securities:classify': ({ db }, { symbol, patch }) => classifySecurity(db, symbol, patch),
  'securities:reset': ({ db }, { symbol }) => resetClassification(db, symbol),
  'reference:portfolio': ({ db }, { portfolioId }) => {
    getPortfolio(db, portfolioId);
    const symbols = [...new Set(listPortfolioPositions(db, portfolioId).map((p) => p.symbol))];
    const securities = loadClassifications(db, symbols);
    return { securities, unclassified: unclassifiedSymbols(securities, symbols), themes: listThemes(db) };
  },
  'themes:list': ({ db }) => listThemes(db),
  'themes:create': ({ db }, { name, criteria }) => createUserTheme(db, name, criteria),
  'themes:delete': ({ db }, { id }) => {
    const theme = getTheme(db, id);
    if (!theme) throw new AppError('not-found', `There is no theme "${id}".`);
    if (theme.source !== 'user') throw new AppError('validation', `"${theme.name}" is a bundled theme and cannot be deleted; remove it from holdings instead.`);
    return { deleted: db.transaction(() => deleteUserTheme(db, id))() };
  },
  'exposure:portfolio': ({ db }, { portfolioId, by, lookThrough }) => {
    const { portfolio, inputs, unvalued } = portfolioExposureInputs(db, portfolioId);
    const reference = loadReferenceData(db, inputs.map((i) => i.symbol));
    return { ...computeExposure(inputs, reference, { by, lookThrough }), baseCurrency: portfolio.baseCurrency, unvalued };
  },
  'market:refresh': ({ db, market }, { portfolioId, symbols }) => {
    const found = refreshSymbols(db, portfolioId);
    const list = symbols ?? found.symbols;
    const fxPairs: [string, string][] = [];
    for (const currency of [...found.currencies].filter((c) => /^[A-Z]{3}$/.test(c))) {
      for (const base of found.base) if (currency !== base) fxPairs.push([currency, base]);
    }
    return market.start({ symbols: list, fxPairs: fxPairs.sort() });
  },
  'market:status': ({ market }) => market.status(),
  'market:cancel': ({ market }) => market.cancel(),
};
