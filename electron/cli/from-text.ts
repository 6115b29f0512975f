import fs from 'node:fs';
import path from 'node:path';
import { htmlToText, looksLikeHtml, proposalSize } from '../../shared/headline';
import { AppError } from '../../shared/ipc/result';
import { noExtraArguments, type CliContext } from './context';
import { optionalDate } from './stress';
import { renderTable } from './table';

/** Larger files are not news stories; the text itself is limited to 1 MB by the command. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The text of a story file: an .html/.htm file (or one that looks like HTML) has its tags stripped. */
function readStory(file: string): string {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES)
      throw new AppError('validation', `"${file}" is larger than 20 MB; save the story itself as a .txt or .html file.`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not-found', `Cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const text = bytes.toString('utf8');
  return /\.html?$/i.test(file) || looksLikeHtml(text) ? htmlToText(text) : text;
}

const stringOption = (context: CliContext, name: string) =>
  typeof context.options[name] === 'string' ? (context.options[name] as string) : undefined;
const confidenceWord = (c: number) => `${c >= 0.85 ? 'high' : c >= 0.6 ? 'medium' : 'low'} (${c.toFixed(2)})`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `aftershock scenarios from-text FILE [--date YYYY-MM-DD] [--name …] [--publisher …] [--out scenario.json] [--json]`. */
export function runFromText(context: CliContext, rest: string[]): number {
  const [file, ...extra] = rest;
  if (!file)
    throw new AppError(
      'validation',
      'Say which story to read, e.g. "aftershock scenarios from-text story.txt --date 2025-01-27 --out scenario.json".',
    );
  noExtraArguments('scenarios from-text FILE', extra);
  const draft = context.call('scenarios:draft', {
    text: readStory(file),
    ...(stringOption(context, 'name') ? { name: stringOption(context, 'name') } : {}),
    ...(optionalDate(context, 'date') ? { date: optionalDate(context, 'date') } : {}),
    ...(stringOption(context, 'publisher') ? { publisher: stringOption(context, 'publisher') } : {}),
  });
  if (draft.message) throw new AppError('validation', `${path.basename(file)}: ${draft.message}`);
  const out = stringOption(context, 'out');
  if (out) fs.writeFileSync(out, `${JSON.stringify(draft.scenario, null, 2)}\n`);
  if (context.json) return (context.out(JSON.stringify(draft, null, 2)), 0);
  const matched = draft.proposals.filter((p) => p.target).length;
  context.out(`“${draft.scenario.name}” from ${path.basename(file)}: ${draft.proposals.length} moves found, ${matched} matched.`);
  context.out(
    renderTable(
      ['#', 'Subject', 'Target', 'Size', 'Basis', 'Confidence', 'Reported as'],
      draft.proposals.map((p, i) => [
        String(i + 1),
        p.subject,
        p.target
          ? p.target.target === 'market' || p.target.target === 'rates'
            ? p.target.label
            : `${p.target.target} ${p.target.value}`
          : 'not matched',
        proposalSize(p) + (p.enabled ? '' : ' (off)'),
        p.basis,
        confidenceWord(p.confidence),
        `“${clip(p.sentence.slice(p.span[0] - p.sentenceStart, p.span[1] - p.sentenceStart).replace(/\s+/g, ' '), 60)}”`,
      ]),
      [true, false, false, true, false, false, false],
    ),
  );
  for (const label of draft.unmatched) context.out(`not matched: ${label}`);
  for (const note of draft.notes) context.out(`Note: ${note}`);
  context.out('Each shock keeps its sentence as its note (see --json or the written file).');
  context.out(
    out
      ? `Wrote ${out}; try it with: aftershock stress --portfolio NAME --scenario ${out}`
      : 'Add --out scenario.json to write the scenario file.',
  );
  return 0;
}
