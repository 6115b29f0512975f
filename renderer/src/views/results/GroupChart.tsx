import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { AggregateRow } from '../../../../shared/engine/run';
import { countOf, formatMoney, signedPercent } from '../../../../shared/format';
import { pnlAxis } from './chart-scale';
import { axisLabel, compactMoney, GAIN, LOSS, Sized, TOOLTIP } from './chart-theme';
import { chartGroups } from './results-model';
import { withBandExtent } from './history-model';

/**
 * Horizontal bars of P&L per group (sector, theme, account…), largest loss on top; whiskers show propagated bands.
 * Only groups with a change are drawn, the smallest of them summed into one "Others" bar past `limit`.
 */
export function GroupChart(props: {
  rows: AggregateRow[];
  currency: string;
  /** What the groups are, for the category axis: "Sector", "Theme"… */
  groupLabel?: string;
  height?: number;
  limit?: number;
  width?: number;
  labelWidth?: number;
}) {
  // No empty chart: a sentence says why there is nothing to draw.
  if (!props.rows.some((r) => r.pnl !== 0)) return <p className="muted small">No group changes in value under this scenario.</p>;
  const labelWidth = props.labelWidth ?? 180;
  const maxChars = Math.floor(labelWidth / 6.5);
  const groups = chartGroups(props.rows, props.limit ?? 14);
  const rows = withBandExtent(groups.rows).map((r) => ({
    ...r,
    label: r.key.length > maxChars ? `${r.key.slice(0, maxChars - 1)}…` : r.key,
  }));
  const hasBand = rows.some((r) => r.extent);
  // The axis must reach the whiskers too, not only the bars.
  const ends = rows.flatMap((r) => [r.pnl, r.band?.low ?? r.pnl, r.band?.high ?? r.pnl]);
  const axis = pnlAxis(Math.min(...ends), Math.max(...ends));
  const height = props.height ?? Math.max(160, rows.length * 28 + 60);
  return (
    <>
      <Sized width={props.width} height={height}>
        <BarChart
          data={rows}
          layout="vertical"
          width={props.width}
          height={props.width ? height : undefined}
          margin={{ top: 4, right: 24, bottom: 20, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={(v: number) => compactMoney(v, props.currency)}
            stroke="var(--muted)"
            fontSize={11}
            label={axisLabel(`Change in value (${props.currency})`, 'bottom')}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            stroke="var(--muted)"
            fontSize={12}
            interval={0}
            label={axisLabel(props.groupLabel ?? 'Group', 'left')}
          />
          <ReferenceLine x={0} stroke="var(--muted)" />
          <Tooltip
            {...TOOLTIP}
            formatter={(value, _name, item) => {
              const row = item.payload as AggregateRow;
              const band = row.band
                ? `; band ${formatMoney(row.band.low, props.currency, 0)} to ${formatMoney(row.band.high, props.currency, 0)}`
                : '';
              return [
                `${formatMoney(Number(value), props.currency)} (${signedPercent(row.return)} of ${formatMoney(row.value, props.currency, 0)})${band}`,
                'P&L',
              ];
            }}
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as AggregateRow | undefined)?.key ?? ''}
          />
          <Bar dataKey="pnl" isAnimationActive={false} radius={[0, 3, 3, 0]}>
            {rows.map((r) => (
              <Cell key={r.key} fill={r.pnl < 0 ? LOSS : GAIN} />
            ))}
            {hasBand && (
              <ErrorBar dataKey="extent" direction="x" width={6} stroke="var(--text)" strokeWidth={1.5} isAnimationActive={false} />
            )}
          </Bar>
        </BarChart>
      </Sized>
      {groups.unchanged > 0 && <p className="muted small">Not drawn: {countOf(groups.unchanged, 'group')} with no change.</p>}
    </>
  );
}
