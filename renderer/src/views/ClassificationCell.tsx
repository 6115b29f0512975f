import type { Classification } from '../../../shared/domain/reference';
import { countOf } from '../../../shared/format';
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
      title={`${classificationSummary(c)}${c?.themes.length ? ` · themes: ${c.themes.join(', ')}` : ''}\n${title}`}
      onClick={props.onEdit}
    >
      {/* Named "Classification of NVDA: …" for assistive technology, with the visible text in the name. */}
      <span className="visually-hidden">Classification of {props.symbol}: </span>
      <span className={isUnknown ? 'summary warn' : 'summary'}>{classificationSummary(c)}</span>
      {/* Themes as a count on one line; the names are in the tooltip and the classify dialog the click opens. */}
      {c && c.themes.length > 0 && (
        <span className="chip" title={c.themes.join(', ')}>
          {countOf(c.themes.length, 'theme')}
          <span className="visually-hidden">: {c.themes.join(', ')}</span>
        </span>
      )}
    </button>
  );
}
