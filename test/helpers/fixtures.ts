import fs from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../../shared/import/decode';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
/** The team's real broker exports beside the checkout (absent in a fresh clone). */
export const BROKER_EXPORTS = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'broker-exports');

/** Reads one of our import fixtures as the app would (bytes decoded, BOM stripped). */
export function fixtureText(name: string): string {
  return decodeBytes(fs.readFileSync(path.join(FIXTURES, name))).text;
}
