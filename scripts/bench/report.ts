import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium, printWithChromium } from '../../electron/reports/chromium';
import { reportHtml } from '../../electron/reports/html';
import { buildReport } from '../../electron/services/reports';
import { closeServices, createServices } from '../../electron/services/services';
import type { Figure } from './harness';

const ROOT = path.join(__dirname, '..', '..');

/** Time to produce one client PDF of the sample portfolio under three scenarios (model, HTML, Chromium print). */
export async function reportBenchmarks(): Promise<Figure[] | string> {
  if (!findChromium()) return 'skipped: no Chromium (set CHROME_PATH)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-report-bench-'));
  const services = createServices({
    dbPath: path.join(dir, 'r.sqlite'),
    shell: 'test',
    version: 'bench',
    resourcesDir: path.join(ROOT, 'resources'),
    reportDir: path.join(ROOT, 'out', 'report'),
  });
  try {
    const portfolioId = (services.db.prepare('SELECT id FROM portfolios LIMIT 1').get() as { id: number }).id;
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < 6; i++) {
      const start = process.hrtime.bigint();
      const model = buildReport(services, { portfolioId, scenarioIds: ['ai-capex-collapse', 'deepseek-monday-close', 'sp500-minus-20'] });
      const pdf = await printWithChromium(reportHtml(services.reportDir, model), model.title);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i > 0) times.push(ms);
      pages = (
        Buffer.from(pdf)
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? []
      ).length;
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: `one client PDF, sample portfolio × 3 scenarios (${pages} pages)`,
        median: times[2],
        min: times[0],
        max: times[4],
        runs: 5,
        unit: 'ms',
        note: 'target < 3,000 ms',
      },
    ];
  } finally {
    closeServices(services);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
