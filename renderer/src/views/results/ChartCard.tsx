import { useRef, type ReactNode } from 'react';
import { attempt } from '../../store/attempt';
import { useStore } from '../../store/store';
import { chartPng, chartSvg, safeFileName, saveFile } from './export';

/** A titled chart with "SVG" and "PNG" export buttons. */
export function ChartCard(props: { title: string; fileName: string; tools?: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const notify = useStore((s) => s.notify);
  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = ref.current && chartSvg(ref.current);
    if (!svg || !ref.current) return notify({ kind: 'error', message: 'There is no chart to export yet.' });
    const name = safeFileName(props.fileName);
    const chart = ref.current;
    await attempt(useStore.getState, async () => {
      if (kind === 'svg') saveFile(`${name}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
      else {
        const box = chart.querySelector('svg.recharts-surface')!.getBoundingClientRect();
        saveFile(`${name}.png`, await chartPng(svg, box.width, box.height));
      }
    });
  };
  return (
    <section className="card pad chart-card" aria-label={props.title}>
      <header className="chart-header">
        <h3>{props.title}</h3>
        <div className="toolbar small">
          {props.tools}
          <button type="button" className="link" onClick={() => void exportAs('svg')}>
            SVG
          </button>
          <button type="button" className="link" onClick={() => void exportAs('png')}>
            PNG
          </button>
        </div>
      </header>
      <div ref={ref}>{props.children}</div>
    </section>
  );
}
