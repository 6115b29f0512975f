import { AppError } from '../../shared/ipc/result';
import { setDuration } from '../db/durations';
import { getPortfolio } from '../db/portfolios';
import { listPortfolioPositions } from '../db/positions';
import { deleteUserTheme, getTheme, listThemes } from '../db/themes';
import { classifySecurity, createUserTheme, getSecurityDetail, resetClassification } from '../services/classification';
import { loadClassifications, unclassifiedSymbols } from '../services/reference';
import { portfolioExposure } from '../services/exposure';
import { refreshRequest } from '../services/market/refresh-request';
import type { CommandsOf, HandlerMap } from './types';

/** securities:* (classification and your durations for bond funds, used by rate shocks), reference:*, themes:*, exposure:* and market:* commands. */
export const referenceHandlers: HandlerMap<CommandsOf<'securities' | 'reference' | 'themes' | 'exposure' | 'market'>> = {
  'securities:duration': (services, { symbol, years }) => {
    setDuration(services.db, symbol, 'user', years, services.today());
    return { symbol, years };
  },
  'securities:show': ({ db }, { symbol }) => getSecurityDetail(db, symbol),
  'securities:classify': ({ db, today }, { symbol, patch }) => classifySecurity(db, symbol, patch, today()),
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
    if (theme.source !== 'user')
      throw new AppError('validation', `"${theme.name}" is a bundled theme and cannot be deleted; remove it from holdings instead.`);
    return { deleted: db.transaction(() => deleteUserTheme(db, id))() };
  },
  'exposure:portfolio': (services, request) => portfolioExposure(services.db, request, services.today()),
  'market:refresh': ({ db, market }, { portfolioId, symbols }) => market.start(refreshRequest(db, portfolioId, symbols)),
  'market:status': ({ market }) => market.status(),
  'market:cancel': ({ market }) => market.cancel(),
};
