import { leveragedEtf } from './leveraged-etfs';
import { CLASSIFICATION_FIELDS, type Classification, type ClassificationLayer, type DataSource, type FundHoldings } from './reference';

const PRECEDENCE: Record<DataSource, number> = { user: 0, 'market-data': 1, bundled: 2 };

/** The descriptive fields, all unknown: where a blank classification and a blank layer start. */
const UNKNOWN = { sector: null, industry: null, country: null, currency: null, exchange: null, isin: null } as const;

/** What is known of a symbol nothing classifies: its own symbol as its name, every field empty. */
export function blankClassification(symbol: string): Classification {
  return { symbol, name: symbol, type: 'other', ...UNKNOWN, themes: [], sources: {}, asOf: null };
}

/** A layer of one source that says nothing yet: every field null, so the layers under it show through. */
export function blankLayer(symbol: string, source: DataSource): ClassificationLayer {
  return { symbol, source, name: null, type: null, ...UNKNOWN, themesOverride: false, asOf: null };
}

/** The name the merged classification would carry: the first source, by precedence, that names the security. */
export function mergedName(layers: readonly Pick<ClassificationLayer, 'source' | 'name'>[]): string | null {
  let best: Pick<ClassificationLayer, 'source' | 'name'> | null = null;
  for (const l of layers) if (l.name && (!best || PRECEDENCE[l.source] < PRECEDENCE[best.source])) best = l;
  return best?.name ?? null;
}

/**
 * Merges one symbol's layers field by field: user over market data over bundled.
 * Themes: the user's list when they re-tagged the symbol, else the union of bundled and market-data tags.
 */
export function mergeClassification(
  symbol: string,
  layers: readonly ClassificationLayer[],
  tags: readonly { themeId: string; source: DataSource }[],
): Classification {
  const ordered = [...layers].sort((a, b) => PRECEDENCE[a.source] - PRECEDENCE[b.source]);
  const merged = blankClassification(symbol);
  for (const field of CLASSIFICATION_FIELDS) {
    let layer = ordered.find((l) => l[field] !== null && l[field] !== '');
    if (!layer) continue;
    // A bundled cash equivalent (money-market or T-bill fund) stays cash when market data calls it an ETF or a
    // mutual fund: only the user can make it something the market shock moves.
    const bundled = field === 'type' && layer.source === 'market-data' ? ordered.find((l) => l.source === 'bundled') : undefined;
    if (bundled?.type === 'money-market') layer = bundled;
    Object.assign(merged, { [field]: layer[field] });
    merged.sources[field] = layer.source;
  }
  const user = ordered.find((l) => l.source === 'user');
  const themeSources: DataSource[] = user?.themesOverride ? ['user'] : ['user', 'market-data', 'bundled'];
  const themes = tags.filter((t) => themeSources.includes(t.source));
  merged.themes = [...new Set(themes.map((t) => t.themeId))].sort();
  if (user?.themesOverride) merged.sources.themes = 'user';
  else if (themes.length) merged.sources.themes = [...themes].sort((a, b) => PRECEDENCE[a.source] - PRECEDENCE[b.source])[0].source;
  merged.asOf =
    ordered
      .map((l) => l.asOf)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  return merged;
}

/**
 * True when nothing says which sector a security belongs to. A leveraged or inverse fund of the bundled list
 * (`symbol`) is classified by what it multiplies, so it never is.
 */
export function isUnclassified(classification: Classification | undefined, symbol = classification?.symbol ?? ''): boolean {
  return (!classification || classification.sector === null) && !leveragedEtf(symbol);
}

/** Picks a fund's holdings: full bundled issuer lists over market data's top holdings; flags Σ weights > 1. */
export function chooseFundHoldings(candidates: readonly FundHoldings[]): FundHoldings | undefined {
  const best = [...candidates].sort((a, b) => (a.origin === 'bundled' ? 0 : 1) - (b.origin === 'bundled' ? 0 : 1))[0];
  if (!best) return undefined;
  return { ...best, totalWeight: best.holdings.reduce((sum, h) => sum + h.weight, 0) };
}
