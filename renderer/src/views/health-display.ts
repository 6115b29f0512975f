import { countOf } from '../../../shared/format';
import { SEVERITIES, type HealthFinding, type HealthReport } from '../../../shared/health';

/** Findings ordered blocking, warning, info (stable within a severity). */
export function worstFirst(findings: readonly HealthFinding[]): HealthFinding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** The badge's words: "Data OK", "Data: 2 warnings", "Data: 1 blocking finding, 3 warnings". */
export function healthHeadline(health: Pick<HealthReport, 'counts'>): string {
  const { blocking, warning } = health.counts;
  if (!blocking && !warning) return 'Data OK';
  return `Data: ${[blocking ? countOf(blocking, 'blocking finding') : '', warning ? countOf(warning, 'warning') : ''].filter(Boolean).join(', ')}`;
}

/** The firm ranking's data column: "OK", "Needs review" or "Blocked". */
export function verdictLabel(verdict: HealthReport['verdict'] | undefined): string {
  return verdict === 'blocked' ? 'Blocked' : verdict === 'review' ? 'Needs review' : verdict === 'ok' ? 'OK' : '—';
}
