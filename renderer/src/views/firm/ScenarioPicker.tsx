import type { ScenarioSummaryData } from '../../../../shared/ipc/stress-types';

/** Check boxes for choosing several shock scenarios, up to `max` (replays of past windows run per portfolio, in Results). */
export function ScenarioPicker(props: {
  scenarios: readonly ScenarioSummaryData[];
  picked: readonly string[];
  onChange: (ids: string[]) => void;
  max: number;
}) {
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.picked, id] : props.picked.filter((x) => x !== id));
  return (
    <fieldset className="scenario-picker">
      <legend className="muted small">
        Scenarios ({props.picked.length} of at most {props.max})
      </legend>
      {props.scenarios
        .filter((s) => s.kind !== 'historical')
        .map((s) => (
          <label key={s.id} className="toggle">
            <input
              type="checkbox"
              checked={props.picked.includes(s.id)}
              disabled={!props.picked.includes(s.id) && props.picked.length >= props.max}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.name}
          </label>
        ))}
    </fieldset>
  );
}
