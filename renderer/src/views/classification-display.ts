import type { Classification, ClassificationField, DataSource } from '../../../shared/domain/reference';
import type { ClassificationPatch } from '../store/reference-slice';

/** How a data source is named on screen. */
export function sourceLabel(source: DataSource | undefined): string {
  if (source === 'user') return 'you';
  if (source === 'market-data') return 'market data';
  if (source === 'bundled') return 'bundled';
  return 'unknown';
}

/** The editable fields of the classify dialog, in display order. */
export const EDITABLE_FIELDS = ['sector', 'industry', 'country', 'name'] as const satisfies readonly ClassificationField[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type ClassifyForm = Record<EditableField, string> & { themes: string[] };

/** The form's starting values from a merged classification. */
export function formFrom(c: Classification): ClassifyForm {
  return { sector: c.sector ?? '', industry: c.industry ?? '', country: c.country ?? '', name: c.name, themes: [...c.themes] };
}

/**
 * The override to send: only fields the person changed. A field emptied that was theirs clears the
 * override (null); emptying data from another source is not an override and is left alone.
 */
export function patchFrom(form: ClassifyForm, c: Classification): ClassificationPatch | null {
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const typed = form[field].trim();
    const current = (c[field] ?? '').trim();
    if (typed === current) continue;
    if (typed === '') {
      if (c.sources[field] === 'user') patch[field] = null;
      continue;
    }
    patch[field] = typed;
  }
  const themes = [...new Set(form.themes)].sort();
  if (themes.join(',') !== [...c.themes].sort().join(',')) patch.themes = themes;
  return Object.keys(patch).length ? (patch as ClassificationPatch) : null;
}

/** A short label for the holdings table: "Information Technology · Semiconductors". */
export function classificationSummary(c: Classification | undefined): string {
  if (!c || c.sector === null) return 'Unclassified';
  return c.industry ? `${c.sector} · ${c.industry}` : c.sector;
}
