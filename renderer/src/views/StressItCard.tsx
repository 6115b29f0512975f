import { signedPercent } from '../../../shared/format';
import { worstReplay } from '../store/commands';
import { usePick } from '../store/store';
import { useCommand } from '../use-command';

/** The scenarios offered right after an import, one click each: the two named AI-era shocks, then the worst replay. */
const SUGGESTED = [
  { id: 'ai-capex-collapse', label: 'AI capex collapse' },
  { id: 'deepseek-monday-close', label: 'DeepSeek Monday' },
] as const;

/** After an import: "Stress it" under a suggested scenario, which opens Results for this portfolio. */
export function StressItCard({ portfolioId, fileName }: { portfolioId: number; fileName: string }) {
  const { selectScenario, setView, dismissLastImport } = usePick('selectScenario', 'setView', 'dismissLastImport');
  const worst = useCommand(portfolioId, worstReplay, { errors: 'notice' });
  const stress = async (scenarioId: string) => {
    await selectScenario(scenarioId);
    setView('results');
    dismissLastImport();
  };
  return (
    <section className="card stress-it" aria-label="Stress it">
      <div className="card-body">
        <h2>Stress it</h2>
        <p className="muted">See what these scenarios would do to the holdings from {fileName}:</p>
        <div className="toolbar">
          {SUGGESTED.map((s, i) => (
            <button key={s.id} type="button" className={i === 0 ? 'primary' : undefined} onClick={() => void stress(s.id)}>
              {s.label}
            </button>
          ))}
          {worst.loading && !worst.value && <span className="muted">Finding the worst historical window for this book…</span>}
          {worst.value && (
            <button
              type="button"
              onClick={() => void stress(worst.value!.id)}
              title="The built-in replay that loses this portfolio the most"
            >
              Worst historical window: {worst.value.name} ({signedPercent(worst.value.return)})
            </button>
          )}
          <button type="button" className="link" onClick={dismissLastImport}>
            Not now
          </button>
        </div>
      </div>
    </section>
  );
}
