import { useEffect } from 'react';
import { returnText } from '../../../shared/engine/run';
import type { PositionResult } from '../../../shared/engine/run';
import { countOf, formatMoney, formatPercent, signedPercent } from '../../../shared/format';
import type { ReportModel, ReportScenarioSection, ReportShock } from '../../../shared/report/model';
import type { HealthReport } from '../../../shared/health';
import { dateSpan, humanDates, longDate } from '../../../shared/report/dates';
import { TRACK_RECORD, TRACK_RECORD_METHOD, TRACK_RECORD_RAN_ON } from '../track-record';
import { BarList } from './BarList';
import { num, TableHead } from '../components/TableHead';

const DIMENSION_WORDS: Record<ReportModel['settings']['groupBy'], string> = {
  sector: 'sector',
  theme: 'theme',
  account: 'account',
  country: 'country',
  assetClass: 'asset class',
};

/** The first page's data-quality verdict: what makes the numbers wrong or doubtful, and the dates they rest on. */
function HealthBox({ health, locale, issues }: { health: HealthReport; locale: string; issues: string[] }) {
  const shown = health.findings.filter((f) => f.severity !== 'info');
  return (
    <div className={`health-box ${health.verdict}`} role="note" aria-label="Data quality" data-testid="report-health">
      <h3>
        {health.verdict === 'blocked'
          ? 'Data quality: some figures in this report are wrong until these are fixed'
          : health.verdict === 'review'
            ? 'Data quality: check before relying on these figures'
            : 'Data quality: no findings'}
      </h3>
      {shown.length > 0 && (
        <ul>
          {shown.slice(0, 4).map((f, i) => (
            <li key={`${f.code}-${i}`}>
              <strong>{f.severity === 'blocking' ? 'Blocking' : 'Warning'}:</strong> {humanDates(f.sentence, locale)}
            </li>
          ))}
          {shown.length > 4 && <li>{countOf(shown.length - 4, 'more finding')}, listed in the app’s health check.</li>}
        </ul>
      )}
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={i}>{humanDates(i, locale)}</li>
          ))}
        </ul>
      )}
      <p>
        {health.asOf.prices ? `Prices as of ${dateSpan(health.asOf.prices, locale)}` : 'The holdings carry no price dates'}; fund holdings{' '}
        {health.asOf.fundHoldings ? `as of ${dateSpan(health.asOf.fundHoldings, locale)}` : 'not used'}.
      </p>
    </div>
  );
}

/** Width of the printable area of an A4 page with the report's margins, in CSS pixels. */
export const PAGE_WIDTH = 680;

/** The client report: a one-page summary, one page per scenario, an optional appendix, methodology and important information. */
export function ReportDocument({ model, onReady }: { model: ReportModel; onReady?: () => void }) {
  useEffect(() => {
    // Everything draws synchronously; one frame later the page is complete.
    const frame = requestAnimationFrame(() => onReady?.());
    return () => cancelAnimationFrame(frame);
  }, [onReady]);
  const { settings } = model;
  const currency = model.portfolio.baseCurrency;
  const money = (x: number) => formatMoney(x, currency, 0);
  const client = settings.clientName || model.portfolio.clientName;
  const worst = model.summary.find((s) => s.scenarioId === model.worstScenarioId);
  const preparedBy = [settings.advisorName, settings.firmName].filter(Boolean).join(', ');
  const oneWorst = model.drivers.length > 0 && model.drivers.every((d) => d.scenarioName === model.drivers[0].scenarioName);
  const accent = /^#[0-9a-fA-F]{6}$/.test(settings.accentColor) ? settings.accentColor : '#1f4e9c';

  return (
    <article className="report" lang={settings.locale.split('-')[0] || 'en'} style={{ ['--accent' as string]: accent }}>
      <section className="summary" aria-label="Summary">
        <header className="masthead">
          {settings.logo && <img className="logo" src={settings.logo} alt={settings.firmName || 'Logo'} />}
          <div>
            {settings.firmName && <p className="firm">{settings.firmName}</p>}
            <h1>Portfolio stress test</h1>
            <p className="cover-client">
              {client} · {model.portfolio.name}
            </p>
            <p className="muted">
              {money(model.valueBefore)} in {countOf(model.portfolio.positionCount, 'position')} across{' '}
              {countOf(model.portfolio.accountCount, 'account')} · {longDate(settings.date, settings.locale)}
              {preparedBy ? ` · Prepared by ${preparedBy}` : ''}
            </p>
          </div>
        </header>

        <div className="headline" data-testid="report-headline">
          {worst ? (
            <p>
              In the worst of {countOf(model.summary.length, 'scenario')} tested, <strong>{worst.name}</strong>, the portfolio would lose{' '}
              <strong className="loss">{money(-worst.pnl)}</strong> ({returnText(worst.return, model.valueBefore)}), leaving{' '}
              {money(worst.valueAfter)}.
            </p>
          ) : (
            <p>None of the {countOf(model.summary.length, 'scenario')} tested would lower the portfolio’s value.</p>
          )}
        </div>

        <h3>Change in value per scenario</h3>
        <BarList
          label="Change in value per scenario"
          currency={currency}
          detail
          rows={model.summary.map((s) => ({
            key: s.scenarioId,
            label: s.name,
            pnl: s.pnl,
            detail: `(${returnText(s.return, model.valueBefore)})`,
          }))}
        />

        <div className="two-col">
          <div>
            <h3>What drives the losses</h3>
            {model.drivers.length > 0 ? (
              <>
                <table className="rtable compact" data-testid="report-drivers">
                  <tbody>
                    {model.drivers.map((d) => (
                      <tr key={d.symbol}>
                        <td>
                          <strong>{d.symbol}</strong>{' '}
                          <span className="small muted">
                            {formatPercent(d.weight, 1)} of the value{oneWorst ? '' : ` · in ${d.scenarioName}`}
                          </span>
                        </td>
                        <td className="num loss">{money(d.pnl)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="small muted">
                  Each holding’s largest loss in any scenario{oneWorst ? `; all in ${model.drivers[0].scenarioName}` : ''}.
                </p>
              </>
            ) : (
              <p className="small">No holding loses value in these scenarios.</p>
            )}
          </div>
          <div>
            <h3>Concentration</h3>
            {model.concentration.length > 0 ? (
              <ul className="concentration" data-testid="report-concentration">
                {model.concentration.map((c) => (
                  <li key={c.sentence} className={c.warn ? 'warn' : undefined}>
                    {c.warn && <strong>Note: </strong>}
                    {c.sentence}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small">The portfolio holds nothing of value to measure.</p>
            )}
          </div>
        </div>

        <HealthBox health={model.health} locale={settings.locale} issues={model.issues} />
        {settings.notes && <p className="notes">{settings.notes}</p>}
      </section>

      {model.sections.map((section) => (
        <ScenarioPage key={section.scenario.id} section={section} model={model} />
      ))}

      {settings.appendix && <Appendix model={model} />}

      <section className="page" aria-label="Methodology and important information">
        <Methodology model={model} />
        <div className="disclaimer" aria-label="Important information">
          <h2>Important information</h2>
          <p>
            This report shows what the scenarios above would do to the portfolio as recorded on {longDate(settings.date, settings.locale)}.
            Scenarios are hypothetical: they are not forecasts, and real markets can move differently and by more. Past market events may
            not repeat. The figures depend on the holdings, prices, classifications and fund holdings listed above, which may be incomplete
            or out of date. This report is for information only and is not investment, tax or legal advice.
          </p>
          {settings.disclosure && <p className="firm-disclosure">{settings.disclosure}</p>}
          {(preparedBy || settings.advisorContact) && (
            <p className="contact">
              {preparedBy && <>Prepared by {preparedBy}. </>}
              {settings.advisorContact}
            </p>
          )}
        </div>
      </section>
    </article>
  );
}

/** Shocks as rows; moves named for single securities folded into one line ("NVDA −16.89%, AVGO −17.1%…"). */
function ShockTable({ shocks }: { shocks: ReportShock[] }) {
  const named = shocks.filter((s) => s.target === 'symbol');
  const rows = named.length > 3 ? shocks.filter((s) => s.target !== 'symbol') : shocks;
  return (
    <table className="rtable compact shocks">
      <tbody>
        {named.length > 3 && (
          <tr>
            <td colSpan={3}>
              <span className="small">Moves of single securities ({named.length}): </span>
              <span className="small">{named.map((s) => `${s.value} ${signedPercent(s.change)}`).join(', ')}</span>
            </td>
          </tr>
        )}
        {rows.map((s, i) => (
          <tr key={i}>
            <td className="shock">{s.text}</td>
            <td className="num small">{countOf(s.holdings, 'holding')}</td>
            <td className="small muted">{s.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One scenario on one page, always in the same order: what it is, its result, by group, contributors, shocks, coverage. */
function ScenarioPage({ section, model }: { section: ReportScenarioSection; model: ReportModel }) {
  const { scenario, result } = section;
  const { settings } = model;
  const currency = model.portfolio.baseCurrency;
  const money = (x: number) => formatMoney(x, currency, 0);
  const dimension = DIMENSION_WORDS[settings.groupBy] ?? 'sector';
  const groups = section.groups.slice(0, 8);
  return (
    <section className="page scenario" aria-label={`Scenario ${scenario.name}`}>
      <h2>{scenario.name}</h2>
      {section.when && <p className="when">{section.when}</p>}
      {scenario.description && <p>{scenario.description}</p>}
      {section.citations.length > 0 && (
        <p className="small muted sources" data-testid="report-sources">
          {section.citations.length === 1 ? 'Source' : 'Sources'}: {section.citations.join('; ')}.
        </p>
      )}
      <p className="lead">
        {money(result.valueBefore)} → {money(result.valueAfter)}: <strong>{money(result.pnl)}</strong> (
        {returnText(result.return, result.valueBefore)})
      </p>
      {section.findings
        .filter((f) => f.severity !== 'info')
        .map((f, i) => (
          <p key={`${f.code}-${i}`} className="callout section-finding">
            {humanDates(f.sentence, settings.locale)}
          </p>
        ))}

      <div className="two-col">
        <div>
          <h3>Change by {dimension}</h3>
          {groups.length > 0 ? (
            <BarList
              label={`Change by ${dimension}`}
              currency={currency}
              ticks={2}
              rows={groups.map((g) => ({ key: g.key, label: g.key, pnl: g.pnl }))}
            />
          ) : (
            <p className="small">No {dimension} changes in value under this scenario.</p>
          )}
          {section.groups.length > groups.length && (
            <p className="small muted">+ {countOf(section.groups.length - groups.length, `smaller ${dimension} move`)}.</p>
          )}
        </div>
        <div>
          <h3>Largest contributors</h3>
          {section.contributors.length > 0 ? (
            <table className="rtable compact" data-testid="report-contributors">
              <tbody>
                {section.contributors.map((p: PositionResult) => (
                  <tr key={p.id}>
                    <td>
                      <strong>{p.symbol}</strong>
                      <div className="small muted">{p.name}</div>
                    </td>
                    <td className="num">{signedPercent(p.return)}</td>
                    <td className={`num ${p.pnl < 0 ? 'loss' : ''}`}>{money(p.pnl)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="small">No holding changes in value under this scenario.</p>
          )}
        </div>
      </div>

      {section.replay ? (
        <>
          <h3>How it was replayed</h3>
          <p className="small">{section.replay}</p>
        </>
      ) : (
        <>
          <h3>Shocks that reach this portfolio</h3>
          {section.shocks.length > 0 ? (
            <ShockTable shocks={section.shocks} />
          ) : (
            <p className="small">None of this scenario’s shocks names anything the portfolio holds.</p>
          )}
          {section.unreachedShocks > 0 && (
            <p className="small muted" data-testid="report-unreached">
              + {countOf(section.unreachedShocks, 'shock')} that {section.unreachedShocks === 1 ? 'reaches' : 'reach'} none of these
              holdings{settings.appendix ? ' (listed in the appendix)' : ''}.
            </p>
          )}
        </>
      )}
      <p className="small coverage" data-testid="report-coverage">
        <strong>What was modelled:</strong> of {money(result.coverage.grossValue)}, {section.coverage}.
      </p>
    </section>
  );
}

function Appendix({ model }: { model: ReportModel }) {
  const currency = model.portfolio.baseCurrency;
  const money = (x: number) => formatMoney(x, currency, 0);
  return (
    <>
      <section className="page" aria-label="Appendix: holdings">
        <h2>Appendix: holdings</h2>
        <table className="rtable positions">
          <TableHead columns={['Symbol', 'Name', 'Account', 'Sector', num('Value'), num('Weight')]} />
          <tbody>
            {model.holdings.map((h, i) => (
              <tr key={`${h.symbol}-${h.account}-${i}`}>
                <td>{h.symbol}</td>
                <td>{h.name}</td>
                <td>{h.account}</td>
                <td>{h.sector}</td>
                <td className="num">{money(h.value)}</td>
                <td className="num">{formatPercent(h.weight, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {model.sections.map((section) => (
        <section key={section.scenario.id} className="page" aria-label={`Appendix: ${section.scenario.name}`}>
          <h2>Appendix: {section.scenario.name}</h2>
          <table className="rtable positions">
            <TableHead columns={['Symbol', 'Account', num('Value'), num('Change'), num('Amount'), 'Moved by']} />
            <tbody>
              {section.positions.map((p) => (
                <tr key={p.id}>
                  <td>{p.symbol}</td>
                  <td>{p.accountName}</td>
                  <td className="num">{money(p.value)}</td>
                  <td className="num">{signedPercent(p.return)}</td>
                  <td className="num">{money(p.pnl)}</td>
                  <td className="applied">{p.applied}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {section.allShocks.length > 0 && (
            <>
              <h3>Every shock in the scenario</h3>
              <ShockTable shocks={section.allShocks} />
            </>
          )}
        </section>
      ))}
    </>
  );
}

/** How the numbers are made, in plain words first; only the data this portfolio used. */
function Methodology({ model }: { model: ReportModel }) {
  const m = model.methodology;
  const { settings } = model;
  const currency = model.portfolio.baseCurrency;
  return (
    <div className="methodology" aria-label="Methodology">
      <h2>How these figures were made</h2>
      <p>
        Each holding is valued at its price times the quantity held, in {currency}
        {m.fxRates.length ? ', converting other currencies at the exchange rates listed below' : ''}. A scenario is a set of market moves
        (“shocks”). Each holding takes the most specific move that applies to it: a move named for the security itself first, then its
        theme, industry, sector, country or asset class, and the broad market move for everything else. Cash keeps its value. Holdings no
        move reaches are counted as unchanged and said so on each scenario page, never silently.
        {m.usedRates ? ' A change in interest rates moves a bond holding by its duration times the change in yields.' : ''}
        {m.usedCurrency ? ' A currency move changes holdings in that currency on top of their price move; the two compound.' : ''}
      </p>
      {m.usedLookThrough && (
        <p>
          Funds are looked through: a fund whose holdings are published is split into its holdings by weight, so a move in, say,
          semiconductors reaches the part of a broad fund that holds them; the unlisted rest is moved as the fund itself.
        </p>
      )}
      {m.usedReplay && (
        <p>
          A replayed event applies to each holding what its own price did over the event’s dates (dividends included); a holding without
          history of its own follows a comparable fund, as stated on its page.
        </p>
      )}
      {m.usedPropagation && (
        <p data-testid="report-track-record">
          Where no move names a holding, its move can be estimated from how it has moved with the shocked groups in the past, with a range
          that shows how uncertain that estimate is. In technical terms: {TRACK_RECORD_METHOD} {TRACK_RECORD} (Backtest of the bundled daily
          closes, run {longDate(TRACK_RECORD_RAN_ON, settings.locale)}.)
        </p>
      )}
      <h3>Data this report used</h3>
      <ul className="small" data-testid="report-data-used">
        <li>Prices: {m.prices ? `as of ${m.prices}` : 'as entered with the holdings (no price dates recorded)'}.</li>
        {m.classifications && <li>Sectors, industries and themes: classifications as of {m.classifications}.</li>}
        {m.fundHoldings.map((f) => (
          <li key={f}>Fund holdings of {f}.</li>
        ))}
        {m.fxRates.length > 0 ? (
          m.fxRates.map((f) => <li key={f}>Exchange rate {f}.</li>)
        ) : (
          <li>No exchange rate: every holding is in {currency}.</li>
        )}
      </ul>
    </div>
  );
}
