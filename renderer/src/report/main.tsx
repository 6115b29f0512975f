import { createRoot } from 'react-dom/client';
import type { ReportModel } from '../../../shared/report/model';
import { ReportDocument } from './ReportDocument';
import './report.css';

// The standalone report page: its data is embedded in the file, so it opens anywhere, offline, and prints as is.
const embedded = document.getElementById('report-data');
const root = createRoot(document.getElementById('report-root')!);
try {
  const model = JSON.parse(embedded?.textContent ?? '') as ReportModel;
  document.title = `${model.title} — ${model.settings.clientName || model.portfolio.clientName}`;
  root.render(<ReportDocument model={model} onReady={() => (document.body.dataset.ready = 'true')} />);
} catch (error) {
  root.render(<p className="report-error">This report file is damaged: {(error as Error).message}</p>);
  document.body.dataset.ready = 'error';
}
