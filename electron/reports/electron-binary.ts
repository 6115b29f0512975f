import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable installed with the app's node_modules, or null when it has not been downloaded
 * (Electron fetches its binary lazily; asking `require('electron')` would start that download).
 */
export function findElectronBinary(appRoot: string): string | null {
  const dir = path.join(appRoot, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
