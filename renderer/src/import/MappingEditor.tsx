import type { ColumnMapping, DateOrder, DecimalStyle, ImportField } from '../../../shared/import/types';
import { FIELD_LABELS, remap } from './import-view';

/** Pick the column for each field, the date order and the decimal mark; calls back with the new mapping. */
export function MappingEditor(props: {
  header: readonly string[];
  fields: readonly ImportField[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { header, mapping, onChange } = props;
  return (
    <div className="form grid-3">
      {props.fields.map((field) => (
        <label key={field}>
          {FIELD_LABELS[field]}
          <select
            value={mapping.columns[field] ?? ''}
            onChange={(e) => onChange(remap(mapping, field, e.target.value === '' ? null : Number(e.target.value)))}
          >
            <option value="">—</option>
            {header.map((h, i) => (
              <option key={i} value={i}>
                {h || `column ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Dates
        <select value={mapping.dateOrder} onChange={(e) => onChange({ ...mapping, dateOrder: e.target.value as DateOrder })}>
          <option value="MDY">month/day/year</option>
          <option value="DMY">day/month/year</option>
          <option value="YMD">year-month-day</option>
        </select>
      </label>
      <label>
        Decimal mark
        <select value={mapping.decimal} onChange={(e) => onChange({ ...mapping, decimal: e.target.value as DecimalStyle })}>
          <option value=".">1,234.56</option>
          <option value=",">1.234,56</option>
        </select>
      </label>
    </div>
  );
}
