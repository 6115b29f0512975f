import { useEffect } from 'react';
import { EXPOSURE_DIMENSIONS, type ExposureDimension } from '../../../shared/domain/exposure';
import { formatMoney, formatPercent } from '../../../shared/format';
import { usePick } from '../store/store';
import { num, TableHead } from '../components/TableHead';

/** Exposure of the selected portfolio by sector, industry, theme, country or symbol, optionally through funds. */
export function ExposurePanel() {
  const { exposure, exposureBy, lookThrough, loadExposure, selectedPortfolioId, holdings } = usePick(
    'exposure',
    'exposureBy',
    'lookThrough',
    'loadExposure',
    'selectedPortfolioId',
    'holdings',
  );
  useEffect(() => {
    void loadExposure();
  }, [selectedPortfolioId, holdings, loadExposure]);
  if (!exposure) return null;
  const money = (v: number) => formatMoney(v, exposure.baseCurrency);
  const max = Math.max(0, ...exposure.buckets.map((b) => Math.abs(b.share)));
  return (
    <section className="card exposure" aria-label="Exposure">
      <div className="card-toolbar">
        <h2>Exposure</h2>
        <label>
          By{' '}
          <select
            aria-label="Exposure by"
            value={exposureBy}
            onChange={(e) => void loadExposure({ by: e.target.value as ExposureDimension })}
          >
            {EXPOSURE_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={lookThrough} onChange={(e) => void loadExposure({ lookThrough: e.target.checked })} />
          Look through funds
        </label>
        <span className="muted">
          {exposureBy === 'theme' ? 'A holding can belong to several themes, so shares may add up to more than 100%.' : ''}
        </span>
      </div>
      <table className="table">
        <TableHead columns={[exposureBy, num('Value'), num('Share'), 'Largest contributors (share of the row)']} />
        <tbody>
          {exposure.buckets.map((b) => (
            <tr key={b.key} className={b.key === 'Unclassified' ? 'warn' : undefined}>
              <td>{b.key}</td>
              <td className="num">{money(b.value)}</td>
              <td className="num weight">
                <span className="weight-track" aria-hidden="true">
                  <span className="weight-fill" style={{ width: `${max > 0 ? (Math.abs(b.share) / max) * 100 : 0}%` }} />
                </span>
                {formatPercent(b.share)}
              </td>
              <td className="muted">
                {b.symbols
                  .slice(0, 5)
                  .map((s) => `${s.symbol} ${b.value === 0 ? '' : formatPercent(s.value / b.value)}`.trim())
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="unclassified">
        {exposure.unclassified.length === 0
          ? 'Unclassified: nothing — every holding has a sector.'
          : `Unclassified (${money(exposure.unclassified.reduce((s, u) => s + u.value, 0))}): ${exposure.unclassified.map((u) => u.symbol).join(', ')}. Click a holding's classification to set it.`}
      </p>
      {exposure.funds.length > 0 && (
        <p className="muted">
          Looked through:{' '}
          {exposure.funds
            .map((f) => `${f.fund} (${f.source}, as of ${f.asOf}, ${formatPercent(f.knownWeight)} listed; the rest is shown as ${f.fund})`)
            .join('; ')}
          .
        </p>
      )}
      {exposure.fundsWithoutHoldings.length > 0 && (
        <p className="muted">
          No holdings known for {exposure.fundsWithoutHoldings.join(', ')}, so they are shown whole; “Update market data” fetches their top
          holdings.
        </p>
      )}
      {exposure.unvalued.length > 0 && <p className="muted">Left out for lack of an exchange rate: {exposure.unvalued.join(', ')}.</p>}
      {exposure.issues.map((issue) => (
        <p key={issue} className="banner warn">
          {issue}
        </p>
      ))}
    </section>
  );
}
