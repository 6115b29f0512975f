import type { TargetKind } from '../../../shared/engine';
import {
  htmlToText,
  looksLikeHtml,
  type DraftTarget,
  type HeadlineDraft,
  type ProposalChoice,
  type ProposedShock,
} from '../../../shared/headline';

/** The kinds of target the picker for an unmatched name offers. */
export const PICKER_KINDS = [
  'symbol',
  'theme',
  'industry',
  'sector',
  'currency',
  'rates',
  'market',
] as const satisfies readonly TargetKind[];
export type PickerKind = (typeof PICKER_KINDS)[number];

/** The user's starting answers: every proposal as drafted (the first of contradicting reports on). */
export function initialChoices(draft: HeadlineDraft): ProposalChoice[] {
  return draft.proposals.map((p) => ({ enabled: p.enabled && p.target !== null, change: p.change, target: p.target }));
}

/** The sentence around a finding's words, so the words can be marked: before, the words, after. */
export function highlightParts(p: Pick<ProposedShock, 'sentence' | 'sentenceStart' | 'span'>): [string, string, string] {
  const from = Math.max(0, p.span[0] - p.sentenceStart);
  const to = Math.min(p.sentence.length, p.span[1] - p.sentenceStart);
  return [p.sentence.slice(0, from), p.sentence.slice(from, to), p.sentence.slice(to)];
}

/** A picked target, or null while its value is still empty. */
export function pickedTarget(kind: PickerKind, value: string, themeNames: ReadonlyMap<string, string>): DraftTarget | null {
  if (kind === 'market') return { target: 'market', value: '', label: 'market (everything not named)' };
  if (kind === 'rates') return { target: 'rates', value: '', label: 'rates (bond funds by their duration)' };
  const v = kind === 'symbol' || kind === 'currency' ? value.trim().toUpperCase() : value.trim();
  if (kind === 'currency' && !/^[A-Z]{3}$/.test(v)) return null;
  if (!v) return null;
  return { target: kind, value: v, label: kind === 'symbol' ? v : kind === 'theme' ? `theme ${themeNames.get(v) ?? v}` : `${kind} ${v}` };
}

/** The story text of a loaded file: an HTML page becomes its text (it is never rendered). */
export function storyFromFile(fileName: string, text: string): string {
  return /\.html?$/i.test(fileName) || looksLikeHtml(text) ? htmlToText(text) : text;
}
