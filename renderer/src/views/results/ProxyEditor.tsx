import type { Shock } from '../../../../shared/engine';
import { useStore } from '../../store/store';
import type { ProxyChoices } from '../../store/scenarios-slice';

type Kind = 'market' | 'sector' | 'industry';
interface Row {
  kind: Kind;
  /** The sector or industry name ("market" for the market). */
  name: string;
  /** The series in use, the user's choice when main could not use it, or '' when the shock has none. */
  symbol: string;
  isChosen: boolean;
}

/**
 * The proxies a propagation used that the user may change (market, sector and industry funds), the user's own
 * choices, and the scenario's market, sector and industry shocks that found no proxy (so one can be given).
 */
export function proxyRows(used: readonly { symbol: string; shock: string }[], choices: ProxyChoices, shocks: readonly Shock[] = []): Row[] {
  const rows: Row[] = [];
  const chosen = (kind: Kind, name: string) =>
    kind === 'market' ? choices.market : (kind === 'sector' ? choices.sectors : choices.industries)?.[name];
  for (const p of used) {
    const [kind, ...rest] = p.shock.split(' ');
    if (kind !== 'market' && kind !== 'sector' && kind !== 'industry') continue; // theme baskets and single names are fixed
    const name = kind === 'market' ? 'market' : rest.join(' ');
    rows.push({ kind, name, symbol: p.symbol, isChosen: chosen(kind, name) !== undefined });
  }
  const has = (kind: Kind, name: string) => rows.some((r) => r.kind === kind && r.name === name);
  // A choice main could not use (no price history) has no proxy in the result: keep it listed so it can be reset.
  if (choices.market && !has('market', 'market')) rows.push({ kind: 'market', name: 'market', symbol: choices.market, isChosen: true });
  for (const [kind, record] of [
    ['sector', choices.sectors],
    ['industry', choices.industries],
  ] as const) {
    for (const [name, symbol] of Object.entries(record ?? {})) if (!has(kind, name)) rows.push({ kind, name, symbol, isChosen: true });
  }
  for (const shock of shocks) {
    if (!shock.enabled || (shock.target !== 'market' && shock.target !== 'sector' && shock.target !== 'industry')) continue;
    const name = shock.target === 'market' ? 'market' : shock.value;
    if (!has(shock.target, name)) rows.push({ kind: shock.target, name, symbol: '', isChosen: false });
  }
  return rows;
}

/** Lets the user pick the fund that stands in for the market, a sector or an industry in a propagation. */
export function ProxyEditor(props: { used: readonly { symbol: string; shock: string }[]; shocks: readonly Shock[] }) {
  const choices = useStore((s) => s.proxyChoices);
  const setChoice = useStore((s) => s.setProxyChoice);
  const rows = proxyRows(props.used, choices, props.shocks);
  if (rows.length === 0) return null;
  return (
    <details className="proxy-editor" open={rows.some((r) => r.isChosen)}>
      <summary className="small">Change the proxy funds</summary>
      {rows.map((row) => {
        const label = row.kind === 'market' ? 'the market' : `${row.kind} ${row.name}`;
        return (
          <form
            key={`${row.kind}:${row.name}:${row.symbol}`}
            className="proxy-row small"
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get('symbol');
              setChoice(row.kind, row.name, typeof value === 'string' ? value : null);
            }}
          >
            <label>
              {label[0].toUpperCase() + label.slice(1)} →{' '}
              <input
                name="symbol"
                defaultValue={row.symbol}
                placeholder="none"
                aria-label={`Proxy for ${label}`}
                size={8}
                maxLength={32}
                spellCheck={false}
                pattern="[A-Za-z0-9.\-=\^\/ ]*"
                title="A ticker such as SOXX (letters, digits and . - = ^ /)"
              />
            </label>
            <button type="submit">Use</button>
            {row.isChosen && (
              <button type="button" className="link" onClick={() => setChoice(row.kind, row.name, null)}>
                Default
              </button>
            )}
          </form>
        );
      })}
    </details>
  );
}
