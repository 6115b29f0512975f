import { EmptyState } from '../components/EmptyState';
import { useStore } from '../store/store';

/** A view whose feature is not in this version yet: says so plainly and points somewhere useful. */
export function PlannedView({ title, lead }: { title: string; lead: string }) {
  const setView = useStore((s) => s.setView);
  return (
    <section className="view">
      <header className="view-header">
        <h1>{title}</h1>
      </header>
      <EmptyState
        title={`${title} are not in this version yet`}
        body={`${lead} Meanwhile, your holdings are ready in the Holdings view.`}
        action={{ label: 'Go to holdings', run: () => setView('holdings') }}
      />
    </section>
  );
}
