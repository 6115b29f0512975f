import type { PortfolioSummary } from '../../../shared/domain/types';
import { portfolioLabel } from '../views/portfolio-groups';

/**
 * The portfolio picker of a view's toolbar: each option names the portfolio, then its client. A label too long for
 * the picker ends in an ellipsis, with the whole of it in the tooltip.
 */
export function PortfolioPicker(props: {
  portfolios: readonly Pick<PortfolioSummary, 'id' | 'name' | 'clientName'>[];
  value: number | null | undefined;
  onChange: (id: number) => void;
  label?: string;
}) {
  const chosen = props.portfolios.find((p) => p.id === props.value);
  return (
    <select
      aria-label={props.label ?? 'Portfolio'}
      title={chosen ? portfolioLabel(chosen) : undefined}
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
