import type { Database } from 'better-sqlite3';
import { indexFund, STAND_IN_CURRENCY } from '../../../shared/domain/index-funds';
import { parseOccSymbol } from '../../../shared/domain/options';
import { majorCurrency } from '../../../shared/domain/valuation';
import { getPortfolio, listPortfolios } from '../../db/portfolios';
import { listPortfolioPositions } from '../../db/positions';

/**
 * Symbols a refresh should ask about: a portfolio's (or every portfolio's), without bare currency cash; for an option,
 * its underlying (whose price and history value it), not the contract itself.
 */
export function refreshSymbols(db: Database, portfolioId?: number): { symbols: string[]; currencies: Set<string>; base: Set<string> } {
  const portfolios = portfolioId === undefined ? listPortfolios(db) : [getPortfolio(db, portfolioId)];
  const symbols = new Set<string>();
  const currencies = new Set<string>();
  for (const portfolio of portfolios) {
    for (const p of listPortfolioPositions(db, portfolio.id)) {
      // A quote in a minor unit (GBX, GBp) needs its major currency's rate.
      currencies.add(majorCurrency(p.currency));
      const option = p.multiplier ? parseOccSymbol(p.symbol, p.multiplier) : null;
      if (option) symbols.add(option.underlying);
      else if (!(p.assetClass === 'cash' && /^[A-Z]{3}$/.test(p.symbol) && p.symbol === p.currency)) symbols.add(p.symbol);
    }
  }
  return { symbols: [...symbols].sort(), currencies, base: new Set(portfolios.map((p) => p.baseCurrency)) };
}

/** What a refresh asks for: the symbols given (or the portfolio's), each held currency against each base currency, and the currency of each index fund held against the dollar. */
export function refreshRequest(db: Database, portfolioId?: number, symbols?: string[]): { symbols: string[]; fxPairs: [string, string][] } {
  const found = refreshSymbols(db, portfolioId);
  const fxPairs: [string, string][] = [];
  const pairs = new Set<string>();
  const add = (currency: string, base: string) => {
    if (currency === base || !/^[A-Z]{3}$/.test(currency) || pairs.has(`${currency}/${base}`)) return;
    pairs.add(`${currency}/${base}`);
    fxPairs.push([currency, base]);
  };
  for (const currency of found.currencies) for (const base of found.base) add(currency, base);
  // An index fund replayed through its stand-in reads the stand-in's dollar closes in the fund's currency (VUSA.L: VOO in pounds).
  for (const symbol of found.symbols) {
    const fund = indexFund(symbol);
    if (fund && !pairs.has(`${STAND_IN_CURRENCY}/${majorCurrency(fund.currency)}`)) add(majorCurrency(fund.currency), STAND_IN_CURRENCY);
  }
  return { symbols: symbols ?? found.symbols, fxPairs: fxPairs.sort() };
}
