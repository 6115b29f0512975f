import { useEffect } from 'react';
import { describeShock } from '../../../shared/engine/match';
import { signedPercent } from '../../../shared/format';
import { returnText } from '../../../shared/engine/run';
import type { AggregateRow, PositionResult } from '../../../shared/engine/run';
import { formatMoney, formatPercent } from '../../../shared/format';
import { currencySentence } from '../../../shared/history/fx';
import type { ReportModel, ReportScenarioSection } from '../../../shared/report/model';
import { spanText, type HealthReport } from '../../../shared/health';
import { coverageRows, coverageSentence } from '../../../shared/report/coverage';
import { CoverageBar } from '../views/results/CoverageBar';
import { GroupChart } from '../views/results/GroupChart';
import { WaterfallChart } from '../views/results/WaterfallChart';
import { TRACK_RECORD, TRACK_RECORD_METHOD, TRACK_RECORD_RAN_ON } from '../track-record';

/** The first page's data-health box: what makes the numbers wrong or doubtful, and the dates they rest on. */
function HealthBox({ health }: { health: HealthReport }) {
  const shown = health.findings.filter((f) => f.severity !== 'info');
  return (
    <div className={`health-box ${health.verdict}`} role="note" aria-label="Data health" data-testid="report-health">
      <h3>
        {health.verdict === 'blocked'
          ? 'Data health: some figures in this report are wrong until these are fixed'
          : health.verdict === 'review'
            ? 'Data health: check before relying on these figures'
            : 'Data health: no findings'}
      </h3>
      {shown.length > 0 && (
        <ul>
          {shown.map((f, i) => (
            <li key={`${f.code}-${i}`}>
              <strong>{f.severity === 'blocking' ? 'Blocking' : 'Warning'}:</strong> {f.sentence}
            </li>
          ))}
        </ul>
      )}
      <p>
        Prices as of {spanText(health.asOf.prices)}; fund holdings as of {spanText(health.asOf.fundHoldings, 'none used')}.
      </p>
    </div>
  );
}

/** Width of the printable area of an A4 page with the report's margins, in CSS pixels. */
export const PAGE_WIDTH = 680;

/** The client report: cover, summary, one section per scenario, holdings, methodology, disclaimer. */
export function ReportDocument({ model, onReady }: { model: ReportModel; onReady?: () => void }) {
  useEffect(() => {
    // Charts draw synchronously with fixed sizes; one frame later the page is complete.
    const frame = requestAnimationFrame(() => onReady?.());
    return () => cancelAnimationFrame(frame);
  }, [onReady]);
  const currency = model.portfolio.baseCurrency;
  const money = (x: number, digits = 0) => formatMoney(x, currency, digits);
  const client = model.settings.clientName || model.portfolio.clientName;

  return (
    <article className="report">
      <section className="cover" aria-label="Cover">
        {model.settings.logo && <img className="logo" src={model.settings.logo} alt={model.settings.firmName || 'Logo'} />}
        <p className="firm">{model.settings.firmName}</p>
        <h1>Portfolio stress test</h1>
        <p className="cover-client">{client}</p>
        <p className="cover-portfolio">
          {model.portfolio.name} · {money(model.valueBefore)} · {model.portfolio.positionCount} positions in {model.portfolio.accountCount}{' '}
          accounts
        </p>
        <dl className="cover-meta">
          <dt>Date</dt>
          <dd>{model.settings.date}</dd>
          {model.settings.advisorName && (
            <>
              <dt>Prepared by</dt>
              <dd>{model.settings.advisorName}</dd>
            </>
          )}
          <dt>Scenarios</dt>
          <dd>{model.summary.map((s) => s.name).join('; ')}</dd>
        </dl>
        {model.settings.notes && <p className="notes">{model.settings.notes}</p>}
        <HealthBox health={model.health} />
      </section>

      <section className="page" aria-label="Summary">
        <h2>Summary</h2>
        <p>
          Today’s value is <strong>{money(model.valueBefore)}</strong>. Under each scenario it would change as follows
          {model.worstScenarioId ? (
            <>
              ; the worst is <strong>{model.summary.find((s) => s.scenarioId === model.worstScenarioId)?.name}</strong>
            </>
          ) : null}
          .
        </p>
        <table className="rtable">
          <thead>
            <tr>
              <th>Scenario</th>
              <th className="num">Change</th>
              <th className="num">%</th>
              <th className="num">Value after</th>
            </tr>
          </thead>
          <tbody>
            {model.summary.map((s) => (
              <tr key={s.scenarioId} className={s.scenarioId === model.worstScenarioId ? 'worst' : undefined}>
                <td>{s.name}</td>
                <td className="num">{money(s.pnl)}</td>
                <td className="num">{returnText(s.return, model.valueBefore)}</td>
                <td className="num">{money(s.valueAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <figure className="chart">
          <GroupChart
            width={PAGE_WIDTH}
            currency={currency}
            rows={model.summary.map((s) => ({ key: s.name, value: model.valueBefore, pnl: s.pnl, return: s.return }))}
          />
          <figcaption>Change in value per scenario.</figcaption>
        </figure>
        {model.issues.length > 0 && (
          <div className="callout">
            {model.issues.map((i) => (
              <p key={i}>{i}</p>
            ))}
          </div>
        )}
      </section>

      {model.sections.map((section) => (
        <ScenarioSection key={section.scenario.id} section={section} currency={currency} />
      ))}

      <section className="page" aria-label="Holdings and exposures">
        <h2>Appendix: holdings and exposures</h2>
        <table className="rtable">
          <thead>
            <tr>
              <th>Symbol</th>
              <th>Name</th>
              <th>Account</th>
              <th>Sector</th>
              <th className="num">Value</th>
              <th className="num">Weight</th>
            </tr>
          </thead>
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
        <h3>Exposure by sector{model.exposures.lookThrough ? ', looking through funds' : ''}</h3>
        <ExposureTable rows={model.exposures.bySector} money={money} total={model.valueBefore} />
        <h3>Exposure by theme (a holding can be in several)</h3>
        <ExposureTable rows={model.exposures.byTheme} money={money} total={model.valueBefore} />
      </section>

      <section className="page" aria-label="Methodology">
        <h2>Methodology</h2>
        <p>
          Each holding is valued at quantity × price, converted to {currency} at the stated exchange rates. A fund whose holdings we know is
          split into one slice per listed holding (its value × the holding’s weight) plus a slice for the unlisted rest, which is treated as
          the fund itself
          {model.settings.lookThrough ? '' : '; in this report look-through was switched off, so funds are treated as single securities'}.
        </p>
        <p>
          A scenario is a list of shocks. Each slice takes the most specific shock that matches it, in this order: symbol, a rates shock
          (for holdings of known duration, −duration × the change in yields), theme, industry, sector, country, asset class, then the market
          shock for everything else; within one kind the shock listed first wins. Cash is not moved by a market shock. A currency shock
          moves holdings in that currency on top: the price change and the currency change compound, (1 + price) × (1 + currency) − 1.
          Holdings no shock reaches are reported as not shocked, never silently.
        </p>
        <p data-testid="report-track-record">
          Where a holding no shock names is moved by history (propagation), its move is its estimated sensitivities to the shocked groups’
          funds or baskets times their shocks, with a 95% band. {TRACK_RECORD_METHOD} {TRACK_RECORD} (Backtest of the bundled daily closes,
          run {TRACK_RECORD_RAN_ON}.)
        </p>
        <h3>Data as of</h3>
        <ul>
          <li>Prices: {model.dataAsOf.prices ?? 'as entered'}</li>
          <li>Classifications: {model.dataAsOf.classifications ?? 'bundled data'}</li>
          {model.dataAsOf.fundHoldings.map((f) => (
            <li key={f}>Fund holdings: {f}</li>
          ))}
          {model.dataAsOf.fxRates.map((f) => (
            <li key={f}>Exchange rate: {f}</li>
          ))}
        </ul>
      </section>

      <section className="disclaimer" aria-label="Disclaimer">
        <h2>Important information</h2>
        <p>
          This report shows what the stated scenarios would do to the portfolio as recorded on {model.settings.date}. Scenarios are
          hypothetical: they are not forecasts, and real markets can move differently and by more. Past market events may not repeat.
          Figures depend on the holdings, prices, classifications and fund holdings listed above, which may be incomplete or out of date.
          This report is for information only and is not investment, tax or legal advice.
        </p>
      </section>
    </article>
  );
}

function ExposureTable({ rows, money, total }: { rows: AggregateRow[]; money: (x: number) => string; total: number }) {
  return (
    <table className="rtable compact">
      <tbody>
        {[...rows]
          .sort((a, b) => b.value - a.value)
          .map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td className="num">{money(r.value)}</td>
              <td className="num">{formatPercent(total ? r.value / total : 0, 1)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function PositionRows({ rows, money }: { rows: PositionResult[]; money: (x: number) => string }) {
  return (
    <>
      {rows.map((p) => (
        <tr key={p.id}>
          <td>{p.symbol}</td>
          <td>{p.accountName}</td>
          <td className="num">{money(p.value)}</td>
          <td className="num">{signedPercent(p.return)}</td>
          <td className="num">{money(p.pnl)}</td>
          <td className="applied">{p.applied}</td>
        </tr>
      ))}
    </>
  );
}

function ScenarioSection({ section, currency }: { section: ReportScenarioSection; currency: string }) {
  const { scenario, result } = section;
  const money = (x: number, digits = 0) => formatMoney(x, currency, digits);
  const c = result.coverage;
  const head = (
    <thead>
      <tr>
        <th>Symbol</th>
        <th>Account</th>
        <th className="num">Value</th>
        <th className="num">Shock</th>
        <th className="num">Change</th>
        <th>Moved by</th>
      </tr>
    </thead>
  );
  return (
    <section className="page" aria-label={`Scenario ${scenario.name}`}>
      <h2>{scenario.name}</h2>
      <p className="lead">
        {money(result.valueBefore)} → {money(result.valueAfter)}: <strong>{money(result.pnl)}</strong> (
        {returnText(result.return, result.valueBefore)})
      </p>
      {section.findings
        .filter((f) => f.severity !== 'info')
        .map((f, i) => (
          <p key={`${f.code}-${i}`} className="callout section-finding">
            {f.sentence}
          </p>
        ))}
      {scenario.description && <p>{scenario.description}</p>}
      {scenario.event && (
        <p className="small">
          Event: {scenario.event.date ?? `${scenario.event.window?.from} → ${scenario.event.window?.to}`}; {scenario.event.basis.timing},{' '}
          {scenario.event.basis.returns} returns. Sources: {scenario.event.sources.map((s) => s.title).join('; ')}.
        </p>
      )}
      {result.history?.mode === 'replay' ? (
        <>
          <h3>Replay</h3>
          <p className="small">
            {result.history.partial && <strong className="warn">{result.history.partial.reason} </strong>}
            Each holding moved by its own total return from {result.history.from} to {result.history.to} (a fund as a whole; its holdings
            only split that move by sector and theme)
            {c.proxy.share > 0
              ? `; ${formatPercent(c.proxy.share, 1)} of the value followed a stand-in fund for lack of its own history`
              : ''}
            {c.noPrice.share > 0 ? `; ${formatPercent(c.noPrice.share, 1)} was not tested (no price history for it or a stand-in)` : ''}.
            {result.history.currencies?.length ? ` ${currencySentence(result.baseCurrency, result.history.currencies)}` : ''}
            {result.history.drawdown
              ? ` Worst fall inside the window ${signedPercent(result.history.drawdown.change)} (${result.history.drawdown.peak} → ${result.history.drawdown.trough}).`
              : ''}
          </p>
        </>
      ) : (
        <>
          <h3>Shocks</h3>
          <table className="rtable compact">
            <tbody>
              {scenario.shocks.map((s, i) => (
                <tr key={i}>
                  <td>{describeShock(s, s.change)}</td>
                  <td className="small">{s.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <figure className="chart">
        <GroupChart width={PAGE_WIDTH} labelWidth={200} currency={currency} rows={section.bySector} limit={12} />
        <figcaption>Change by sector{result.lookThrough ? ' (through funds)' : ''}.</figcaption>
      </figure>
      <figure className="chart">
        <GroupChart width={PAGE_WIDTH} labelWidth={200} currency={currency} rows={section.byTheme} limit={12} />
        <figcaption>Change by theme (a holding can be in several).</figcaption>
      </figure>
      <figure className="chart">
        <WaterfallChart
          width={PAGE_WIDTH}
          height={240}
          result={{ positions: section.positions, valueBefore: result.valueBefore, baseCurrency: currency }}
        />
        <figcaption>From value before to value after, largest contributors first.</figcaption>
      </figure>
      <h3>Top {section.contributors.length} contributors</h3>
      <table className="rtable">
        {head}
        <tbody>
          <PositionRows rows={section.contributors} money={money} />
        </tbody>
      </table>
      <div className="keep">
        <h3>Coverage</h3>
        <CoverageBar rows={coverageRows(result)} legend={false} />
        <p data-testid="report-coverage">
          Of {money(c.grossValue)}
          {c.grossValue !== Math.abs(result.valueBefore) ? ' (gross: shorts count at their size)' : ''}, each dollar counted once:{' '}
          {coverageSentence(result)}.
          {c.unclassified.symbols.length
            ? ` Not moved for lack of a sector, industry or theme: ${c.unclassified.symbols.slice(0, 20).join(', ')}${c.unclassified.symbols.length > 20 ? '…' : ''}.`
            : ''}
        </p>
      </div>
      <h3>All positions</h3>
      <table className="rtable positions">
        {head}
        <tbody>
          <PositionRows rows={section.positions} money={money} />
        </tbody>
      </table>
    </section>
  );
}
