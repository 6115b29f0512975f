import { useEffect } from 'react';
import { BrandMark } from './components/BrandMark';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notices } from './components/Notices';
import { ImportDialog } from './import/ImportDialog';
import { useStore } from './store/store';
import { VIEWS, type View } from './store/ui-slice';
import { HoldingsView } from './views/HoldingsView';
import { PortfoliosView } from './views/PortfoliosView';
import { ReportsView } from './views/ReportsView';
import { ResultsView } from './views/results/ResultsView';
import { ScenariosView } from './views/ScenariosView';
import { ClientsView } from './views/firm/ClientsView';
import { FirmView } from './views/firm/FirmView';
import { isAdvisor } from './views/firm/firm-table';
import { editShortcut, viewForShortcut } from './keyboard';

const LABELS: Record<View, string> = {
  portfolios: 'Portfolios',
  holdings: 'Holdings',
  scenarios: 'Scenarios',
  results: 'Results',
  reports: 'Reports',
  clients: 'Clients',
  firm: 'Firm stress',
};

/** Views only an advisor with several clients needs; a retail user never sees them. */
const ADVISOR_VIEWS: readonly View[] = ['clients', 'firm'];

/** The application frame: navigation on the left, the current view on the right. */
export function App() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const info = useStore((s) => s.info);
  const isImportOpen = useStore((s) => s.importStage !== 'closed');
  const advisor = useStore((s) => isAdvisor(s.clients));
  const visible = VIEWS.filter((v) => advisor || !ADVISOR_VIEWS.includes(v));

  useEffect(() => {
    void useStore.getState().loadInfo();
    void useStore.getState().loadPortfolios();
    const onKey = (event: KeyboardEvent) => {
      const target = viewForShortcut(event);
      if (target && (isAdvisor(useStore.getState().clients) || !ADVISOR_VIEWS.includes(target))) {
        event.preventDefault();
        setView(target);
        return;
      }
      const element = event.target as HTMLElement | null;
      const inTextField =
        !!element &&
        (element.tagName === 'TEXTAREA' ||
          (element.tagName === 'INPUT' && !['checkbox', 'range', 'radio'].includes((element as HTMLInputElement).type)));
      const edit = editShortcut(event, inTextField);
      if (edit) {
        event.preventDefault();
        if (edit === 'undo') useStore.getState().undoEdit();
        else useStore.getState().redoEdit();
      }
    };
    window.addEventListener('keydown', onKey);
    // File › Import holdings… in the desktop app: open the import screen on the Holdings view.
    const stopImportEvents = window.appEvents?.onImportRequested(() => {
      setView('holdings');
      useStore.getState().openImport();
      void useStore.getState().pickAndPreview();
    });
    // File › Export report…: the Reports view, where the report is previewed and exported.
    const stopReportEvents = window.appEvents?.onReportRequested(() => setView('reports'));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopImportEvents?.();
      stopReportEvents?.();
    };
  }, [setView]);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <BrandMark />
          <span>Aftershock</span>
        </div>
        <ul>
          {visible.map((v, i) => (
            <li key={v}>
              <button
                type="button"
                className={v === view ? 'nav-item active' : 'nav-item'}
                aria-current={v === view ? 'page' : undefined}
                onClick={() => setView(v)}
                title={`${LABELS[v]} (Ctrl+${i + 1})`}
              >
                {LABELS[v]}
                <kbd>{i + 1}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <footer className="sidebar-footer">
          {info ? `v${info.version} · ${info.shell === 'browser' ? 'browser shell' : 'offline'}` : ''}
        </footer>
      </nav>
      <main className="content">
        {/* Keyed by view: moving to another view starts it afresh even after a failure. */}
        <ErrorBoundary key={view} view={view}>
          {view === 'portfolios' && <PortfoliosView />}
          {view === 'holdings' && <HoldingsView />}
          {view === 'scenarios' && <ScenariosView />}
          {view === 'results' && <ResultsView />}
          {view === 'reports' && <ReportsView />}
          {view === 'clients' && <ClientsView />}
          {view === 'firm' && <FirmView />}
        </ErrorBoundary>
      </main>
      {isImportOpen && <ImportDialog />}
      <Notices />
    </div>
  );
}
