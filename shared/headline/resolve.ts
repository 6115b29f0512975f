import type { TargetKind } from '../engine/scenario';
import { signedPercent } from '../format';
import { signedBasisPoints } from '../engine/match';
import type { Finding } from './extract';
import { ALIASES, INDEX_ENTRIES, LEGAL_SUFFIXES, PHRASES, PLACE_WORDS } from './vocabulary';

/** What resolution needs from the security master, passed in as data so this stays pure. */
export interface HeadlineMaster {
  securities: { symbol: string; name: string }[];
  industries: string[];
  sectors: string[];
  themes: { id: string; name: string }[];
  countries?: string[];
}

/** A shock target: what the scenario's shock will name. */
export interface DraftTarget {
  target: TargetKind;
  value: string;
  /** For display: "NVDA — Nvidia", "market (S&P 500)", "industry Semiconductors". */
  label: string;
}

/** How a subject was resolved; null when it was not. */
export type ResolvedBy = 'ticker' | 'name' | 'alias' | 'index' | 'phrase';

/** A finding with the target it maps to (or none), ready for the user to confirm. */
export interface ProposedShock extends Finding {
  target: DraftTarget | null;
  resolvedBy: ResolvedBy | null;
  /** Other targets the picker offers first (an index's fund, a near name). */
  suggestions: DraftTarget[];
  /** Proposed as on: off for a later, contradicting report of the same subject. */
  enabled: boolean;
  /** Why the proposal is as it is, in a sentence (stand-ins, contradictions, repeats). */
  note: string | null;
}

/** A proposal's size as it reads: a price move in percent, a change in yields in basis points ("+20bp"). */
export function proposalSize(p: Pick<Finding, 'change'> & { target?: DraftTarget | null }): string {
  return p.target?.target === 'rates' ? signedBasisPoints(p.change) : signedPercent(p.change);
}

/** Lower-case, accents and punctuation removed, legal forms dropped: "ASML Holding N.V. (ADR)" → "asml". */
export function foldName(name: string): string {
  const tokens = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\ba\/s\b/g, ' as ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const kept = tokens.filter((t) => !LEGAL_SUFFIXES.has(t));
  return (kept.length ? kept : tokens).join(' ');
}

/** Lookup tables built once per master. */
export interface MasterIndex {
  symbols: Map<string, string>;
  byName: Map<string, string[]>;
  /** byName with the spaces taken out of each name. */
  byCompactName: Map<string, string[]>;
  names: Map<string, string>;
  has(target: TargetKind, value: string): boolean;
  label(target: TargetKind, value: string): string;
}

/** Indexes the master for resolution: symbols, folded names (preferring the home listing and class A), vocabularies. */
export function indexMaster(master: HeadlineMaster): MasterIndex {
  const symbols = new Map(master.securities.map((s) => [s.symbol.toUpperCase(), s.symbol]));
  const names = new Map(master.securities.map((s) => [s.symbol, s.name]));
  const byName = new Map<string, string[]>();
  for (const s of master.securities) {
    const key = foldName(s.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), s.symbol]);
  }
  // The same names without their spaces, for a story that splits or joins words ("Exxon Mobil", "ExxonMobil").
  const byCompactName = new Map<string, string[]>();
  for (const [key, list] of byName) {
    const compact = key.replace(/ /g, '');
    byCompactName.set(compact, [...(byCompactName.get(compact) ?? []), ...list]);
  }
  const rank = (symbol: string) => (symbol.includes('.') ? 2 : 0) + (/class a/i.test(names.get(symbol) ?? '') ? -1 : 0);
  for (const list of [...byName.values(), ...byCompactName.values()])
    list.sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b));
  const sets: Partial<Record<TargetKind, Set<string>>> = {
    industry: new Set(master.industries),
    sector: new Set(master.sectors),
    theme: new Set(master.themes.map((t) => t.id)),
    country: new Set(master.countries ?? []),
  };
  const themeNames = new Map(master.themes.map((t) => [t.id, t.name]));
  return {
    symbols,
    byName,
    byCompactName,
    names,
    has: (target, value) =>
      target === 'market' || target === 'rates'
        ? true
        : target === 'symbol'
          ? symbols.has(value)
          : target === 'currency'
            ? /^[A-Z]{3}$/.test(value)
            : (sets[target]?.has(value) ?? false),
    label: (target, value) => {
      if (target === 'market') return 'market (everything not named)';
      if (target === 'rates') return 'rates (bond funds by their duration)';
      if (target === 'symbol') return `${value} — ${names.get(value) ?? value}`;
      if (target === 'theme') return `theme ${themeNames.get(value) ?? value}`;
      return `${target} ${value}`;
    },
  };
}

const target = (index: MasterIndex, kind: TargetKind, value: string, label?: string): DraftTarget | null =>
  index.has(kind, value) ? { target: kind, value, label: label ?? index.label(kind, value) } : null;

/** Maps one finding to a target and suggestions. */
export function resolveFinding(
  finding: Finding,
  index: MasterIndex,
): Pick<ProposedShock, 'target' | 'resolvedBy' | 'suggestions' | 'note' | 'confidence'> {
  const none = { target: null, resolvedBy: null, suggestions: [] as DraftTarget[], note: null, confidence: finding.confidence };
  if (finding.kind === 'index') {
    const entry = INDEX_ENTRIES.find((e) => e.label === finding.key);
    if (!entry) return none;
    const suggestions = entry.alternatives.map((a) => target(index, a.target, a.value)).filter((t): t is DraftTarget => t !== null);
    const main =
      entry.target &&
      target(index, entry.target.target, entry.target.value, entry.target.target === 'market' ? `market (${entry.label})` : undefined);
    if (!main)
      return {
        ...none,
        suggestions,
        note: `${entry.label} has no fund or market shock that stands for it here; pick one or leave it out.`,
      };
    const qualifier = /sub-index|sector|technology|tech\b/i.test(finding.subject.replace(/Hang Seng Tech(?:nology)?/i, ''))
      ? ' (only a part of the index moved: check the target)'
      : '';
    return {
      target: main,
      resolvedBy: 'index',
      suggestions,
      note: entry.isStandIn || qualifier ? `${entry.label} stands in as ${main.label}${qualifier}.` : null,
      confidence: round2(finding.confidence - (entry.isStandIn || qualifier ? 0.2 : 0)),
    };
  }
  if (finding.kind === 'phrase') {
    const entry = PHRASES.find((p) => p.phrases.includes(finding.key ?? ''));
    const found = entry ? target(index, entry.target, entry.value) : null;
    return found ? { ...none, target: found, resolvedBy: 'phrase' } : none;
  }
  const ticker = finding.ticker ?? (finding.kind === 'ticker' ? finding.subject : null);
  const bySymbol = ticker ? index.symbols.get(ticker.toUpperCase()) : undefined;
  if (bySymbol) return { ...none, target: target(index, 'symbol', bySymbol), resolvedBy: 'ticker' };
  for (const name of withoutLeadingPlaces(finding.subject)) {
    const folded = foldName(name);
    const byName = index.byName.get(folded)?.[0];
    if (byName) return { ...none, target: target(index, 'symbol', byName), resolvedBy: 'name' };
    const alias = ALIASES[folded];
    if (alias && index.symbols.has(alias)) return { ...none, target: target(index, 'symbol', alias), resolvedBy: 'alias' };
    // The words split or joined otherwise than in the master ("Exxon Mobil" for ExxonMobil).
    const compact = index.byCompactName.get(folded.replace(/ /g, ''))?.[0];
    if (compact) return { ...none, target: target(index, 'symbol', compact), resolvedBy: 'name' };
  }
  return { ...none, suggestions: nearNames(foldName(finding.subject), index), confidence: finding.confidence };
}

/** The name as written, then without each leading place or nationality word ("German Siemens Energy" → "Siemens Energy"). */
function withoutLeadingPlaces(subject: string): string[] {
  const words = subject.split(' ');
  const out = [subject];
  for (let i = 1; i < words.length && (PLACE_WORDS.has(words[i - 1].toLowerCase()) || /-(listed|based)$/i.test(words[i - 1])); i++)
    out.push(words.slice(i).join(' '));
  return out;
}

/** Master names that start with the story's name, or that it starts with: offered in the picker, never chosen for the user. */
function nearNames(folded: string, index: MasterIndex): DraftTarget[] {
  if (folded.length < 3) return [];
  const first = folded.split(' ')[0];
  const near: DraftTarget[] = [];
  for (const [name, symbols] of index.byName) {
    if (name === folded || name.startsWith(`${folded} `) || folded.startsWith(`${name} `) || name.split(' ')[0] === first) {
      near.push({ target: 'symbol', value: symbols[0], label: index.label('symbol', symbols[0]) });
    }
    if (near.length >= 5) break;
  }
  return near;
}

/** Same subject for contradiction checks: the resolved target, else the folded name. */
const subjectKey = (p: Pick<ProposedShock, 'target' | 'subject'>) =>
  p.target ? `${p.target.target}:${p.target.value}` : `name:${foldName(p.subject)}`;

/**
 * Resolves every finding; a subject reported more than once keeps every report, the first on and the later ones off,
 * with a note saying which was chosen.
 */
export function resolveFindings(findings: readonly Finding[], master: HeadlineMaster): ProposedShock[] {
  const index = indexMaster(master);
  const proposals: ProposedShock[] = findings.map((f) => ({ ...f, ...resolveFinding(f, index), enabled: true }));
  const first = new Map<string, ProposedShock>();
  for (const p of proposals) {
    const key = subjectKey(p);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, p);
      continue;
    }
    p.enabled = false;
    const said = p.change === earlier.change ? 'repeats' : 'contradicts';
    p.note = `This ${said} an earlier report of ${earlier.subject} (${proposalSize(earlier)}); the first is used — switch this one on (and that one off) if it is the move you mean.`;
    if (said === 'contradicts' && !earlier.note)
      earlier.note = `${earlier.subject} is reported more than once with different sizes; this first report is used.`;
  }
  return proposals;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
