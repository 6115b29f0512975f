import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { drawdownPath, returnHistogram, type PortfolioRisk } from '../../../../shared/history';
import { formatPercent } from '../../../../shared/format';
import { tickStep, ticks } from 'd3-array';
import { ChartCard } from './ChartCard';
import { pnlAxis } from './chart-scale';
import { axisLabel, GAIN, LOSS, Sized, TOOLTIP, AXIS } from './chart-theme';

const pct = (x: number, digits = 1) => formatPercent(x, digits);

/**
 * The risk figures as pictures: the drawdown from the running peak over the window, and the distribution of daily
 * returns with the one-day 95% VaR and CVaR marked on it.
 */
export function RiskCharts({ risk }: { risk: PortfolioRisk }) {
  const path = drawdownPath(risk.daily.dates, risk.daily.returns);
  const buckets = returnHistogram(risk.daily.returns, 30).map((b) => ({ ...b, mid: (b.from + b.to) / 2 }));
  const tail = risk.tails.find((t) => t.horizonDays === 1 && t.level === 0.95);
  const depth = pnlAxis(Math.min(-0.01, ...path.map((p) => p.drawdown)), 0);
  // Returns on a symmetric axis around 0, out to the next round step past the largest move either way.
  const edge = Math.max(0.01, ...risk.daily.returns.map(Math.abs), tail?.historicalCvar ?? 0);
  const step = tickStep(-edge, edge, 6);
  const reach = Math.ceil(edge / step) * step;
  return (
    <div className="chart-grid">
      <ChartCard title="Drawdown from the running peak" fileName={`${risk.window.from} ${risk.window.to} drawdown`}>
        <Sized height={240}>
          <AreaChart data={path} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="date" {...AXIS} minTickGap={48} label={axisLabel('Day', 'bottom')} />
            <YAxis
              domain={depth.domain}
              ticks={depth.ticks}
              tickFormatter={(v: number) => pct(v, 0)}
              {...AXIS}
              width={64}
              label={axisLabel('Below the peak', 'left')}
            />
            <Tooltip {...TOOLTIP} formatter={(v) => [pct(Number(v), 2), 'Drawdown']} />
            <Area dataKey="drawdown" stroke={LOSS} fill={LOSS} fillOpacity={0.25} isAnimationActive={false} />
          </AreaChart>
        </Sized>
      </ChartCard>
      <ChartCard title="Daily returns, with the 1-day 95% VaR and CVaR" fileName={`${risk.window.from} ${risk.window.to} daily returns`}>
        <Sized height={240}>
          <BarChart data={buckets} margin={{ top: 20, right: 16, bottom: 20, left: 8 }} barCategoryGap={1}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis
              type="number"
              dataKey="mid"
              domain={[-reach, reach]}
              ticks={ticks(-reach, reach, 6)}
              tickFormatter={(v: number) => pct(v, step < 0.01 ? 1 : 0)}
              {...AXIS}
              label={axisLabel('Return over one day', 'bottom')}
            />
            <YAxis allowDecimals={false} {...AXIS} width={48} label={axisLabel('Days', 'left')} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={(_l, payload) => {
                const b = payload?.[0]?.payload as { from: number; to: number } | undefined;
                return b ? `${pct(b.from, 2)} to ${pct(b.to, 2)}` : '';
              }}
              formatter={(v) => [String(v), 'Days']}
            />
            <ReferenceLine x={0} stroke="var(--muted)" />
            {tail && (
              <ReferenceLine
                x={-tail.historicalVar}
                stroke="var(--text)"
                strokeDasharray="4 3"
                label={{ value: `VaR ${pct(tail.historicalVar, 2)}`, position: 'top', fill: 'var(--text)', fontSize: 11 }}
              />
            )}
            {tail && (
              <ReferenceLine
                x={-tail.historicalCvar}
                stroke={LOSS}
                strokeDasharray="2 2"
                label={{ value: `CVaR ${pct(tail.historicalCvar, 2)}`, position: 'insideTopRight', fill: 'var(--text)', fontSize: 11 }}
              />
            )}
            <Bar dataKey="count" isAnimationActive={false}>
              {buckets.map((b) => (
                <Cell key={b.from} fill={b.mid < 0 ? LOSS : GAIN} />
              ))}
            </Bar>
          </BarChart>
        </Sized>
      </ChartCard>
    </div>
  );
}
