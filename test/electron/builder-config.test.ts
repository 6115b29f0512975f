// Offline checks of electron-builder.yml: nothing is packaged (that needs the Electron download and an
// Electron build of better-sqlite3), but the config is read and checked the way electron-builder does it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration, FileSet } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

// electron-builder's own modules, resolved from electron-builder (app-builder-lib and js-yaml are its
// dependencies, not ours): the same YAML parser, schema validator and file matcher it uses when packaging.
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const yaml = libRequire('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = libRequire('./out/util/config/config') as {
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
type Filter = (file: string, stat: Partial<fs.Stats> & { moduleFullFilePath?: string }) => boolean;
const { FileMatcher } = libRequire('./out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns?: string[]) => { createFilter(): Filter };
};

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const logger = { isEnabled: false, add: () => undefined };
const file = { isDirectory: () => false };

/** A filter over project-relative paths for a list of electron-builder glob patterns. */
function matcher(patterns: string[]): (relative: string) => boolean {
  const filter = new FileMatcher(root, '/', (s) => s, patterns).createFilter();
  return (relative) => filter(path.join(root, relative), file);
}

function targetNames(targets: unknown): string[] {
  return (Array.isArray(targets) ? targets : [targets]).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(relative: string): { width: number; height: number } {
  const head = fs.readFileSync(path.join(root, relative)).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1'), `${relative} is a PNG`).toBe('PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation (and the validator does reject a typo)", async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } as never }, logger)).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('names the app and its output folders', () => {
    expect(config).toMatchObject({
      appId: 'app.aftershock.desktop',
      productName: 'Aftershock',
      directories: { output: 'dist', buildResources: 'resources' },
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string };
    expect(pkg.productName).toBe(config.productName);
  });

  it('builds AppImage + deb on Linux, an NSIS installer on Windows and a dmg per Mac architecture (x64, arm64)', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux).toMatchObject({ category: 'Finance', synopsis: expect.any(String), maintainer: expect.stringMatching(/<.+@.+>/) });
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect((config.mac?.target as { arch?: string[] }[])[0].arch).toEqual(['x64', 'arm64']);
    expect(config.mac?.category).toBe('public.app-category.finance');
  });

  it('packs the built desktop app only: not the CLI, the browser shell, sources, tests or source maps', () => {
    const files = matcher(config.files as string[]);
    const { main } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    for (const kept of [
      main,
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'package.json',
    ]) {
      expect(files(kept), kept).toBe(true);
    }
    for (const dropped of [
      'out/cli/aftershock.js',
      'out/web/server.js',
      'out/main/index.js.map',
      'test/electron/cli/aftershock.test.ts',
      'electron/main/index.ts',
      'renderer/index.html',
      'scripts/make-icons.mjs',
    ]) {
      expect(files(dropped), dropped).toBe(false);
    }
  });

  it('rebuilds better-sqlite3 for Electron, keeps its binary and unpacks it from the asar', () => {
    expect(config.npmRebuild).toBe(true);
    const unpacked = matcher(config.asarUnpack as string[]);
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('out/main/index.js')).toBe(false);
    // Node modules get the exclusions of `files` only, after "**/*" (getNodeModuleFileMatcher in app-builder-lib).
    const moduleFilter = new FileMatcher(root, '/', (s) => s, [
      '**/*',
      ...(config.files as string[]).filter((p) => p.startsWith('!')),
    ]).createFilter();
    const moduleFile = (relative: string) => moduleFilter(path.join(root, relative), { ...file, moduleFullFilePath: relative });
    expect(moduleFile('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(moduleFile('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(moduleFile('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(moduleFile('node_modules/better-sqlite3/build/Release/test_extension.node')).toBe(false);
    // A runtime dependency of the CLI and the browser shell only: the desktop app prints with Electron.
    expect(moduleFile('node_modules/playwright-core/lib/coreBundle.js')).toBe(false);
    expect(moduleFile('node_modules/yahoo-finance2/package.json')).toBe(true);
  });

  it('sets the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, encrypted cookies, asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships resources/ as <resourcesPath>/resources (the app reads sample-portfolio.json from there)', () => {
    const sets = (config.extraResources as FileSet[]).filter((set) => typeof set === 'object');
    expect(sets).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    const set = sets.find((s) => s.from === 'resources')!;
    const shipped = matcher((set.filter as string[] | undefined) ?? ['**/*']);
    expect(shipped('sample-portfolio.json')).toBe(true);
    expect(shipped('icons/256x256.png')).toBe(true);
    expect(shipped('readme/holdings.png')).toBe(false);
    expect(fs.existsSync(path.join(root, 'resources', 'sample-portfolio.json'))).toBe(true);
  });

  it('points at icon files that exist and are large enough for .ico (256) and .icns (512)', () => {
    for (const icon of [config.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('resources/icon.png');
      expect(pngSize(icon as string)).toEqual({ width: 512, height: 512 });
    }
    // Linux: a folder of <size>x<size>.png files (electron-builder reads the size from the name).
    const linuxIcons = path.join(root, config.linux?.icon as string);
    const names = fs
      .readdirSync(linuxIcons)
      .filter((name) => name.endsWith('.png'))
      .sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual(['16x16.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
    for (const name of names) {
      const size = parseInt(name, 10);
      expect(pngSize(path.join(config.linux?.icon as string, name))).toEqual({ width: size, height: size });
    }
    expect(fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8')).toContain('<svg');
  });
});
