// Minimal RFC-4180 CSV reading for the derive script (quoted fields, embedded commas and newlines, BOM).
import fs from 'node:fs';

/** Parses CSV text into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file whose first row is the header into objects. */
export function readCsvObjects(file, headerRow = 0) {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows[headerRow].map((h) => h.trim());
  return rows
    .slice(headerRow + 1)
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Rounds to a number of decimals without trailing float noise. */
export function round(value, decimals) {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
