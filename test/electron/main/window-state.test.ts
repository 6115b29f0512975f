import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  MIN_WINDOW_SIZE,
  readWindowState,
  writeWindowState,
} from '../../../electron/main/window-state';
import { defaultUserDataDir, resolveDbPath } from '../../../electron/paths';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips through a file and falls back to defaults on junk', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-ws-')), 'state.json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(file, { x: 10, y: 20, width: 1300, height: 760, isMaximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 760, isMaximized: true });
    // Saved smaller by an older version (its minimum was 900×600): opens at the 1280×720 the layout is checked at.
    writeWindowState(file, { x: 10, y: 20, width: 1000, height: 650, isMaximized: false });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, ...MIN_WINDOW_SIZE, isMaximized: false });
    fs.writeFileSync(file, '{"width": 5, "height": "tall"}');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a window on a screen that exists, and recentres one left on an unplugged monitor', () => {
    const onScreen = { x: 100, y: 80, width: 1300, height: 800, isMaximized: false };
    expect(fitToDisplays(onScreen, screen)).toEqual(onScreen);
    expect(fitToDisplays({ ...onScreen, x: 2500 }, screen)).toEqual({ width: 1300, height: 800, isMaximized: false });
    expect(fitToDisplays({ ...onScreen, x: 2500 }, [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }]).x).toBe(2500);
  });
});

describe('where data lives', () => {
  it('follows Electron userData conventions per platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Aftershock');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ana')).toBe('/x/Aftershock');
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Aftershock');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Aftershock',
    );
  });

  it('prefers --db, then AFTERSHOCK_DB, then the user-data folder', () => {
    expect(resolveDbPath({ flag: '/tmp/a.sqlite', env: { AFTERSHOCK_DB: '/tmp/b.sqlite' } })).toBe('/tmp/a.sqlite');
    expect(resolveDbPath({ env: { AFTERSHOCK_DB: '/tmp/b.sqlite' } })).toBe('/tmp/b.sqlite');
    expect(resolveDbPath({ env: {}, userDataDir: '/u' })).toBe('/u/aftershock.sqlite');
  });
});
