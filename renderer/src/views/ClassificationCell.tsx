import type { Classification } from '../../../shared/domain/reference';
import { classificationSummary, sourceLabel } from './classification-display';

/** Sector, industry and themes of one holding, with where each came from; click to correct. */
export function ClassificationCell(props: { symbol: string; classification: Classification | undefined; onEdit: () => void }) {
  const c = props.classification;
  const isUnknown = !c || c.sector === null;
  const title = c
    ? `Sector: ${sourceLabel(c.sources.sector)} · Industry: ${sourceLabel(c.sources.industry)} · Country: ${c.country ?? '—'} (${sourceLabel(c.sources.country)}) · Themes: ${sourceLabel(c.sources.themes)}${c.asOf ? ` · as of ${c.asOf}` : ''}`
    : 'Nothing we have classifies this symbol';
  return (
    <button
      type="button"
      className="link classification"
      title={title}
      onClick={props.onEdit}
      aria-label={`Classification of ${props.symbol}`}
    >
      <span className={isUnknown ? 'warn' : undefined}>{classificationSummary(c)}</span>
      {c && !isUnknown && <span className="badge source">{sourceLabel(c.sources.sector)}</span>}
      {c?.themes.map((t) => (
        <span key={t} className="chip">
          {t}
        </span>
      ))}
    </button>
  );
}
