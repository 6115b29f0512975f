import { z } from 'zod';
import { ASSET_CLASSES } from '../domain/types';
import type {
  Account,
  AppInfo,
  Client,
  ClientSummary,
  Proposal,
  ProposalSummary,
  Portfolio,
  PortfolioHoldings,
  PortfolioSummary,
  ImportSummary,
  Position,
} from '../domain/types';
import { IMPORT_FIELDS, type ImportPreview } from '../import/types';
import type { Result } from './result';
import { COMMAND_NAMES, isCommandName, type CommandName } from './command-names';
import { DIMENSIONS, scenarioSchema, type ReverseResult, type Scenario, type StressResult } from '../engine';
import type { OptionRateSetting } from '../engine/options-pass';
import type { ScenarioSummaryData, ScenarioVocabulary, StressSnapshotData } from './stress-types';
import { REPORT_DIMENSIONS, type ReportModel, type ReportSettings } from '../report/model';
import { SECURITY_TYPES } from '../domain/reference';
import type { SecurityDetail, PortfolioReference, Theme } from '../domain/reference';
import { EXPOSURE_DIMENSIONS, type ExposureResult } from '../domain/exposure';
import type { MarketJobStatus } from '../domain/market';
import type { ProposalComparison } from '../firm/proposal';
import type { BatchJobStatus, FirmJobStatus, FirmRun, FirmRunSummary } from '../firm/runs';
import type { PortfolioRisk } from '../history';
import type { HealthReport } from '../health';
import { MAX_STORY_CHARS, type HeadlineDraft } from '../headline';

/**
 * The command contract: every request main accepts, declared once.
 * Each entry, keyed by the command's one name (see command-names.ts), gives the runtime schema of the request and
 * (as a phantom type) the response. Handlers, preload, browser bridge and the
 * renderer's `window.api` are all typed from this table.
 */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const name = z.string().trim().min(1, 'cannot be empty').max(200, 'must be at most 200 characters');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');
const symbol = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9.\-=^/ ]+$/, 'may only contain letters, digits and . - = ^ /')
  .transform((s) => s.toUpperCase());
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form');

/** Which price series stands in for the market, a sector or an industry (replay stand-ins and propagation proxies). */
const proxyChoices = z.strictObject({
  market: symbol.optional(),
  sectors: z.record(z.string().trim().min(1).max(120), symbol).optional(),
  industries: z.record(z.string().trim().min(1).max(120), symbol).optional(),
});

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
  /** The user says this negative quantity is a real short (not a history that starts mid-way). */
  isShortIntended: z.boolean().optional(),
  /** Shares per contract, for a listed option (symbol in OCC or a broker's form); 100 when not given. */
  multiplier: finite.positive().max(10_000).nullable().optional(),
  /** A listed option's annualised volatility (0.48 = 48%) to revalue it with; null: estimate it from the underlying's closes. */
  volatility: finite.positive().max(5).nullable().optional(),
};

const reportSettings = z
  .strictObject({
    clientName: z.string().trim().max(200),
    advisorName: z.string().trim().max(200),
    firmName: z.string().trim().max(200),
    logo: z
      .string()
      .max(2_800_000, 'must be an image of at most 2 MB')
      .regex(/^(|data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+)$/, 'must be a PNG, JPEG or SVG image'),
    notes: z.string().max(5000),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form'),
    lookThrough: z.boolean(),
    advisorContact: z.string().trim().max(300),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f4e9c'),
    disclosure: z.string().max(5000),
    pageSize: z.enum(['A4', 'Letter']),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale such as en-GB or en-US'),
    appendix: z.boolean(),
    groupBy: z.enum(REPORT_DIMENSIONS),
  })
  .partial();
const reportRequest = {
  portfolioId: id,
  scenarioIds: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be scenario ids'))
    .min(1, 'must name at least one scenario')
    .max(12, 'can hold at most 12 scenarios'),
  settings: reportSettings.optional(),
  remember: z.boolean().optional(),
  /** Save the firm's part of the settings (firm, advisor, contact, logo, colour, disclosure, page size) as the firm defaults. */
  rememberFirm: z.boolean().optional(),
  /** The user confirmed a report for a portfolio with blocking data-health findings. */
  allowFindings: z.boolean().optional(),
};

const scenarioId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a scenario id such as ai-capex-collapse');
const scenarioRef = { scenarioId: scenarioId.optional(), scenario: scenarioSchema.optional() };
const oneScenario = (r: { scenarioId?: string; scenario?: unknown }) => (r.scenarioId === undefined) !== (r.scenario === undefined);
const importFile = {
  fileName: z.string().trim().min(1, 'cannot be empty').max(255),
  // A 100,000-row export is about 10 MB of text; leave room for wide layouts.
  text: z.string().max(60_000_000, 'must be at most 60 MB'),
  format: z.string().max(40).optional(),
  account: name.optional(),
  mapping: z
    .strictObject({
      columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500)),
      dateOrder: z.enum(['MDY', 'DMY', 'YMD']),
      decimal: z.enum(['.', ',']),
    })
    .optional(),
  /** Columns chosen by header name or 1-based number (`--map quantity=Antal`); an empty name unmaps the field. */
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)).optional(),
  /** How numbers and dates are written when the file leaves it open (`--locale`). */
  decimal: z.enum(['.', ',']).optional(),
  dateOrder: z.enum(['MDY', 'DMY', 'YMD']).optional(),
  /** The currency of a file that names none (`--currency EUR`), over the portfolio's. */
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as EUR')
    .optional(),
  /** Per holding a history sells more of than it shows bought (key: symbol or `account:symbol`): what to do with it. */
  openings: z
    .record(
      z.string().trim().min(1).max(260),
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('closed') }),
        z.strictObject({ kind: z.literal('opening'), quantity: finite.positive('must be above 0') }),
        z.strictObject({ kind: z.literal('short') }),
      ]),
    )
    .optional(),
};

/** What previewing a file answers: the preview, an earlier import of the same file, whether a saved mapping was used. */
export interface ImportPreviewAnswer {
  preview: ImportPreview;
  previousImport: ImportSummary | null;
  isSavedMapping: boolean;
}

/** What committing a file answers. */
export interface ImportCommitAnswer extends ImportPreviewAnswer {
  status: 'imported' | 'skipped';
  import: ImportSummary | null;
  positions: number;
  replaced: number;
  accounts: string[];
}
const optionalText = (max: number) =>
  z.string().trim().min(1, 'cannot be empty').max(max, `must be at most ${max} characters`).nullable().optional();
const themeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be a theme id such as "ai-energy" (lower-case letters, digits and dashes)');
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
    isin: z
      .string()
      .regex(/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/, 'must be a 12-character ISIN such as US67066G1040')
      .nullable()
      .optional(),
    themes: z.array(themeId).max(50, 'must list at most 50 themes').nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

const tag = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[\p{L}\p{N} _-]+$/u, 'may only contain letters, digits, spaces, - and _')
  .transform((t) => t.toLowerCase());
const clientFields = {
  name,
  baseCurrency: currency.optional(),
  notes: z.string().max(5000, 'must be at most 5,000 characters').optional(),
  people: z.array(name).max(20, 'must list at most 20 people').optional(),
  tags: z.array(tag).max(20, 'must list at most 20 tags').optional(),
};
const firmRequest = {
  scenarioIds: z.array(scenarioId).min(1, 'must name at least one scenario').max(20, 'can hold at most 20 scenarios'),
  tag: tag.optional(),
  lookThrough: z.boolean().optional(),
};
const proposalPositionFields = { ...positionFields, accountName: name };

function command<Res>() {
  return <S extends z.ZodType>(request: S) => ({
    request,
    response: undefined as unknown as Res,
  });
}

export const commands = {
  'app:info': command<AppInfo>()(z.strictObject({})),
  /** The renderer reports its own crash (a view that failed to draw, an uncaught error) for the local log. */
  'app:logerror': command<{ logged: boolean }>()(
    z.strictObject({
      kind: z.enum(['render', 'error', 'rejection']),
      message: z.string().max(2000),
      stack: z.string().max(20_000).optional(),
      view: z
        .string()
        .regex(/^[a-z]{1,20}$/)
        .optional(),
    }),
  ),

  'clients:list': command<Client[]>()(z.strictObject({})),
  'clients:overview': command<ClientSummary[]>()(z.strictObject({})),
  'clients:create': command<Client>()(z.strictObject(clientFields).extend({ name })),
  'clients:update': command<Client>()(
    z.strictObject({
      id,
      patch: z
        .strictObject(clientFields)
        .partial()
        .refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
    }),
  ),
  'clients:rename': command<Client>()(z.strictObject({ id, name })),
  'clients:delete': command<{ deleted: number }>()(z.strictObject({ id })),

  'portfolios:list': command<PortfolioSummary[]>()(z.strictObject({ clientId: id.optional() })),
  'portfolios:create': command<Portfolio>()(z.strictObject({ clientId: id.optional(), name, baseCurrency: currency.optional() })),
  'portfolios:rename': command<Portfolio>()(z.strictObject({ id, name })),
  'portfolios:delete': command<{ deleted: number }>()(z.strictObject({ id })),
  /** Puts back the client or portfolio deleted last (this session), with everything in it. */
  'trash:restore': command<{ kind: 'client' | 'portfolio'; name: string }>()(z.strictObject({})),
  'portfolios:holdings': command<PortfolioHoldings>()(z.strictObject({ id })),

  /** The data-health verdict on a portfolio (and on one scenario run on it). */
  'health:check': command<HealthReport>()(
    z
      .strictObject({ portfolioId: id, ...scenarioRef })
      .refine((r) => r.scenarioId === undefined || r.scenario === undefined, 'give a scenario id or a scenario, not both'),
  ),
  'health:settings': command<{ staleDays: number }>()(z.strictObject({})),
  'health:setstaledays': command<{ staleDays: number }>()(z.strictObject({ staleDays: z.number().int().min(1).max(3650) })),

  'accounts:list': command<Account[]>()(z.strictObject({ portfolioId: id })),
  'accounts:create': command<Account>()(z.strictObject({ portfolioId: id, name, broker: z.string().trim().max(100).optional() })),
  'accounts:rename': command<Account>()(z.strictObject({ id, name })),
  'accounts:delete': command<{ deleted: number }>()(z.strictObject({ id })),

  'positions:list': command<Position[]>()(z.strictObject({ accountId: id })),
  'positions:create': command<Position>()(z.strictObject({ accountId: id, ...positionFields })),
  'positions:update': command<Position>()(
    z.strictObject({
      id,
      patch: z
        .strictObject({ ...positionFields, accountId: id })
        .partial()
        .refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
    }),
  ),
  'positions:delete': command<{ deleted: number }>()(z.strictObject({ id })),
  /** The interest rate options are revalued at (Black–Scholes), and whether it is the default 4%. */
  'positions:optionrate': command<OptionRateSetting>()(z.strictObject({})),
  /** Sets that rate, a fraction above −5% and below 50% (0.045 = 4.5%); null goes back to the default. */
  'positions:setoptionrate': command<OptionRateSetting>()(z.strictObject({ rate: z.number().gt(-0.05).lt(0.5).nullable() })),

  'scenarios:list': command<ScenarioSummaryData[]>()(z.strictObject({})),
  'scenarios:vocabulary': command<ScenarioVocabulary>()(z.strictObject({})),
  'scenarios:get': command<{ scenario: Scenario; builtIn: boolean }>()(z.strictObject({ id: scenarioId })),
  'scenarios:save': command<Scenario>()(z.strictObject({ scenario: scenarioSchema })),
  'scenarios:delete': command<{ deleted: number }>()(z.strictObject({ id: scenarioId })),
  'scenarios:duplicate': command<Scenario>()(z.strictObject({ id: scenarioId, name: name.optional() })),
  'scenarios:import': command<Scenario>()(
    z.strictObject({ json: z.string().max(1024 * 1024, 'must be at most 1 MB'), fileName: z.string().max(260).optional() }),
  ),
  'scenarios:export': command<{ fileName: string; json: string }>()(z.strictObject({ id: scenarioId })),
  /** Drafts an unsaved scenario from a pasted news story: the moves it reports, matched against the security master. */
  'scenarios:draft': command<HeadlineDraft>()(
    z.strictObject({
      text: z.string().max(MAX_STORY_CHARS, 'must be at most 1 MB (1,000,000 characters): paste the story itself rather than a whole page'),
      name: name.optional(),
      date: isoDate.optional(),
      publisher: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    }),
  ),

  'stress:snapshot': command<StressSnapshotData>()(z.strictObject({ portfolioId: id })),
  'stress:run': command<StressResult>()(
    z
      .strictObject({
        portfolioId: id,
        ...scenarioRef,
        lookThrough: z.boolean().optional(),
        by: z.array(z.enum(DIMENSIONS)).max(8).optional(),
        /** Carry the shocks to holdings no shock names, estimated from history up to `asOf` (docs/stress-semantics.md §7). */
        propagate: z.boolean().optional(),
        asOf: isoDate.optional(),
        proxies: proxyChoices.optional(),
      })
      .refine(oneScenario, 'must give either scenarioId or scenario'),
  ),
  'stress:replay': command<StressResult>()(
    z
      .strictObject({
        portfolioId: id,
        from: isoDate,
        to: isoDate,
        lookThrough: z.boolean().optional(),
        by: z.array(z.enum(DIMENSIONS)).max(8).optional(),
        proxies: proxyChoices.optional(),
      })
      .refine((r) => r.from < r.to, { path: ['to'], message: 'must be after the from date' }),
  ),
  'stress:risk': command<PortfolioRisk>()(
    z.strictObject({ portfolioId: id, asOf: isoDate.optional(), benchmark: symbol.optional(), lookThrough: z.boolean().optional() }),
  ),
  'stress:reverse': command<ReverseResult>()(
    z
      .strictObject({
        portfolioId: id,
        ...scenarioRef,
        lookThrough: z.boolean().optional(),
        loss: z.number().gt(0, 'must be above 0').max(10, 'must be at most 1000%'),
      })
      .refine(oneScenario, 'must give either scenarioId or scenario'),
  ),
  'imports:preview': command<ImportPreviewAnswer>()(z.strictObject({ portfolioId: id.optional(), ...importFile })),
  'imports:commit': command<ImportCommitAnswer>()(
    z
      .strictObject({
        portfolioId: id.optional(),
        /** A portfolio (and client) to create for this file, in the import's own transaction: a refused or failed import leaves neither. */
        newPortfolio: z.strictObject({ name, clientId: id.optional(), clientName: name.optional() }).optional(),
        ...importFile,
        onDuplicate: z.enum(['replace', 'skip']).optional(),
        skipInvalid: z.boolean().optional(),
      })
      .refine((r) => (r.portfolioId === undefined) !== (r.newPortfolio === undefined), 'must give either portfolioId or newPortfolio'),
  ),
  'imports:undo': command<{ removed: number; restored: number }>()(z.strictObject({ id })),
  'imports:list': command<ImportSummary[]>()(z.strictObject({ portfolioId: id })),
  'imports:pick': command<{ fileName: string; text: string } | null>()(z.strictObject({})),

  'securities:duration': command<{ symbol: string; years: number | null }>()(
    z.strictObject({ symbol, years: finite.min(0, 'must be 0 or more').max(100, 'must be at most 100 years').nullable() }),
  ),

  'reports:settings': command<ReportSettings>()(z.strictObject({ portfolioId: id })),
  'reports:build': command<ReportModel>()(z.strictObject(reportRequest)),
  'reports:html': command<{ fileName: string; html: string }>()(z.strictObject(reportRequest)),
  'reports:pdf': command<{ fileName: string; base64: string; bytes: number }>()(z.strictObject(reportRequest)),
  'securities:show': command<SecurityDetail>()(z.strictObject({ symbol })),
  'securities:classify': command<SecurityDetail>()(z.strictObject({ symbol, patch: classificationPatch })),
  'securities:reset': command<SecurityDetail>()(z.strictObject({ symbol })),
  'reference:portfolio': command<PortfolioReference>()(z.strictObject({ portfolioId: id })),

  'themes:list': command<Theme[]>()(z.strictObject({})),
  'themes:create': command<Theme>()(
    z.strictObject({
      name: name.pipe(z.string().max(80, 'must be at most 80 characters')),
      criteria: z.string().trim().max(2000).optional(),
    }),
  ),
  'themes:delete': command<{ deleted: number }>()(z.strictObject({ id: themeId })),

  'exposure:portfolio': command<ExposureResult & { baseCurrency: string; unvalued: string[] }>()(
    z.strictObject({ portfolioId: id, by: z.enum(EXPOSURE_DIMENSIONS), lookThrough: z.boolean() }),
  ),

  'firm:run': command<FirmRun>()(z.strictObject({ ...firmRequest, save: z.boolean().optional() })),
  'firm:start': command<FirmJobStatus>()(z.strictObject(firmRequest)),
  'firm:status': command<FirmJobStatus>()(z.strictObject({})),
  'firm:cancel': command<FirmJobStatus>()(z.strictObject({})),
  'firm:runs': command<FirmRunSummary[]>()(z.strictObject({})),
  'firm:get': command<FirmRun>()(z.strictObject({ id })),
  'firm:deleterun': command<{ deleted: number }>()(z.strictObject({ id })),
  'firm:restorerun': command<FirmRunSummary>()(z.strictObject({ id })),
  'firm:reports': command<BatchJobStatus>()(z.strictObject({ runId: id, allowFindings: z.boolean().optional() })),
  'firm:reportstatus': command<BatchJobStatus>()(z.strictObject({})),
  'firm:reportcancel': command<BatchJobStatus>()(z.strictObject({})),

  'proposals:list': command<ProposalSummary[]>()(z.strictObject({ portfolioId: id })),
  'proposals:create': command<Proposal>()(z.strictObject({ portfolioId: id, name: name.optional() })),
  'proposals:get': command<Proposal>()(z.strictObject({ id })),
  'proposals:add': command<Proposal>()(z.strictObject({ proposalId: id, ...proposalPositionFields })),
  'proposals:edit': command<Proposal>()(
    z.strictObject({
      id,
      patch: z
        .strictObject(proposalPositionFields)
        .partial()
        .refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
    }),
  ),
  'proposals:remove': command<Proposal>()(z.strictObject({ id })),
  'proposals:compare': command<ProposalComparison>()(
    z.strictObject({ id, scenarioIds: reportRequest.scenarioIds, lookThrough: z.boolean().optional() }),
  ),
  'proposals:apply': command<{ portfolioId: number; positions: number; removed: number; importId: number }>()(z.strictObject({ id })),
  'proposals:delete': command<{ deleted: number }>()(z.strictObject({ id })),

  'market:refresh': command<MarketJobStatus>()(
    z.strictObject({ portfolioId: id.optional(), symbols: z.array(symbol).max(5000).optional() }),
  ),
  'market:status': command<MarketJobStatus>()(z.strictObject({})),
  'market:cancel': command<MarketJobStatus>()(z.strictObject({})),
} as const;

export type Commands = typeof commands;
export type { CommandName };
export { isCommandName };
export type RequestOf<K extends CommandName> = z.output<Commands[K]['request']>;
export type RequestInput<K extends CommandName> = z.input<Commands[K]['request']>;
export type ResponseOf<K extends CommandName> = Commands[K]['response'];
/** A run's own choice of stand-in series (market, sector and industry funds), over the defaults. */
export type ProxyChoices = z.output<typeof proxyChoices>;

// The table declares exactly the listed names: a name without a schema, or a schema without a name, fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const declaresEveryName: Same<keyof Commands, CommandName> = true;
void declaresEveryName;

/** The request argument of a command: optional where every field is. */
export type RequestArgs<K extends CommandName> =
  Record<never, never> extends RequestInput<K> ? [request?: RequestInput<K>] : [request: RequestInput<K>];

/** What the renderer sees as `window.api`: one `invoke` that sends a command by its name. */
export interface Api {
  invoke<K extends CommandName>(name: K, ...request: RequestArgs<K>): Promise<Result<ResponseOf<K>>>;
}

export const commandNames: readonly CommandName[] = COMMAND_NAMES;
