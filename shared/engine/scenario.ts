import { z } from 'zod';
import { ASSET_CLASSES } from '../domain/types';

/**
 * Scenario files: versioned JSON, validated at every entry point (import, save, CLI --scenario FILE).
 * A shock's `change` is a fraction: −0.10 is a 10% fall.
 */

export const SCENARIO_FORMAT = 'aftershock-scenario';
export const SCENARIO_VERSION = 1;

/**
 * Shock targets in order of precedence, highest first (docs/stress-semantics.md §3); `currency` shocks compose separately.
 * `rates` is a change in yields that moves each holding of known duration by −duration × change.
 */
export const TARGET_PRECEDENCE = ['symbol', 'rates', 'theme', 'industry', 'sector', 'country', 'assetClass', 'market'] as const;
export const TARGET_KINDS = [...TARGET_PRECEDENCE, 'currency'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** The targets a security matches by one of its attributes (all but rates, market and currency), highest first. */
export type MatchLevel = Exclude<(typeof TARGET_PRECEDENCE)[number], 'rates' | 'market'>;
export const MATCH_LEVELS: readonly MatchLevel[] = TARGET_PRECEDENCE.filter((t): t is MatchLevel => t !== 'rates' && t !== 'market');

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form');

const shockSchema = z
  .strictObject({
    target: z.enum(TARGET_KINDS),
    /** What the target names: a symbol, theme id, industry, sector, country, asset class or currency; empty for market. */
    value: text(120).default(''),
    change: z
      .number()
      .refine(Number.isFinite, 'must be a finite number')
      .refine((c) => c >= -1 && c <= 10, 'must be between −100% and +1000%'),
    enabled: z.boolean().default(true),
    note: text(500).optional(),
  })
  .superRefine((shock, ctx) => {
    if (shock.target === 'rates' && Math.abs(shock.change) > 0.2) {
      ctx.addIssue({ code: 'custom', path: ['change'], message: 'must be a change in yields between −20 and +20 percentage points' });
    }
    if (shock.target !== 'market' && shock.target !== 'rates' && shock.value === '') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${shock.target} shock must name its ${shock.target}` });
    }
    if (shock.target === 'assetClass' && !(ASSET_CLASSES as readonly string[]).includes(shock.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be one of ${ASSET_CLASSES.join(', ')}` });
    }
    if (shock.target === 'currency' && !/^[A-Z]{3}$/.test(shock.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a three-letter currency code such as EUR' });
    }
  });

const sourceSchema = z.strictObject({
  title: text(300).min(1),
  // Only web pages: a source link is opened for the user, so no javascript:, file: or data: addresses.
  url: z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
    .max(500)
    .optional(),
  note: text(1000).optional(),
});

const eventSchema = z.strictObject({
  date: isoDate.optional(),
  window: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  basis: z.strictObject({
    timing: z.enum(['close-to-close', 'intraday', 'premarket', 'window']),
    returns: z.enum(['price', 'total']),
  }),
  referenceIndex: text(100).optional(),
  sources: z.array(sourceSchema).min(1).max(20),
});

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and dashes (at most 80)'),
    name: text(200).min(1, 'cannot be empty'),
    description: text(4000).default(''),
    /** 'historical': a replay of the event's window on today's holdings from price history (docs/stress-semantics.md §8); shocks are ignored. */
    kind: z.enum(['hypothetical', 'historical']),
    tags: z.array(text(40).min(1)).max(20).default([]),
    shocks: z.array(shockSchema).max(500, 'at most 500 shocks'),
    event: eventSchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    const window = scenario.event?.window;
    if (scenario.kind === 'historical' && !window)
      ctx.addIssue({
        code: 'custom',
        path: ['event', 'window'],
        message: 'a historical scenario needs the window to replay (from and to dates)',
      });
    if (window && window.from >= window.to)
      ctx.addIssue({ code: 'custom', path: ['event', 'window', 'to'], message: "must be after the window's from date" });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Shock = Scenario['shocks'][number];
