import { stressSnapshot } from '../services/book';
import { reversePortfolio, stressPortfolio } from '../services/stress';
import { replayPortfolio, riskOfPortfolio } from '../services/history';
import type { CommandsOf, HandlerMap } from './types';

/** stress:* commands. */
export const stressHandlers: HandlerMap<CommandsOf<'stress'>> = {
  'stress:snapshot': (services, { portfolioId }) => stressSnapshot(services.db, portfolioId, services.today()),
  'stress:run': (services, request) => stressPortfolio(services, request),
  'stress:reverse': (services, request) => reversePortfolio(services, request),
  'stress:replay': (services, request) => replayPortfolio(services, request),
  'stress:risk': (services, request) => riskOfPortfolio(services, request),
};
