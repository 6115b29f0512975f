import { createRoot } from 'react-dom/client';
import type { ReportModel } from '../../../shared/report/model';
import { longDate } from '../../../shared/report/dates';
import { ReportDocument } from './ReportDocument';
import './report.css';

// The standalone report page: its data is embedded in the file, so it opens anywhere, offline, and prints as is.
const embedded = document.getElementById('report-data');
const root = createRoot(document.getElementById('report-root')!);
try {
  const model = JSON.parse(embedded?.textContent ?? '') as ReportModel;
  const client = model.settings.clientName || model.portfolio.clientName;
  document.title = `${model.title} — ${client}`;
  document.documentElement.lang = model.settings.locale || 'en';
  // What the printer puts in the page header: the firm (and advisor), and whose report it is; and the paper size.
  const body = document.body.dataset;
  body.headerLeft = [model.settings.firmName, model.settings.advisorName].filter(Boolean).join(' · ');
  body.headerRight = `${client} · ${longDate(model.settings.date, model.settings.locale)}`;
  body.pageSize = model.settings.pageSize;
  // The paper size for printing from a browser too (the standalone page's CSP allows inline styles; the app's does not).
  const page = document.createElement('style');
  page.textContent = `@page { size: ${model.settings.pageSize === 'Letter' ? 'letter' : 'A4'}; }`;
  document.head.appendChild(page);
  root.render(<ReportDocument model={model} onReady={() => (document.body.dataset.ready = 'true')} />);
} catch (error) {
  root.render(<p className="report-error">This report file is damaged: {(error as Error).message}</p>);
  document.body.dataset.ready = 'error';
}
