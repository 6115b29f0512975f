// scripts/electron-runtime.mjs: which Electron install.js fetches, so the SQLite driver matches the Electron that runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Runtime {
  electronArch(options: { platform: string; arch: string; env: Record<string, string | undefined>; isTranslated: () => boolean }): string;
  electronRuntime(root: string, env?: Record<string, string | undefined>): { version: string | null; executable: string | null };
}
let runtime: Runtime;

beforeAll(async () => {
  runtime = (await import(pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'electron-runtime.mjs')).href)) as Runtime;
});

describe('the Electron runtime the start chain uses', () => {
  it("fetches the arm64 driver for x64 Node under Rosetta, as Electron's installer fetches arm64 Electron", () => {
    const arch = (platform: string, nodeArch: string, env: Record<string, string | undefined>, translated: boolean) =>
      runtime.electronArch({ platform, arch: nodeArch, env, isTranslated: () => translated });
    expect(arch('darwin', 'x64', {}, true)).toBe('arm64');
    expect(arch('darwin', 'x64', {}, false)).toBe('x64');
    expect(arch('darwin', 'x64', { npm_config_arch: 'x64' }, true)).toBe('x64'); // an explicit npm arch wins, as in install.js
    expect(arch('darwin', 'arm64', {}, false)).toBe('arm64');
    expect(arch('linux', 'x64', {}, true)).toBe('x64');
    expect(arch('win32', 'x64', { ELECTRON_INSTALL_ARCH: 'arm64' }, false)).toBe('arm64');
  });

  it("counts the runtime as there only when dist/version, path.txt and the executable agree (install.js's own test)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-runtime-'));
    try {
      const dir = path.join(root, 'node_modules', 'electron');
      fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version: '42.11.18' }));
      expect(runtime.electronRuntime(root)).toMatchObject({ version: '42.11.18', executable: null });
      fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
      fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
      fs.writeFileSync(path.join(dir, 'dist', 'version'), 'v42.0.0');
      expect(runtime.electronRuntime(root).executable).toBeNull(); // another version's runtime
      fs.writeFileSync(path.join(dir, 'dist', 'version'), 'v42.11.18');
      expect(runtime.electronRuntime(root).executable).toBe(path.join(dir, 'dist', 'electron'));
      expect(runtime.electronRuntime(path.join(root, 'nowhere'))).toMatchObject({ version: null, executable: null });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
