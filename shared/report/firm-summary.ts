import { returnText } from '../engine/run';
import type { FirmRun } from '../firm/runs';
import { spanText } from '../health';
import { formatMoney, formatPercent } from '../format';
import { longDate } from './dates';

const esc = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A failure of one client's report in a batch, listed in the summary instead of stopping the batch. */
export interface BatchError {
  clientName: string;
  portfolioName: string | null;
  message: string;
}

const CSS = `body{font:10pt system-ui,sans-serif;color:#1b2330;margin:0}h1{font-size:18pt;margin:0 0 4pt}p{margin:2pt 0 8pt;color:#5d6778}
table{border-collapse:collapse;width:100%;margin-top:8pt}th,td{padding:3pt 5pt;border-bottom:1px solid #dde2ea;text-align:left}
th{font-size:8.5pt;color:#5d6778;text-transform:uppercase}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.p td{color:#5d6778;font-size:9pt}
td.loss{color:#b42318}.err{color:#b42318}h2{font-size:12pt;margin:14pt 0 2pt}`;

/** The data-health verdict in a ranking row, in words ("Needs review"); empty for runs saved before it existed. */
function verdictText(verdict: 'ok' | 'review' | 'blocked' | undefined): string {
  return verdict === 'blocked' ? '<span class="err">Blocked</span>' : verdict === 'review' ? 'Needs review' : verdict === 'ok' ? 'OK' : '';
}

/** The firm summary page (self-contained HTML, printed like a client report): totals, ranking with portfolios, errors. */
export function firmSummaryHtml(
  run: FirmRun,
  errors: readonly BatchError[] = [],
  firmName = '',
  page: { pageSize?: 'A4' | 'Letter'; locale?: string } = {},
): string {
  const when = longDate(run.runDate, page.locale);
  const { ranking } = run;
  const scenarioName = new Map(ranking.scenarios.map((s) => [s.id, s.name]));
  const rows = ranking.clients.flatMap((c, i) => {
    if (c.error) return [`<tr><td class="n">—</td><td>${esc(c.clientName)}</td><td colspan="6" class="err">${esc(c.error)}</td></tr>`];
    const money = (x: number) => formatMoney(x, c.baseCurrency, 0);
    const line = (cls: string, rank: string, label: string, r: typeof c | (typeof c.portfolios)[number]) =>
      `<tr class="${cls}"><td class="n">${rank}</td><td>${label}</td><td class="n">${money(r.value)}</td><td class="n loss">${money(r.pnl)}</td><td class="n loss">${returnText(r.return, r.value)}</td><td>${esc(scenarioName.get(r.worstScenarioId ?? '') ?? '—')}</td><td class="n">${formatPercent(r.coverage, 0)}</td><td>${verdictText(r.health?.verdict)}</td></tr>`;
    return [
      line('c', String(i + 1), `<strong>${esc(c.clientName)}</strong>`, c),
      ...(c.portfolios.length > 1 ? c.portfolios.map((p) => line('p', '', `&nbsp;&nbsp;${esc(p.portfolioName)}`, p)) : []),
    ];
  });
  const totals = ranking.totals
    .map(
      (t) =>
        `${t.clients} ${t.clients === 1 ? 'client' : 'clients'} in ${t.currency}: ${formatMoney(t.value, t.currency, 0)}, worst-case ${formatMoney(t.pnl, t.currency, 0)}`,
    )
    .join('; ');
  const problems = errors.length
    ? `<h2>Reports that could not be made (${errors.length})</h2><ul>${errors.map((e) => `<li>${esc(e.clientName)}${e.portfolioName ? ` — ${esc(e.portfolioName)}` : ''}: ${esc(e.message)}</li>`).join('')}</ul>`
    : '';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Firm stress summary ${esc(when)}</title><style>${CSS}@page{size:${page.pageSize === 'Letter' ? 'letter' : 'A4'}}</style></head>`,
    `<body data-ready="true" data-header-left="${esc(firmName)}" data-header-right="Firm-wide stress · ${esc(when)}" data-page-size="${page.pageSize === 'Letter' ? 'Letter' : 'A4'}">`,
    `<h1>${firmName ? `${esc(firmName)} — ` : ''}Firm-wide stress, ${esc(when)}</h1>`,
    `<p>Scenarios: ${ranking.scenarios.map((s) => esc(s.name)).join(', ')}${run.tag ? ` · clients tagged “${esc(run.tag)}”` : ''}. Each client's loss is its worst scenario; money is in the client's base currency. The sample client is not included.</p>`,
    `<p>${esc(totals)}</p>`,
    ranking.asOf
      ? `<p>Prices as of ${esc(spanText(ranking.asOf.prices))}; fund holdings as of ${esc(spanText(ranking.asOf.fundHoldings, 'none used'))}.</p>`
      : '',
    '<table><thead><tr><th class="n">#</th><th>Client / portfolio</th><th class="n">Value</th><th class="n">Loss</th><th class="n">Loss %</th><th>Worst scenario</th><th class="n">Shocked</th><th>Data</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    problems,
    '</body></html>',
  ].join('\n');
}
