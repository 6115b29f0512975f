import type { ClientRanking, FirmRanking } from './ranking';

/** How a client's worst-case loss moved between two saved runs (yesterday's and today's). */
export interface ClientChange {
  clientId: number;
  clientName: string;
  before: { pnl: number; return: number | null } | null;
  after: { pnl: number; return: number | null } | null;
  /** Change in worst-case P&L (money) and return (fraction); null when the client is in only one run. */
  pnlChange: number | null;
  returnChange: number | null;
}

const numbers = (row: ClientRanking | undefined) => (row && row.error === null ? { pnl: row.pnl, return: row.return } : null);

/** Lines up two firm runs client by client, in the order of the newer run, then clients only in the older one. */
export function compareRuns(before: FirmRanking, after: FirmRanking): ClientChange[] {
  const old = new Map(before.clients.map((c) => [c.clientId, c]));
  const changes = after.clients.map((row): ClientChange => {
    const a = numbers(row);
    const b = numbers(old.get(row.clientId));
    old.delete(row.clientId);
    return {
      clientId: row.clientId,
      clientName: row.clientName,
      before: b,
      after: a,
      pnlChange: a && b ? a.pnl - b.pnl : null,
      returnChange: a && b && a.return !== null && b.return !== null ? a.return - b.return : null,
    };
  });
  for (const row of old.values())
    changes.push({
      clientId: row.clientId,
      clientName: row.clientName,
      before: numbers(row),
      after: null,
      pnlChange: null,
      returnChange: null,
    });
  return changes;
}

/** Counts of clients by worst-case loss in buckets of `width` (0.05 = 5 points): the loss distribution chart. */
export function lossHistogram(
  rows: readonly Pick<ClientRanking, 'return' | 'error'>[],
  width = 0.05,
): { from: number; to: number; label: string; count: number }[] {
  const losses = rows.flatMap((r) => (r.error === null && r.return !== null ? [Math.max(0, -r.return)] : []));
  if (losses.length === 0) return [];
  const top = Math.max(1, Math.ceil(Math.max(...losses) / width - 1e-9));
  const buckets = Array.from({ length: top }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    label: `${Math.round(i * width * 100)}–${Math.round((i + 1) * width * 100)}%`,
    count: 0,
  }));
  for (const loss of losses) buckets[Math.min(top - 1, Math.floor(loss / width + 1e-9))].count += 1;
  return buckets;
}
