import fs from 'node:fs';
import path from 'node:path';
import type { HeadlineMaster } from '../../../shared/headline';

const dir = path.join(__dirname, '..', '..', '..', 'resources', 'reference');

/** The bundled security master and themes, as the app loads them, for resolution tests. */
export function bundledMaster(): HeadlineMaster {
  const securities = JSON.parse(fs.readFileSync(path.join(dir, 'securities.json'), 'utf8')) as { rows: (string | null)[][] };
  const themes = JSON.parse(fs.readFileSync(path.join(dir, 'themes.json'), 'utf8')) as { themes: { id: string; name: string }[] };
  const distinct = (i: number) => [...new Set(securities.rows.map((r) => r[i]).filter((v): v is string => !!v))];
  return {
    securities: securities.rows.map((r) => ({ symbol: r[0]!, name: r[1]! })),
    sectors: distinct(3),
    industries: distinct(4),
    countries: distinct(5),
    themes: themes.themes.map((t) => ({ id: t.id, name: t.name })),
  };
}
