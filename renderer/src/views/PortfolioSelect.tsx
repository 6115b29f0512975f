import { portfolioLabel } from './portfolio-groups';

/** The picker of the portfolio a view shows, each labelled with its client. */
export function PortfolioSelect(props: {
  portfolios: readonly { id: number; name: string; clientName: string }[];
  value: number | null;
  onChange: (id: number) => void;
  label?: string;
  title?: string;
}) {
  return (
    <select
      aria-label={props.label ?? 'Portfolio'}
      title={props.title}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(Number(e.target.value))}
    >
      {props.portfolios.map((p) => (
        <option key={p.id} value={p.id}>
          {portfolioLabel(p)}
        </option>
      ))}
    </select>
  );
}
