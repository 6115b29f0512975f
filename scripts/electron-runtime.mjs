// Where the Electron runtime lives in node_modules/electron, and which architecture Electron's own installer
// (node_modules/electron/install.js) fetches: shared by scripts/start.mjs and scripts/ensure-electron-sqlite.mjs.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The executable inside node_modules/electron/dist that install.js writes into path.txt. */
export function electronPlatformPath(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The installed Electron package: its version, and its runtime's executable when that has been downloaded. */
export function electronRuntime(root, env = process.env) {
  const dir = path.join(root, 'node_modules', 'electron');
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return { dir, version: null, executable: null };
  }
  // The same test as install.js's isInstalled(): dist/version, path.txt and the executable all agree.
  try {
    const distVersion = fs
      .readFileSync(path.join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist'), relative);
    if (distVersion === version && fs.existsSync(executable)) return { dir, version, executable };
  } catch {
    // not downloaded yet
  }
  return { dir, version, executable: null };
}

/**
 * The architecture install.js downloads Electron for, so the SQLite driver is fetched for the same one: on Apple
 * Silicon, an x64 Node running under Rosetta still gets arm64 Electron (install.js asks sysctl, and so do we).
 */
export function electronArch({
  platform = process.platform,
  arch = process.arch,
  env = process.env,
  isTranslated = isRosettaTranslated,
} = {}) {
  const chosen = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch;
  if (platform === 'darwin' && chosen === 'x64' && env.npm_config_arch === undefined && isTranslated()) return 'arm64';
  return chosen;
}

function isRosettaTranslated() {
  try {
    return (
      execSync('sysctl -in sysctl.proc_translated', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() === '1'
    );
  } catch {
    return false;
  }
}
