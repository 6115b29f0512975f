import { useMemo } from 'react';
import type { Book, PositionResult, Provenance, Scenario } from '../../../../shared/engine';
import { explainPosition } from '../../../../shared/engine';
import { signedPercent } from '../../../../shared/format';
import { formatMoney, formatPercent } from '../../../../shared/format';
import { bandText } from './history-model';
import { num, TableHead } from '../../components/TableHead';

/**
 * "Why did this move": the slices of one position and the shock that matched each, or that none did; with
 * history-driven moves (`overrides`), the propagated sensitivities or replayed returns and their bands.
 */
export function WhyPanel(props: {
  book: Book;
  scenario: Scenario;
  position: PositionResult;
  overrides?: ReadonlyMap<string, Provenance>;
  onClose: () => void;
}) {
  const slices = useMemo(
    () => explainPosition(props.book, props.scenario, props.position.id, { overrides: props.overrides }),
    [props.book, props.scenario, props.position.id, props.overrides],
  );
  const money = (x: number) => formatMoney(x, props.book.baseCurrency);
  const shown = slices.slice(0, 60);
  return (
    <aside className="card why" aria-label={`Why ${props.position.symbol} moved`}>
      <header className="card-header">
        <div>
          <h2>
            Why {props.position.symbol} moved {signedPercent(props.position.return)}
          </h2>
          <p className="muted small">
            {money(props.position.value)} → {money(props.position.value + props.position.pnl)} · {props.position.accountName}
          </p>
        </div>
        <button type="button" className="icon" aria-label="Close explanation" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="pad">
        <p className="small">{props.position.applied}</p>
        {props.position.band && (
          <p className="small" data-testid="why-band">
            95% band (estimation and residual): <strong>{bandText(props.position.band)}</strong> (
            {money(props.position.value * props.position.band.low)} to {money(props.position.value * props.position.band.high)})
          </p>
        )}
        {props.position.option && <OptionWhy option={props.position.option} currency={props.position.currency} />}
        <table className="table compact" hidden={!!props.position.option}>
          <TableHead columns={['Slice', num('Weight'), num('P&L'), 'Matched']} />
          <tbody>
            {shown.map((s) => (
              <tr key={`${s.kind}-${s.symbol}`}>
                <td>
                  <strong>{s.symbol}</strong>
                  <div className="muted small">
                    {[s.classification.industry ?? s.classification.sector, ...s.classification.themes].filter(Boolean).join(' · ') ||
                      'unclassified'}
                  </div>
                </td>
                <td className="num">{formatPercent(s.weight, 2)}</td>
                <td className={s.pnl < 0 ? 'num loss' : s.pnl > 0 ? 'num gain' : 'num'}>{money(s.pnl)}</td>
                <td className="small">
                  {s.price.kind === 'propagated' || s.price.kind === 'proxy' ? (
                    <span className={`source source-${s.price.kind}`}>{s.price.kind}</span>
                  ) : null}{' '}
                  {s.price.reason}
                  {s.fx.reason ? `; ${s.fx.reason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {slices.length > shown.length && <p className="muted small">…and {slices.length - shown.length} smaller slices.</p>}
      </div>
    </aside>
  );
}

/** An option's revaluation: its underlying's move, model value before and after, the greeks and the volatility used. */
function OptionWhy(props: { option: NonNullable<PositionResult['option']>; currency: string }) {
  const o = props.option;
  const money = (x: number) => formatMoney(x, props.currency);
  const source =
    o.volatilitySource === 'estimated' ? ' (estimated, 60 days)' : o.volatilitySource === 'default' ? ' (assumed)' : ' (given)';
  return (
    <dl className="small" data-testid="why-option">
      <dt>Underlying</dt>
      <dd>
        {o.underlying} at {money(o.underlyingPrice)}, {signedPercent(o.underlyingChange)}
      </dd>
      <dt>Model value</dt>
      <dd>
        {money(o.valueBefore)} → {money(o.valueAfter)}
        {o.isExpired ? ' (expired: intrinsic value)' : ''}
      </dd>
      <dt>Delta · gamma</dt>
      <dd>
        {o.delta.toFixed(2).replace('-', '−')} · {o.gamma.toFixed(3)}
      </dd>
      <dt>Volatility · rate</dt>
      <dd>
        {formatPercent(o.volatility, 0)}
        {source} · {formatPercent(o.rate, 1)} · {o.years.toFixed(2)} years to expiry
      </dd>
    </dl>
  );
}
