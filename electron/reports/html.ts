import fs from 'node:fs';
import path from 'node:path';
import type { ReportModel } from '../../shared/report/model';
import { AppError } from '../../shared/ipc/result';

/** A report file's CSP: it runs its own inline code and loads nothing from anywhere. */
const STANDALONE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Escapes JSON for a <script> element: no "</script>" or HTML comment can close it early. */
function scriptSafe(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The self-contained report: one HTML file with its styles, its code and its data inline. */
export function reportHtml(reportDir: string, model: ReportModel): string {
  let js: string;
  let css: string;
  try {
    js = fs.readFileSync(path.join(reportDir, 'report.js'), 'utf8');
    css = fs.readFileSync(path.join(reportDir, 'report.css'), 'utf8');
  } catch {
    throw new AppError('internal', `The report page is missing from ${reportDir}; run "npm run build" first.`);
  }
  const title = `${model.title} — ${model.settings.clientName || model.portfolio.clientName}`.replace(
    /[<>&"]/g,
    (c) => `&#${c.charCodeAt(0)};`,
  );
  return [
    '<!doctype html>',
    `<html lang="${/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(model.settings.locale ?? '') ? model.settings.locale : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">`,
    `<title>${title}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head><body class="report-body"><div id="report-root"></div>',
    `<script type="application/json" id="report-data">${scriptSafe(JSON.stringify(model))}</script>`,
    `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>`,
    '</body></html>',
  ].join('\n');
}
