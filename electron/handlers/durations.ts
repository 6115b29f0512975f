import { setDuration } from '../db/durations';
import type { HandlerMap } from './types';

/** securities:duration — your duration for a bond fund (null clears it), used by rate shocks. */
export const durationHandlers: HandlerMap<'securities:duration'> = {
  'securities:duration': (services, { symbol, years }) => {
    setDuration(services.db, symbol, 'user', years, services.today());
    return { symbol, years };
  },
};
