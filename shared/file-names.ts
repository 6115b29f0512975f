/** Characters no file name may hold on Windows, macOS or Linux, plus separators of every platform. */
const FORBIDDEN = /[/\\:*?"<>|]/g;
// C0/C1 controls, bidirectional overrides and zero-width characters (which can disguise an extension).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\.|$)/i;
const MAX_LENGTH = 120;

/**
 * A single file name (never a path) made from untrusted text: a report's client name, an import's file name,
 * a scenario id. Separators and characters Windows refuses become "-", invisible characters go, leading and
 * trailing dots and spaces go (so "..", ".hidden" and "name." cannot occur), reserved device names get a "_"
 * prefix, and the stem is cut to 120 characters. Joined to a folder, the result stays inside that folder.
 */
export function safeFileName(raw: string, options: { extension?: string; fallback?: string } = {}): string {
  const extension = options.extension ? `.${options.extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '')}` : '';
  let stem = raw.normalize('NFKC').replace(INVISIBLE, '').replace(FORBIDDEN, '-').replace(/\s+/g, ' ');
  if (extension && stem.toLowerCase().endsWith(extension.toLowerCase())) stem = stem.slice(0, -extension.length);
  stem = trimEnds(Array.from(stem).slice(0, MAX_LENGTH).join(''));
  if (stem === '') stem = trimEnds(safeFileName(options.fallback ?? 'file'));
  if (stem === '') stem = 'file';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem}${extension}`;
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/g, '');
}

/** A file-name part safe on Windows, macOS and Linux: ASCII letters and digits joined by dashes, accents dropped. */
export function slug(text: string): string {
  const part = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return RESERVED.test(part) ? `${part}-file` : part;
}

/**
 * A unique, OS-safe file name from parts (empty parts are dropped; `fallback` stands in for a part that
 * slugs to nothing, e.g. a name in another script). `taken` holds names already used, compared ignoring
 * case as macOS and Windows do; the result is added to it.
 */
export function uniqueFileName(parts: readonly { text: string; fallback?: string }[], extension: string, taken: Set<string>): string {
  const stem =
    parts
      .map((p) => slug(p.text) || (p.fallback ?? ''))
      .filter(Boolean)
      .join('_') || 'report';
  let name = `${stem}.${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${extension}`;
  taken.add(name.toLowerCase());
  return name;
}
