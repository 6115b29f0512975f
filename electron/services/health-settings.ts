import { DEFAULT_STALE_DAYS } from '../../shared/health';
import { getSetting, setSetting } from '../db/settings';
import type { Services } from './services';

const STALE_DAYS_KEY = 'health_stale_days';

/** How many days old a price may be before the health check calls it stale (a setting, default 7). */
export function staleDays(services: Services): number {
  const saved = getSetting<number>(services.db, STALE_DAYS_KEY);
  return typeof saved === 'number' && Number.isInteger(saved) && saved > 0 ? saved : DEFAULT_STALE_DAYS;
}

/** Saves the stale-price threshold. */
export function setStaleDays(services: Services, days: number): { staleDays: number } {
  setSetting(services.db, STALE_DAYS_KEY, days);
  return { staleDays: days };
}
