import { z } from 'zod';
import { ASSET_CLASSES } from '../domain/types';
import type {
  Account,
  AppInfo,
  Client,
  Portfolio,
  PortfolioHoldings,
  PortfolioSummary,
  Position,
} from '../domain/types';
import type { Result } from './result';
import { SECURITY_TYPES } from '../domain/reference';
import type { SecurityDetail, PortfolioReference, Theme } from '../domain/reference';
import { EXPOSURE_DIMENSIONS, type ExposureResult } from '../domain/exposure';
import type { MarketJobStatus } from '../domain/market';

/**
 * The command contract: every request main accepts, declared once.
 * Each entry names the preload method, the runtime schema of the request and
 * (as a phantom type) the response. Handlers, preload, browser bridge and the
 * renderer's `window.api` are all typed from this table.
 */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const name = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(200, 'must be at most 200 characters');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');
const symbol = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9.\-=^/ ]+$/, 'may only contain letters, digits and . - = ^ /')
  .transform((s) => s.toUpperCase());
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form');

const positionFields = {
  symbol,
  name: z.string().trim().max(200).optional(),
  assetClass: z.enum(ASSET_CLASSES).optional(),
  quantity: finite,
  price: finite.nonnegative().nullable().optional(),
  marketValue: finite.nullable().optional(),
  costBasis: finite.nullable().optional(),
  currency: currency.optional(),
  asOf: isoDate.nullable().optional(),
};

const optionalText = (max: number) => z.string().trim().min(1, 'cannot be empty').max(max, `must be at most ${max} characters`).nullable().optional();
const themeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be a theme id such as "ai-energy" (lower-case letters, digits and dashes)');
/** A user override: a value sets the field, null removes the user's value so the data underneath shows. */
const classificationPatch = z
  .strictObject({
    name: optionalText(200),
    type: z.enum(SECURITY_TYPES).nullable().optional(),
    sector: optionalText(100),
    industry: optionalText(120),
    country: optionalText(80),
    currency: currency.nullable().optional(),
    exchange: optionalText(80),
    isin: z.string().regex(/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/, 'must be a 12-character ISIN such as US67066G1040').nullable().optional(),
    themes: z.array(themeId).max(50, 'must list at most 50 themes').nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

function command<Res>() {
  return <M extends string, S extends z.ZodType>(method: M, request: S) => ({
    method,
    request,
    response: undefined as unknown as Res,
  });
}

export const commands = {
  'app:info': command<AppInfo>()('getAppInfo', z.strictObject({})),

  'clients:list': command<Client[]>()('listClients', z.strictObject({})),
  'clients:create': command<Client>()(
    'createClient',
    z.strictObject({ name, baseCurrency: currency.optional(), notes: z.string().max(5000).optional() }),
  ),
  'clients:rename': command<Client>()('renameClient', z.strictObject({ id, name })),
  'clients:delete': command<{ deleted: number }>()('deleteClient', z.strictObject({ id })),

  'portfolios:list': command<PortfolioSummary[]>()(
    'listPortfolios',
    z.strictObject({ clientId: id.optional() }),
  ),
  'portfolios:create': command<Portfolio>()(
    'createPortfolio',
    z.strictObject({ clientId: id.optional(), name, baseCurrency: currency.optional() }),
  ),
  'portfolios:rename': command<Portfolio>()('renamePortfolio', z.strictObject({ id, name })),
  'portfolios:delete': command<{ deleted: number }>()('deletePortfolio', z.strictObject({ id })),
  'portfolios:holdings': command<PortfolioHoldings>()('getHoldings', z.strictObject({ id })),

  'accounts:list': command<Account[]>()('listAccounts', z.strictObject({ portfolioId: id })),
  'accounts:create': command<Account>()(
    'createAccount',
    z.strictObject({ portfolioId: id, name, broker: z.string().trim().max(100).optional() }),
  ),
  'accounts:rename': command<Account>()('renameAccount', z.strictObject({ id, name })),
  'accounts:delete': command<{ deleted: number }>()('deleteAccount', z.strictObject({ id })),

  'positions:list': command<Position[]>()('listPositions', z.strictObject({ accountId: id })),
  'positions:create': command<Position>()(
    'createPosition',
    z.strictObject({ accountId: id, ...positionFields }),
  ),
  'positions:update': command<Position>()(
    'updatePosition',
    z.strictObject({
      id,
      patch: z
        .strictObject({ ...positionFields, accountId: id })
        .partial()
        .refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
    }),
  ),
  'positions:delete': command<{ deleted: number }>()('deletePosition', z.strictObject({ id })),

  'securities:show': command<SecurityDetail>()('showSecurity', z.strictObject({ symbol })),
  'securities:classify': command<SecurityDetail>()(
    'classifySecurity',
    z.strictObject({ symbol, patch: classificationPatch }),
  ),
  'securities:reset': command<SecurityDetail>()('resetClassification', z.strictObject({ symbol })),
  'reference:portfolio': command<PortfolioReference>()('getPortfolioReference', z.strictObject({ portfolioId: id })),

  'themes:list': command<Theme[]>()('listThemes', z.strictObject({})),
  'themes:create': command<Theme>()(
    'createTheme',
    z.strictObject({ name: name.pipe(z.string().max(80, 'must be at most 80 characters')), criteria: z.string().trim().max(2000).optional() }),
  ),
  'themes:delete': command<{ deleted: number }>()('deleteTheme', z.strictObject({ id: themeId })),

  'exposure:portfolio': command<ExposureResult & { baseCurrency: string; unvalued: string[] }>()(
    'getExposure',
    z.strictObject({ portfolioId: id, by: z.enum(EXPOSURE_DIMENSIONS), lookThrough: z.boolean() }),
  ),

  'market:refresh': command<MarketJobStatus>()(
    'refreshMarketData',
    z.strictObject({ portfolioId: id.optional(), symbols: z.array(symbol).max(5000).optional() }),
  ),
  'market:status': command<MarketJobStatus>()('getMarketStatus', z.strictObject({})),
  'market:cancel': command<MarketJobStatus>()('cancelMarketRefresh', z.strictObject({})),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type RequestOf<K extends CommandName> = z.output<Commands[K]['request']>;
export type RequestInput<K extends CommandName> = z.input<Commands[K]['request']>;
export type ResponseOf<K extends CommandName> = Commands[K]['response'];
export type MethodOf<K extends CommandName> = Commands[K]['method'];

type ApiMethod<K extends CommandName> = Record<never, never> extends RequestInput<K>
  ? (request?: RequestInput<K>) => Promise<Result<ResponseOf<K>>>
  : (request: RequestInput<K>) => Promise<Result<ResponseOf<K>>>;

/** What the renderer sees as `window.api`: one named method per command. */
export type Api = { [K in CommandName as MethodOf<K>]: ApiMethod<K> };

export const commandNames = Object.keys(commands) as CommandName[];

/** Tells whether a string names a declared command. */
export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}
