import { useEffect, useMemo, useState } from 'react';
import { REPORT_DIMENSIONS, type ReportDimension, type ReportSettings } from '../../../shared/report/model';
import { countOf } from '../../../shared/format';
import { CommandError } from '../api';
import { Dialog, DialogActions } from '../components/Dialog';
import { EmptyState, EmptyView } from '../components/EmptyState';
import { ReportDocument } from '../report/ReportDocument';
import '../report/report.css';
import { attempt } from '../store/attempt';
import { buildReport, exportReportHtml, exportReportPdf, reportSettings } from '../store/commands';
import { usePick, useStore } from '../store/store';
import { useCommand } from '../use-command';
import { useDraft } from '../use-draft';
import { saveFile } from './results/export';
import { ViewHeader } from '../components/ViewHeader';
import { PortfolioPicker } from '../components/PortfolioPicker';

const DEFAULT_SCENARIOS = ['ai-capex-collapse', 'deepseek-monday-close'];
const NO_SETTINGS: Partial<ReportSettings> = {};
const DIMENSION_NAMES: Record<ReportDimension, string> = {
  sector: 'Sector',
  theme: 'Theme',
  account: 'Account',
  country: 'Country',
  assetClass: 'Asset class',
};

/** Reads an image file as a data: URL for the report's logo. */
function readImage(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!['image/png', 'image/jpeg', 'image/svg+xml'].includes(file.type))
      return reject(new Error('The logo must be a PNG, JPEG or SVG image.'));
    if (file.size > 2 * 1024 * 1024) return reject(new Error('The logo must be at most 2 MB.'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Cannot read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** Pick scenarios, fill the report's settings (remembered per client), preview it, export PDF or HTML. */
export function ReportsView() {
  const {
    selectedPortfolioId: portfolioId,
    portfolios,
    portfoliosLoaded,
    scenarios,
    setView,
    selectPortfolio,
    notify,
  } = usePick('selectedPortfolioId', 'portfolios', 'portfoliosLoaded', 'scenarios', 'setView', 'selectPortfolio', 'notify');
  const [chosen, setChosen] = useState<string[]>(DEFAULT_SCENARIOS);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'pdf' | 'html' | null>(null);
  const [forFirm, setForFirm] = useState(false);

  useEffect(() => {
    if (scenarios.length === 0) void useStore.getState().loadScenarios();
  }, [scenarios.length]);
  // The saved settings of the portfolio's client; the user's edits apply to those they were made on.
  const savedState = useCommand(portfolioId, reportSettings, { errors: 'notice' });
  // What the user changed, laid over the saved settings (kept when typed before they arrived).
  const [settings, setSettings] = useDraft(savedState.value, savedState.loading, portfolioId, NO_SETTINGS);
  const buildRequest = useMemo(
    () => (portfolioId === null || chosen.length === 0 || !settings.date ? null : { portfolioId, scenarioIds: chosen, settings }),
    [portfolioId, chosen, settings],
  );
  const model = useCommand(buildRequest, buildReport, { delayMs: 250, errors: 'notice' }).value;

  if (portfoliosLoaded && portfolios.length === 0) {
    return (
      <EmptyView
        view="Reports"
        title="No portfolio to report on"
        body="Create a portfolio and add holdings first."
        action={{ label: 'Go to portfolios', run: () => setView('portfolios') }}
      />
    );
  }

  const request = (allowFindings: boolean) => ({
    portfolioId: portfolioId!,
    scenarioIds: chosen,
    settings,
    remember: true,
    rememberFirm: forFirm,
    allowFindings,
  });
  // A portfolio with blocking findings is not printed silently: the user confirms, and the findings go on page 1.
  const guarded = (kind: 'pdf' | 'html', allowFindings = false) => {
    if (!allowFindings && model && model.health.counts.blocking > 0) return setConfirming(kind);
    void exportReport(kind, allowFindings);
  };
  const needsConfirmation = (error: unknown, kind: 'pdf' | 'html') => {
    if (error instanceof CommandError && error.data.code === 'needs-confirmation') {
      setConfirming(kind);
      return true;
    }
    return false;
  };
  const exportReport = async (kind: 'pdf' | 'html', allowFindings: boolean) => {
    setBusy(kind === 'pdf' ? 'Preparing the PDF…' : 'Preparing the HTML file…');
    await attempt(useStore.getState, async () => {
      try {
        if (kind === 'pdf') {
          const pdf = await exportReportPdf(request(allowFindings));
          const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
          saveFile(pdf.fileName, new Blob([bytes], { type: 'application/pdf' }));
          notify({ kind: 'info', message: `Saved ${pdf.fileName} (${Math.round(pdf.bytes / 1024)} KB).` });
        } else {
          const file = await exportReportHtml(request(allowFindings));
          saveFile(file.fileName, new Blob([file.html], { type: 'text/html' }));
        }
      } catch (error) {
        if (!needsConfirmation(error, kind)) throw error;
      }
    });
    setBusy(null);
  };
  const field = (key: 'clientName' | 'advisorName' | 'firmName' | 'advisorContact', label: string) => (
    <label>
      {label}
      <input value={settings[key] ?? ''} maxLength={200} onChange={(e) => setSettings({ [key]: e.target.value })} />
    </label>
  );
  const check = (key: 'lookThrough' | 'appendix', label: string, unset: boolean) => (
    <label className="check">
      <input type="checkbox" checked={settings[key] ?? unset} onChange={(e) => setSettings({ [key]: e.target.checked })} /> {label}
    </label>
  );
  const paragraph = (key: 'disclosure' | 'notes', label: string) => (
    <label>
      {label}
      <textarea
        className="description"
        value={settings[key] ?? ''}
        maxLength={5000}
        onChange={(e) => setSettings({ [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section className="view wide">
      <ViewHeader
        title="Reports"
        lead="A client-ready report of one portfolio under the scenarios you pick. Settings are remembered for each client."
      >
        <PortfolioPicker portfolios={portfolios} value={portfolioId} onChange={selectPortfolio} />
        <button type="button" onClick={() => guarded('html')} disabled={!model || busy !== null}>
          Save HTML
        </button>
        <button type="button" className="primary" onClick={() => guarded('pdf')} disabled={!model || busy !== null}>
          Export PDF
        </button>
      </ViewHeader>
      {confirming && model && (
        <Dialog title="This report has wrong numbers in it" onClose={() => setConfirming(null)}>
          <p>
            {model.portfolio.name} has {countOf(model.health.counts.blocking, 'blocking finding')}: until{' '}
            {model.health.counts.blocking === 1 ? 'it is' : 'they are'} fixed, some figures in the report are wrong.
          </p>
          <ul className="small">
            {model.health.findings
              .filter((f) => f.severity === 'blocking')
              .map((f, i) => (
                <li key={i}>{f.sentence}</li>
              ))}
          </ul>
          <p className="muted small">
            Fix them in Holdings first, or make the report anyway: the findings are then printed in a box on its first page.
          </p>
          <DialogActions onCancel={() => setConfirming(null)} focusCancel>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const kind = confirming;
                setConfirming(null);
                guarded(kind, true);
              }}
            >
              {confirming === 'pdf' ? 'Export PDF with findings' : 'Save HTML with findings'}
            </button>
          </DialogActions>
        </Dialog>
      )}
      {busy && (
        <p className="banner" role="status">
          {busy}
        </p>
      )}
      <div className="reports-layout">
        <aside className="card pad report-settings" aria-label="Report settings">
          <h3>Scenarios</h3>
          <div className="scenario-checks">
            {scenarios.map((x) => (
              <label key={x.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(x.id)}
                  onChange={() => setChosen((c) => (c.includes(x.id) ? c.filter((i) => i !== x.id) : c.length >= 12 ? c : [...c, x.id]))}
                />{' '}
                {x.name}
              </label>
            ))}
          </div>
          <h3>Settings</h3>
          <div className="form">
            {field('clientName', 'Client name')}
            {field('advisorName', 'Advisor')}
            {field('firmName', 'Firm')}
            {field('advisorContact', 'Contact (phone, e-mail)')}
            <label>
              Accent colour
              <input
                type="color"
                value={settings.accentColor ?? '#1f4e9c'}
                onChange={(e) => setSettings({ accentColor: e.target.value })}
              />
            </label>
            <label>
              Paper
              <select
                value={settings.pageSize ?? 'A4'}
                onChange={(e) => setSettings({ pageSize: e.target.value === 'Letter' ? 'Letter' : 'A4' })}
              >
                <option value="A4">A4</option>
                <option value="Letter">Letter</option>
              </select>
            </label>
            <label>
              Break each scenario down by
              <select value={settings.groupBy ?? 'sector'} onChange={(e) => setSettings({ groupBy: e.target.value as ReportDimension })}>
                {REPORT_DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {DIMENSION_NAMES[d]}
                  </option>
                ))}
              </select>
            </label>
            {paragraph('disclosure', 'Firm disclosure (printed under Important information)')}
            <label className="check">
              <input type="checkbox" checked={forFirm} onChange={(e) => setForFirm(e.target.checked)} /> Use the firm, advisor, contact,
              logo, colour, disclosure and paper for every client
            </label>
            <label>
              Logo (PNG, JPEG or SVG)
              <input
                type="file"
                accept="image/png,image/jpeg,image/svg+xml"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void attempt(useStore.getState, async () => setSettings({ logo: await readImage(file) }));
                }}
              />
            </label>
            {settings.logo && (
              <button type="button" className="link" onClick={() => setSettings({ logo: '' })}>
                Remove logo
              </button>
            )}
            {paragraph('notes', 'Notes for the client')}
            {check('lookThrough', 'Look through funds', true)}
            {check('appendix', 'Appendix: every position and shock', false)}
          </div>
        </aside>
        <div className="report-preview" role="region" aria-label="Report preview" tabIndex={0}>
          {chosen.length === 0 ? (
            <EmptyState title="No scenario chosen" body="Tick at least one scenario to build the report." />
          ) : model ? (
            <ReportDocument model={model} />
          ) : (
            <p className="muted">Building the preview…</p>
          )}
        </div>
      </div>
    </section>
  );
}
