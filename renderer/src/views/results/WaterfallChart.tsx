import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { StressResult } from '../../../../shared/engine';
import { formatMoney } from '../../../../shared/format';
import { floorAxis } from './chart-scale';
import { compactMoney, GAIN, LOSS, Sized, TOTAL } from './chart-theme';
import { waterfallSteps, type WaterfallStep } from './results-model';

/** From value before to value after through the largest contributors (losses and gains). */
export function WaterfallChart({
  result,
  height = 260,
  width,
}: {
  result: Pick<StressResult, 'positions' | 'valueBefore' | 'baseCurrency'>;
  height?: number;
  width?: number;
}) {
  const steps = waterfallSteps(result, 8);
  const low = Math.min(...steps.map((s) => (s.kind === 'total' ? s.size : s.base)));
  const top = Math.max(...steps.map((s) => (s.kind === 'total' ? s.size : s.base + s.size)));
  const floor = Math.max(0, low - (result.valueBefore - low) * 0.6);
  // Bars are drawn above a floor near the lowest value so the changes stay visible; ticks add the floor back.
  const axis = floorAxis(floor, top);
  const data = steps.map((s) => (s.kind === 'total' ? { ...s, base: 0, size: s.size - floor } : { ...s, base: s.base - floor }));
  return (
    <Sized width={width} height={height}>
      <BarChart data={data} width={width} height={width ? height : undefined} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" stroke="var(--muted)" fontSize={11} interval={0} angle={-25} textAnchor="end" height={48} />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={(v: number) => compactMoney(v + floor, result.baseCurrency)}
          stroke="var(--muted)"
          fontSize={11}
          width={72}
        />
        <Tooltip
          cursor={{ fill: 'var(--row-hover)' }}
          contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 8 }}
          formatter={(_value, name, item) =>
            name === 'base'
              ? [null, null]
              : [
                  formatMoney((item.payload as WaterfallStep).amount, result.baseCurrency),
                  (item.payload as WaterfallStep).kind === 'total' ? 'Value' : 'P&L',
                ]
          }
        />
        <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="size" stackId="w" isAnimationActive={false}>
          {data.map((s) => (
            <Cell key={s.label} fill={s.kind === 'total' ? TOTAL : s.kind === 'loss' ? LOSS : GAIN} />
          ))}
        </Bar>
      </BarChart>
    </Sized>
  );
}
