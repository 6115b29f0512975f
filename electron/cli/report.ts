import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signedPercent } from '../../shared/format';
import { formatMoney } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { REPORT_DIMENSIONS, type ReportSettings } from '../../shared/report/model';
import { writeFileAtomic } from '../atomic-write';
import { findChromium, printWithChromium } from '../reports/chromium';
import { findElectronBinary } from '../reports/electron-binary';
import { reportHtml } from '../reports/html';
import type { Services } from '../services/services';
import { assertReportable } from '../services/health';
import { noExtraArguments, requireOption, type CliContext } from './context';
import { resolvePortfolio, scenarioOptions } from './resolve';

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** Reads --logo FILE as a data: URL, refusing what is not a small PNG, JPEG or SVG. */
function logoDataUrl(file: string): string {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new AppError('validation', `--logo must be a .png, .jpg or .svg image, not "${file}".`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new AppError('not-found', `Cannot read the logo "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (bytes.length > 2 * 1024 * 1024) throw new AppError('validation', `The logo "${file}" is larger than 2 MB.`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** Prints with the Electron installed beside the CLI, as the desktop app would; false when there is none or it fails. */
function printWithInstalledElectron(html: string, out: string, title: string): boolean {
  const root = path.join(__dirname, '..', '..');
  const electron = findElectronBinary(root);
  if (!electron) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-print-'));
  try {
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, html);
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const run = spawnSync(electron, [path.join(__dirname, 'print-electron.js'), file, path.resolve(out), title], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    return run.status === 0 && fs.existsSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `aftershock report --portfolio NAME --scenario ID… --out report.pdf|report.html`. */
export async function runReport(context: CliContext, services: Services, rest: string[]): Promise<number> {
  noExtraArguments('report', rest);
  const out = requireOption(context, 'out', 'report.pdf');
  const kind = path.extname(out).toLowerCase();
  if (kind !== '.pdf' && kind !== '.html') throw new AppError('validation', `--out must end in .pdf or .html, not "${out}".`);
  const portfolio = resolvePortfolio(context);
  const text = (name: string) => (typeof context.options[name] === 'string' ? (context.options[name] as string) : undefined);
  const look = text('look-through');
  if (look !== undefined && look !== 'on' && look !== 'off')
    throw new AppError('validation', `--look-through must be "on" or "off", not "${look}".`);
  const size = text('page-size')?.toLowerCase();
  if (size !== undefined && size !== 'a4' && size !== 'letter')
    throw new AppError('validation', `--page-size must be "a4" or "letter", not "${text('page-size')}".`);
  const groupBy = text('group-by');
  if (groupBy !== undefined && !(REPORT_DIMENSIONS as readonly string[]).includes(groupBy))
    throw new AppError('validation', `--group-by must be one of ${REPORT_DIMENSIONS.join(', ')}, not "${groupBy}".`);
  const settings: Partial<ReportSettings> = Object.fromEntries(
    Object.entries({
      clientName: text('client-name'),
      advisorName: text('advisor'),
      advisorContact: text('contact'),
      firmName: text('firm'),
      notes: text('notes'),
      disclosure: text('disclosure'),
      accentColor: text('accent'),
      locale: text('locale'),
      pageSize: size === undefined ? undefined : size === 'letter' ? 'Letter' : 'A4',
      groupBy,
      appendix: context.options.appendix === true ? true : undefined,
      logo: text('logo') && logoDataUrl(text('logo')!),
      lookThrough: look === undefined ? undefined : look === 'on',
    }).filter(([, v]) => v !== undefined),
  );
  const model = context.call('reports:build', {
    portfolioId: portfolio.id,
    scenarioIds: scenarioOptions(context),
    settings,
    rememberFirm: context.options['save-firm-defaults'] === true,
  });
  assertReportable(model.health, portfolio.name, context.options['allow-findings'] === true, 'add --allow-findings to print the report');
  const html = reportHtml(services.reportDir, model);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const summary = model.summary.map(
    (s) => `${s.name}: ${formatMoney(s.pnl, model.portfolio.baseCurrency, 0)} (${signedPercent(s.return)})`,
  );

  if (kind === '.html') {
    writeFileAtomic(out, html);
  } else {
    const title = `${model.title} — ${model.settings.clientName || model.portfolio.clientName}`;
    if (!printWithInstalledElectron(html, out, title)) {
      if (!findChromium()) {
        const fallback = out.replace(/\.pdf$/i, '.html');
        writeFileAtomic(fallback, html);
        throw new AppError(
          'not-found',
          `Neither Electron nor a Chromium or Chrome was found to print the PDF (set CHROME_PATH); the report was written as HTML to ${fallback} instead.`,
        );
      }
      writeFileAtomic(out, await printWithChromium(html, title, { say: (sentence) => context.err(`aftershock: ${sentence}`) }));
    }
  }
  if (context.json) context.out(JSON.stringify({ file: path.resolve(out), bytes: fs.statSync(out).size, summary: model.summary }, null, 2));
  else context.out([`Wrote ${out} for ${model.settings.clientName || model.portfolio.clientName}.`, ...summary].join('\n'));
  return 0;
}
