import { foldName } from '../headline/resolve';
import { hashText } from './layout';

// A trade written after the name ("Ocado Group plc Ordinary 2p 39 @  200.315").
const TRADE_TAIL = /\s+[\d.,]+\s*@\s*[\d.,]*\s*$/;
// Where a share class or nominal value starts ("… plc Ordinary USD0.2095238", "Shopify Inc NPV", "… Comm Stk US$ 0.0000125").
const CLASS_TAIL = /\s+\b(ordinary|ords?|comm(on)?|com stk|npv|cdi|shs)\b.*$/i;
const KEY_MAX = 32;

/**
 * The security's name in a description that names it in free text (Hargreaves Lansdown): the text before any
 * bracket ("Vanguard … Accumulation (GBP) 1 @ 449.5"), or before the trade written after it.
 */
export function securityNameIn(description: string): string {
  const bracket = description.indexOf('(');
  const name = (bracket > 0 ? description.slice(0, bracket) : description).replace(TRADE_TAIL, '').trim();
  return name || description.trim();
}

/**
 * The name as names are compared: case, accents, punctuation, legal forms and the share class or nominal value
 * dropped ("Vodafone Group plc Ordinary USD0.2095238" and "Vodafone Group Public Limited Company" → "vodafone").
 */
export function matchKey(name: string): string {
  const cut = name.replace(CLASS_TAIL, '').replace(/\bpublic limited company\b/gi, 'plc');
  return foldName(cut || name);
}

/**
 * The symbol a holding known only by its name is kept under: the name in capitals with only symbol characters,
 * and past 32 characters its first 23 and a hash of the whole, so two long names never share a key.
 */
export function nameKey(name: string): string {
  const key = name
    .toUpperCase()
    .replace(/[^A-Z0-9.-]+/g, ' ')
    .trim();
  if (key.length <= KEY_MAX) return key;
  return `${key.slice(0, KEY_MAX - 9).trim()} ${hashText(key).toUpperCase()}`;
}

/** What a name matched in the security master: one symbol, or the several it fits equally (none resolved). */
export interface NameMatch {
  symbol?: string;
  candidates: string[];
}

/**
 * A lookup from a security's name to its symbol in the security and ETF masters. A name resolves only when its
 * compared form is that of exactly one symbol, or of several of which exactly one is a London listing (".L"; the
 * files it serves quote in pence); otherwise it stays unresolved with the symbols it fits.
 */
export function nameResolver(securities: readonly { symbol: string; name: string | null }[]): (name: string) => NameMatch {
  const byKey = new Map<string, Set<string>>();
  for (const s of securities) {
    if (!s.name) continue;
    const key = matchKey(s.name);
    if (!key) continue;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(s.symbol);
    byKey.set(key, set);
  }
  return (name) => {
    const found = [...(byKey.get(matchKey(name)) ?? [])].sort();
    if (found.length === 1) return { symbol: found[0], candidates: found };
    const london = found.filter((s) => s.toUpperCase().endsWith('.L'));
    return london.length === 1 ? { symbol: london[0], candidates: found } : { candidates: found };
  };
}
