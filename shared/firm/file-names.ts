/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

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
  const stem = parts.map((p) => slug(p.text) || (p.fallback ?? '')).filter(Boolean).join('_') || 'report';
  let name = `${stem}.${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${extension}`;
  taken.add(name.toLowerCase());
  return name;
}
