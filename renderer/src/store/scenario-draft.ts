import type { Scenario, Shock } from '../../../shared/engine';

/* The scenario being edited starts from these: a fresh scenario with one shock, under an id not yet used. */

/** A new shock to edit: the market, −10%. */
export function newShock(): Shock {
  return { target: 'market', value: '', change: -0.1, enabled: true };
}

/** A fresh user scenario. */
export function blankScenario(id: string): Scenario {
  return {
    format: 'aftershock-scenario',
    version: 1,
    id,
    name: 'New scenario',
    description: '',
    kind: 'hypothetical',
    tags: [],
    shocks: [newShock()],
  };
}

/** A scenario id not yet used, from a name ("My what-if" → "my-what-if", "my-what-if-2"…). */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario';
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}
