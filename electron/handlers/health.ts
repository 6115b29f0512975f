import { portfolioHealth } from '../services/health';
import { setStaleDays, staleDays } from '../services/health-settings';
import type { CommandsOf, HandlerMap } from './types';

/** health:* — the data-health verdict on a portfolio and its stale-price setting. */
export const healthHandlers: HandlerMap<CommandsOf<'health'>> = {
  'health:check': (services, request) => portfolioHealth(services, request),
  'health:settings': (services) => ({ staleDays: staleDays(services) }),
  'health:setstaledays': (services, { staleDays: days }) => setStaleDays(services, days),
};
