import { toCsv } from '../../../../shared/csv';
import type { StressResult } from '../../../../shared/engine';

/** Offers a file to the user (a download in the browser shell, a save dialog in Electron). */
export function saveFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A name safe on every OS: letters, digits, dashes. */
export function safeFileName(...parts: string[]): string {
  return (
    parts
      .map((p) =>
        p
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, ''),
      )
      .filter(Boolean)
      .join('_')
      .slice(0, 120) || 'aftershock'
  );
}

/** Positions and the chosen grouping of a result as CSV, cells guarded against formula injection. */
export function resultCsv(result: StressResult, dimension: string): string {
  const c = result.baseCurrency;
  // Propagated runs add the band: low and high return per position, low and high P&L per group.
  const hasBand = !!result.band;
  const positions = toCsv(
    [
      'symbol',
      'name',
      'account',
      `value_${c}`,
      `pnl_${c}`,
      'return',
      'source',
      'moved_by',
      ...(hasBand ? ['return_low', 'return_high'] : []),
    ],
    result.positions.map((p) => [
      p.symbol,
      p.name,
      p.accountName,
      p.value,
      p.pnl,
      p.return,
      p.source,
      p.applied,
      ...(hasBand ? [p.band?.low ?? p.return, p.band?.high ?? p.return] : []),
    ]),
  );
  const rows = result.aggregates[dimension as keyof StressResult['aggregates']] ?? [];
  const groups = toCsv(
    [dimension, `value_${c}`, `pnl_${c}`, 'return', ...(hasBand ? [`pnl_low_${c}`, `pnl_high_${c}`] : [])],
    rows.map((r) => [r.key, r.value, r.pnl, r.return, ...(hasBand ? [r.band?.low ?? r.pnl, r.band?.high ?? r.pnl] : [])]),
  );
  return `${positions}\r\n${groups}`;
}

/** The SVG of a rendered chart, with the page's CSS colour variables written in so it stands alone. */
export function chartSvg(container: HTMLElement): string | null {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const root = getComputedStyle(document.documentElement);
  const resolve = (value: string) =>
    value.replace(/var\((--[a-z-]+)\)/g, (_m, name: string) => root.getPropertyValue(name).trim() || '#888');
  for (const element of [clone, ...clone.querySelectorAll('*')] as SVGElement[]) {
    for (const attribute of [...element.attributes]) {
      if (!attribute.value.includes('var(')) continue;
      // Style attributes go through the CSSOM: setting them as text would break the app's strict CSP.
      if (attribute.name === 'style') {
        for (let i = element.style.length - 1; i >= 0; i--) {
          const name = element.style[i];
          element.style.setProperty(name, resolve(element.style.getPropertyValue(name)));
        }
      } else element.setAttribute(attribute.name, resolve(attribute.value));
    }
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('font-family', 'Inter, Segoe UI, system-ui, sans-serif');
  return new XMLSerializer().serializeToString(clone);
}

/** Renders chart SVG to a PNG at twice its size, on the panel colour. */
export async function chartPng(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as a picture.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d')!;
    context.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('No PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
