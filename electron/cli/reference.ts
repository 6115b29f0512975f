import { countOf, formatMoney, formatPercent } from '../../shared/format';
import { DEFAULT_STALE_DAYS } from '../../shared/health';
import { indexFundText } from '../../shared/domain/index-funds';
import { multiplierText, type LeveragedEtf } from '../../shared/domain/leveraged-etfs';
import { EXPOSURE_DIMENSIONS, type ExposureDimension } from '../../shared/domain/exposure';
import { CLASSIFICATION_FIELDS } from '../../shared/domain/reference';
import { AppError } from '../../shared/ipc/result';
import type { Services } from '../services/services';
import { renderTable } from './table';
import { unknownVerb, type CliContext } from './context';
import { resolvePortfolio } from './resolve';

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

/** `aftershock securities unclassified --portfolio NAME`: what no source classifies. */
function runUnclassified(context: CliContext): number {
  const portfolioId = resolvePortfolio(context).id;
  const { unclassified } = context.call('reference:portfolio', { portfolioId });
  if (context.json) context.out(JSON.stringify(unclassified, null, 2));
  else if (unclassified.length === 0) context.out('Every holding of this portfolio has a sector.');
  else
    context.out(
      `Unclassified (no sector from any source): ${unclassified.join(', ')}. Set them in the app's holdings view or run "aftershock market refresh".`,
    );
  return 0;
}

/** What a leveraged fund is and how a scenario moves it, in words. */
export function leverageText(etf: LeveragedEtf): string {
  const m = multiplierText(etf.multiplier);
  return [
    `${etf.symbol} is ${etf.multiplier < 0 ? 'an inverse' : 'a leveraged'} fund (${etf.issuer}): it targets ${m} the daily move of ${etf.underlying}.`,
    `Under a shock it moves ${m} ${etf.standIn}'s shocked move (floored at −100%); held over several days the move can differ (daily reset).`,
    `A replay uses its own price history, else ${etf.standIn}'s daily returns × ${m.replace('×', '')} compounded. Source: ${etf.source} (as of ${etf.asOf}).`,
  ].join('\n');
}

/** `aftershock securities show SYMBOL` and `aftershock securities unclassified --portfolio NAME`. */
export function runSecurities(context: CliContext, verb: string | undefined, rest: string[]): number {
  if (verb === 'unclassified' && rest.length === 0) return runUnclassified(context);
  if (verb === 'duration') return runDuration(context, rest);
  if (verb === 'option-rate') return runOptionRate(context, rest);
  if (verb !== 'show')
    return unknownVerb('securities', verb, [
      'show SYMBOL',
      'unclassified --portfolio NAME',
      'duration SYMBOL YEARS|none',
      'option-rate [PERCENT|default]',
    ]);
  if (rest.length !== 1) throw new AppError('validation', 'Give exactly one symbol, e.g. "aftershock securities show NVDA".');
  const detail = context.call('securities:show', { symbol: rest[0] });
  if (context.json) {
    context.out(JSON.stringify(detail, null, 2));
    return 0;
  }
  const c = detail.classification;
  if (!detail.isKnown)
    context.out(
      `${detail.symbol} is not in the security master or the market-data cache: it is unclassified. Set its fields in the app or run "aftershock market refresh".`,
    );
  const rows = CLASSIFICATION_FIELDS.map((f) => [f, c[f] ?? '—', c.sources[f] ?? '']);
  rows.push(['themes', c.themes.join(', ') || '—', c.sources.themes ?? '']);
  if (c.duration) rows.push(['duration', `${c.duration.years} years`, c.duration.source]);
  context.out(renderTable(['Field', 'Value', 'Source'], rows));
  if (detail.leverage) context.out(`\n${leverageText(detail.leverage)}`);
  if (detail.indexFund) context.out(`\n${indexFundText(detail.indexFund)}`);
  if (detail.etf) {
    const e = detail.etf;
    context.out(
      `\nETF master: ${e.issuer}; follows ${e.index === 'Actively managed' ? 'no index (actively managed)' : `the ${e.index} index`}; region ${e.region}. Source: ${e.source} (as of ${e.asOf}).`,
    );
  }
  if (detail.fund) {
    const f = detail.fund;
    context.out(
      `\nFund holdings (${f.origin}, as of ${f.asOf}, ${f.source}): ${f.holdings.length} constituents, ${percent(f.totalWeight ?? 0)} of the fund; the rest is residual.`,
    );
    context.out(
      renderTable(
        ['Constituent', 'Weight'],
        f.holdings.slice(0, 10).map((h) => [h.symbol, percent(h.weight)]),
        [false, true],
      ),
    );
  }
  if (detail.quote) context.out(`\nLast quote: ${formatMoney(detail.quote.price, detail.quote.currency)} as of ${detail.quote.asOf}.`);
  if (detail.history) context.out(`Daily closes held: ${detail.history.count} from ${detail.history.first} to ${detail.history.last}.`);
  return 0;
}

/** `aftershock exposure --portfolio NAME --by sector|industry|theme|country|symbol [--look-through]`. */
export function runExposure(context: CliContext, verb: string | undefined): number {
  if (verb !== undefined)
    throw new AppError(
      'validation',
      `"exposure" takes no sub-command ("${verb}"); use "aftershock exposure --portfolio NAME --by sector".`,
    );
  const by = String(context.options.by ?? 'sector') as ExposureDimension;
  if (!EXPOSURE_DIMENSIONS.includes(by))
    throw new AppError('validation', `--by must be one of ${EXPOSURE_DIMENSIONS.join(', ')}, not "${by}".`);
  const portfolioId = resolvePortfolio(context).id;
  const result = context.call('exposure:portfolio', { portfolioId, by, lookThrough: context.options['look-through'] === 'on' });
  if (context.json) {
    context.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const money = (v: number) => formatMoney(v, result.baseCurrency);
  context.out(
    renderTable(
      [by.charAt(0).toUpperCase() + by.slice(1), 'Value', 'Share', 'Largest contributors'],
      result.buckets.map((b) => [
        b.key,
        money(b.value),
        percent(b.share),
        b.symbols
          .slice(0, 4)
          .map((s) => s.symbol)
          .join(', '),
      ]),
      [false, true, true, false],
    ),
  );
  context.out(`\nTotal ${money(result.total)}; ${result.lookThrough ? 'looking through funds with known holdings' : 'funds kept whole'}.`);
  if (result.unclassified.length)
    context.out(`Unclassified: ${result.unclassified.map((u) => `${u.symbol} ${money(u.value)}`).join(', ')}.`);
  if (result.unvalued.length) context.out(`Left out for lack of an FX rate: ${result.unvalued.join(', ')}.`);
  for (const f of result.funds)
    context.out(`Looked through ${f.fund}: ${f.source}, as of ${f.asOf}, ${percent(f.knownWeight)} of the fund listed.`);
  if (result.fundsWithoutHoldings.length) context.out(`No holdings known for ${result.fundsWithoutHoldings.join(', ')}; shown whole.`);
  for (const issue of result.issues) context.out(`Note: ${issue}`);
  return 0;
}

/** `aftershock market refresh [--portfolio NAME]`: waits for the refresh and reports it. */
export async function runMarket(context: CliContext, services: Services, verb: string | undefined, rest: string[]): Promise<number> {
  if (verb === 'stale-days') return runStaleDays(context, rest);
  if (verb !== 'refresh' || rest.length > 0) return unknownVerb('market', verb, ['refresh', 'stale-days']);
  const portfolioId = typeof context.options.portfolio === 'string' ? resolvePortfolio(context).id : undefined;
  context.call('market:refresh', portfolioId === undefined ? {} : { portfolioId });
  const status = await services.market.settled();
  if (status.state === 'offline') throw new AppError('internal', `${status.message} Nothing else was changed.`);
  if (context.json) context.out(JSON.stringify(status, null, 2));
  else {
    context.out(status.message);
    if (status.errors.length)
      context.out(
        renderTable(
          ['Symbol', 'Part', 'Problem'],
          status.errors.map((e) => [e.symbol, e.part, e.message]),
        ),
      );
  }
  return status.state === 'done' ? 0 : 1;
}

/** `aftershock market stale-days [DAYS|default]`: how old a price may be before the health check flags it; with a value, sets it. */
function runStaleDays(context: CliContext, rest: string[]): number {
  const [value, ...extra] = rest;
  if (extra.length) throw new AppError('validation', 'Give one number of days, e.g. "aftershock market stale-days 3", or "default".');
  const days = value === undefined ? undefined : value === 'default' ? DEFAULT_STALE_DAYS : Number(value);
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650))
    throw new AppError('validation', `The number of days must be a whole number from 1 to 3650 (such as 3), or "default", not "${value}".`);
  const answer = days === undefined ? context.call('health:settings', {}) : context.call('health:setstaledays', { staleDays: days });
  context.out(
    context.json
      ? JSON.stringify(answer)
      : `Prices more than ${countOf(answer.staleDays, 'day')} old are flagged by the health check${answer.staleDays === DEFAULT_STALE_DAYS ? ' (the default)' : ''}.`,
  );
  return 0;
}

/** `aftershock securities duration SYMBOL YEARS|none`: your duration for a bond fund, used by rate shocks. */
function runDuration(context: CliContext, rest: string[]): number {
  const [symbol, value, ...extra] = rest;
  if (!symbol || value === undefined || extra.length)
    throw new AppError('validation', 'Give a symbol and a duration in years (or "none"), e.g. "aftershock securities duration TLT 16.5".');
  const years = value === 'none' ? null : Number(value);
  if (years !== null && !Number.isFinite(years))
    throw new AppError('validation', `The duration must be a number of years or "none", not "${value}".`);
  const saved = context.call('securities:duration', { symbol, years });
  context.out(
    context.json
      ? JSON.stringify(saved)
      : saved.years === null
        ? `Cleared the duration of ${saved.symbol}.`
        : `${saved.symbol}: duration ${saved.years} years (yours).`,
  );
  return 0;
}

/** `aftershock securities option-rate [PERCENT|default]`: the interest rate options are revalued at; with a value, sets it. */
function runOptionRate(context: CliContext, rest: string[]): number {
  const [value, ...extra] = rest;
  if (extra.length) throw new AppError('validation', 'Give one rate, e.g. "aftershock securities option-rate 4.5%", or "default".');
  let answer;
  if (value === undefined) answer = context.call('positions:optionrate', {});
  else {
    const percent = value === 'default' ? null : Number(value.replace(/%$/, ''));
    if (percent !== null && !(Number.isFinite(percent) && percent > -5 && percent < 50))
      throw new AppError('validation', `The rate must be a percentage above −5 and below 50 (such as 4.5%), or "default", not "${value}".`);
    answer = context.call('positions:setoptionrate', { rate: percent === null ? null : percent / 100 });
  }
  context.out(
    context.json
      ? JSON.stringify(answer)
      : `Options are revalued at a ${formatPercent(answer.rate, 2)} interest rate${answer.isDefault ? ' (the default)' : ' (yours)'}.`,
  );
  return 0;
}
