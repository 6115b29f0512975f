import type { Client, Portfolio } from '../../../shared/domain/types';
/** Where an import goes: a portfolio the user owns, or a new one created in the import's own transaction. */
export type ImportTarget =
  | { kind: 'existing'; portfolioId: number }
  /** `clientId` null: the user's default client (made on first use, never the sample); `clientName` set: a new client. */
  | { kind: 'new'; name: string | null; clientId: number | null; clientName: string | null };

/** Words after a broker's name in the import presets' labels ("Schwab positions", "Interactive Brokers Flex query"). */
const LABEL_TAIL =
  /\s+(positions|account activity|account activities|activity|activities|capital transaction history|transaction history|transactions|download|flex query|history|account statement|orders records|stocks)\b.*$/i;

/** The broker a preset's label names, or null for a generic CSV. */
export function brokerOf(formatLabel: string): string | null {
  if (/^generic\b/i.test(formatLabel)) return null;
  return formatLabel.replace(LABEL_TAIL, '').trim() || null;
}

/** The brokers whose exports are recognised, once each, in the presets' order. */
export function recognisedBrokers(labels: readonly string[]): string[] {
  return [...new Set(labels.map(brokerOf).filter((b): b is string => b !== null))];
}

/**
 * The name of a portfolio made for a file: its broker ("Fidelity"), else the file's name without extension, dates and
 * separators ("my_holdings-2025-01-05.csv" → "my holdings"); " 2", " 3"… when the client already has that name.
 */
export function portfolioNameFor(fileName: string, formatLabel: string, taken: readonly string[]): string {
  const stem = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/\d{4}[-_.]?\d{2}[-_.]?\d{2}|\b\d{1,2}[-_.]\d{1,2}[-_.]\d{2,4}\b/g, ' ')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const base = (brokerOf(formatLabel) ?? stem) || 'Imported holdings';
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  let n = 2;
  while (used.has(`${base} ${n}`.toLowerCase())) n += 1;
  return `${base} ${n}`;
}

/**
 * Where an import goes unless the user says otherwise: the open portfolio when it is the user's own, else a new
 * portfolio (always on first run). The sample is never the default; its client never receives a new portfolio.
 */
export function defaultImportTarget(
  clients: readonly Pick<Client, 'id' | 'isSample'>[],
  portfolios: readonly Pick<Portfolio, 'id' | 'clientId'>[],
  selectedPortfolioId: number | null,
): ImportTarget {
  const own = clients.filter((c) => !c.isSample);
  const selected = portfolios.find((p) => p.id === selectedPortfolioId);
  if (selected && own.some((c) => c.id === selected.clientId)) return { kind: 'existing', portfolioId: selected.id };
  return { kind: 'new', name: null, clientId: own[0]?.id ?? null, clientName: null };
}

/** The portfolios an import may go into: the user's own, never the sample's. */
export function ownPortfolios<P extends Pick<Portfolio, 'clientId'>>(
  clients: readonly Pick<Client, 'id' | 'isSample'>[],
  portfolios: readonly P[],
): P[] {
  const sample = new Set(clients.filter((c) => c.isSample).map((c) => c.id));
  return portfolios.filter((p) => !sample.has(p.clientId));
}
