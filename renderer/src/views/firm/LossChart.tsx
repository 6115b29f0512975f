import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { lossHistogram } from '../../../../shared/firm/compare';
import type { ClientRanking } from '../../../../shared/firm/ranking';
import { axisLabel, LOSS, Sized, TOOLTIP, AXIS } from '../results/chart-theme';

/** How many clients lose how much: clients per 5-point bucket of worst-case loss. */
export function LossChart(props: { clients: readonly ClientRanking[]; width?: number }) {
  const buckets = lossHistogram(props.clients);
  if (buckets.length === 0) return <p className="muted">No client has holdings to show.</p>;
  return (
    <Sized width={props.width} height={240}>
      <BarChart
        data={buckets}
        width={props.width}
        height={props.width ? 240 : undefined}
        margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" {...AXIS} interval={0} label={axisLabel('Worst-case loss, share of value', 'bottom')} />
        <YAxis allowDecimals={false} {...AXIS} width={44} label={axisLabel('Clients', 'left')} />
        <Tooltip {...TOOLTIP} formatter={(value) => [String(value), 'Clients']} labelFormatter={(label) => `Loss ${String(label)}`} />
        <Bar dataKey="count" fill={LOSS} isAnimationActive={false} radius={[3, 3, 0, 0]} />
      </BarChart>
    </Sized>
  );
}
