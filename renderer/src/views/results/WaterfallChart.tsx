import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { StressResult } from '../../../../shared/engine';
import { formatMoney } from '../../../../shared/format';
import { pnlAxis } from './chart-scale';
import { axisLabel, compactMoney, GAIN, LOSS, Sized, TOOLTIP, TOTAL, AXIS } from './chart-theme';
import { shortLabel, waterfallSteps, type WaterfallStep } from './results-model';

/** The change as a bridge from 0 through the largest contributors (losses and gains) to the total; the axis holds 0. */
export function WaterfallChart({
  result,
  height = 280,
  width,
}: {
  result: Pick<StressResult, 'positions' | 'baseCurrency'>;
  height?: number;
  width?: number;
}) {
  const data = waterfallSteps(result, 8);
  if (data.length === 1) return <p className="muted small">No holding changes in value under this scenario.</p>;
  const axis = pnlAxis(Math.min(...data.map((s) => s.range[0])), Math.max(...data.map((s) => s.range[1])));
  return (
    <Sized width={width} height={height}>
      <BarChart data={data} width={width} height={width ? height : undefined} margin={{ top: 8, right: 12, bottom: 20, left: 8 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          {...AXIS}
          interval={0}
          angle={-25}
          textAnchor="end"
          height={48}
          tickFormatter={shortLabel}
          label={axisLabel('Holding, then the total', 'bottom')}
        />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={(v: number) => compactMoney(v, result.baseCurrency)}
          {...AXIS}
          width={72}
          label={axisLabel(`Change in value (${result.baseCurrency})`, 'left')}
        />
        <Tooltip
          {...TOOLTIP}
          formatter={(_value, _name, item) => [
            formatMoney((item.payload as WaterfallStep).amount, result.baseCurrency),
            (item.payload as WaterfallStep).kind === 'total' ? 'Total change' : 'P&L',
          ]}
        />
        <ReferenceLine y={0} stroke="var(--muted)" />
        <Bar dataKey="range" isAnimationActive={false}>
          {data.map((s, i) => (
            <Cell key={i} fill={s.kind === 'total' ? TOTAL : s.kind === 'loss' ? LOSS : GAIN} />
          ))}
        </Bar>
      </BarChart>
    </Sized>
  );
}
