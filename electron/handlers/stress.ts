import { reversePortfolio, stressPortfolio, stressSnapshot } from '../services/stress';
import type { HandlerMap } from './types';

/** stress:* commands. */
export const stressHandlers: HandlerMap<'stress:snapshot' | 'stress:run' | 'stress:reverse'> = {
  'stress:snapshot': ({ db }, { portfolioId }) => stressSnapshot(db, portfolioId),
  'stress:run': (services, request) => stressPortfolio(services, request),
  'stress:reverse': (services, request) => reversePortfolio(services, request),
};
