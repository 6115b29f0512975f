// The Electron glue (electron/main) run for real against a stand-in `electron` module, since Electron cannot run on
// our machines: the main window's options, the IPC wrapper, the CSP hook's scope, printing and database recovery.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web/security';
import { createFakeElectron, type FakeElectron } from '../../helpers/fake-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ELECTRON_VERSION = '42.11.18';

const state = vi.hoisted(() => ({
  fake: null as unknown as { module: Record<string, unknown> },
  /** Every better-sqlite3 Database created, with the driver binary it was given. */
  opened: [] as { file: string; nativeBinding: unknown }[],
}));

vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'dialog', 'Menu', 'session', 'shell', 'screen', 'ipcMain'];
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => state.fake.module[name] }])),
  );
});

vi.mock('better-sqlite3', async (importOriginal) => {
  const Real = ((await importOriginal()) as { default: new (file: string, options?: object) => unknown }).default;
  function RecordingDatabase(file: string, options?: { nativeBinding?: unknown }) {
    state.opened.push({ file, nativeBinding: options?.nativeBinding });
    return new Real(file, options);
  }
  return { default: RecordingDatabase };
});

let scratch: string;
let appRoot: string;
let userData: string;
let binding: string;
let fake: FakeElectron;
const savedEnv = { AFTERSHOCK_DB: process.env.AFTERSHOCK_DB, ELECTRON_RENDERER_URL: process.env.ELECTRON_RENDERER_URL };
let uncaughtBefore: NodeJS.UncaughtExceptionListener[] = [];

/** Imports electron/main/index.ts afresh (as Electron runs it) and waits until start() has opened a window or quit. */
async function startMain(setup: (fake: FakeElectron) => void = () => undefined): Promise<FakeElectron> {
  fake = createFakeElectron({ appRoot, userData });
  state.fake = fake;
  setup(fake);
  vi.resetModules();
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(fake.record.windows.length > 0 || fake.record.exitCode !== undefined).toBe(true), { timeout: 30_000 });
  return fake;
}

/** Quits the app the way Electron would (will-quit closes the database). */
function quit(): void {
  for (const listener of fake?.record.appEvents.get('will-quit') ?? []) listener();
}

const mainWindow = () => fake.record.windows[0];
const trustedEvent = () => ({ sender: mainWindow().webContents, senderFrame: { url: mainWindow().webContents.url } });

beforeAll(() => {
  Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, configurable: true });
});

afterAll(() => {
  delete (process.versions as Record<string, string>).electron;
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-stand-in-'));
  appRoot = path.join(scratch, 'app');
  userData = path.join(scratch, 'userData');
  fs.mkdirSync(appRoot);
  fs.symlinkSync(path.join(ROOT, 'resources'), path.join(appRoot, 'resources'));
  // Where scripts/ensure-electron-sqlite.mjs puts the Electron driver; here the Node build stands in for it.
  binding = path.join(
    appRoot,
    'node_modules',
    '.aftershock-native',
    `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  fs.mkdirSync(path.dirname(binding), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  delete process.env.AFTERSHOCK_DB;
  delete process.env.ELECTRON_RENDERER_URL;
  state.opened.length = 0;
  uncaughtBefore = process.listeners('uncaughtException');
});

afterEach(() => {
  quit();
  for (const listener of process.listeners('uncaughtException'))
    if (!uncaughtBefore.includes(listener)) process.off('uncaughtException', listener);
  fs.rmSync(scratch, { recursive: true, force: true });
});

// Each start opens a real database and loads the bundled reference data: seconds on a busy machine.
describe('main process against the Electron stand-in', { timeout: 60_000 }, () => {
  it('opens one isolated, sandboxed window without Node, on the built renderer with its preload', async () => {
    await startMain();
    expect(fake.record.windows).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
    });
    expect(mainWindow().options.webPreferences.preload).toBe(path.join(ROOT, 'electron', 'preload', 'index.js'));
    expect(mainWindow().loadedFile).toBe(path.join(ROOT, 'electron', 'renderer', 'index.html'));
    expect(fake.record.menu).toEqual(expect.arrayContaining([expect.objectContaining({ label: '&File' })]));
    // Permission requests (camera, notifications…) are all refused.
    const decided = vi.fn();
    fake.record.permissionHandler?.(mainWindow().webContents, 'media', decided);
    expect(decided).toHaveBeenCalledWith(false);
  });

  it('registers every contract command through the sender check, and answers our own window only', async () => {
    await startMain();
    expect([...fake.record.ipc.keys()].sort()).toEqual([...commandNames].sort());
    const stranger = { sender: { id: 999 }, senderFrame: { url: mainWindow().webContents.url } };
    const otherPage = { sender: mainWindow().webContents, senderFrame: { url: 'https://example.com/' } };
    for (const name of commandNames) {
      await expect(Promise.resolve(fake.record.ipc.get(name)!(stranger, {})), name).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    await expect(Promise.resolve(fake.record.ipc.get('app:info')!(otherPage, {}))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const info = await fake.record.ipc.get('app:info')!(trustedEvent(), {});
    expect(info).toMatchObject({ ok: true, value: { shell: 'desktop', databasePath: path.join(userData, 'aftershock.sqlite') } });
    // Every database was opened with the Electron driver.
    expect(state.opened.length).toBeGreaterThan(0);
    expect(
      state.opened.every((o) => o.nativeBinding === binding),
      JSON.stringify(state.opened),
    ).toBe(true);
  });

  it("adds the CSP header to the main window's responses only, never to the print window's", async () => {
    await startMain();
    const hook = fake.record.headersListener!;
    expect(hook).toBeTypeOf('function');
    const answer = (webContentsId: number) => {
      let response: { responseHeaders?: Record<string, string[]> } | undefined;
      hook({ webContentsId, url: 'file:///x', responseHeaders: { 'X-Kept': ['1'] } }, (r) => (response = r));
      return response;
    };
    expect(answer(mainWindow().webContents.id)).toEqual({
      responseHeaders: { 'X-Kept': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    const { printWithElectron } = await import('../../../electron/main/print');
    let printWindowAnswer: unknown = 'not asked';
    fake.record.pageScript = (code) => {
      if (code.includes('dataset.ready')) printWindowAnswer = answer(fake.record.windows[1].webContents.id);
      return code.includes('dataset.ready') ? 'true' : '';
    };
    await printWithElectron('<html><body>report</body></html>', 'Report');
    expect(printWindowAnswer).toEqual({});
  });

  it("adds no CSP header under the dev server (its page needs React's inline refresh script)", async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await startMain();
    expect(mainWindow().loadedUrl).toBe('http://localhost:5173/');
    expect(fake.record.headersListener).toBeNull();
  });

  it('prints a report: loads it in a hidden sandboxed window, waits until it is drawn, prints, cleans up', async () => {
    await startMain();
    const { printWithElectron } = await import('../../../electron/main/print');
    const answers = ['', '', 'true'];
    fake.record.pageScript = (code) => (code.includes('dataset.ready') ? answers.shift() : '');
    const pdf = await printWithElectron('<html><body>the report</body></html>', 'Growth & AI — Lee household');
    expect(Buffer.from(pdf).toString()).toContain('%PDF');
    expect(answers).toEqual([]);
    const printWindow = fake.record.windows[1];
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(printWindow.loadedText).toBe('<html><body>the report</body></html>');
    expect(fake.record.pdfCalls).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true })]);
    expect(printWindow.destroyed).toBe(true);
    expect(fs.existsSync(path.dirname(printWindow.loadedFile!))).toBe(false);
  });

  it('refuses to print a report page that ends in data-ready="error", with its message, and still cleans up', async () => {
    await startMain();
    const { printWithElectron } = await import('../../../electron/main/print');
    fake.record.pageScript = (code) => (code.includes('dataset.ready') ? 'error' : 'This report file is damaged: Unexpected token');
    const printing = printWithElectron('<html><body>broken</body></html>', 'Report');
    await expect(printing).rejects.toThrow(
      'The report page could not draw its data (This report file is damaged: Unexpected token), so no PDF was made.',
    );
    expect(fake.record.pdfCalls).toEqual([]);
    expect(fake.record.windows[1].destroyed).toBe(true);
    expect(fs.existsSync(path.dirname(fake.record.windows[1].loadedFile!))).toBe(false);
  });

  it('recovers a damaged database: offers Restore, restores the newest backup and opens it, all through the Electron driver', async () => {
    await startMain(); // creates the database
    quit();
    const dbPath = path.join(userData, 'aftershock.sqlite');
    fs.mkdirSync(path.join(userData, 'backups'));
    fs.copyFileSync(dbPath, path.join(userData, 'backups', 'aftershock-2026-12-01T08-00-00-000Z.sqlite'));
    fs.writeFileSync(dbPath, 'this is not a database any more');
    state.opened.length = 0;

    await startMain((f) => f.record.messageBoxAnswers.push(0)); // the first choice: Restore
    const asked = fake.record.dialogs.find((d) => d.kind === 'messageBoxSync')!.options;
    expect(asked).toMatchObject({
      title: 'The database file is not an Aftershock database',
      buttons: expect.arrayContaining(['Restore the backup of 2026-12-01 08:00 UTC']),
    });
    expect(fake.record.errorBoxes).toEqual([]);
    expect(fake.record.windows).toHaveLength(1);
    expect(fs.readdirSync(userData).some((name) => name.startsWith('aftershock.sqlite.replaced-'))).toBe(true);
    const info = await fake.record.ipc.get('app:info')!(trustedEvent(), {});
    expect(info, JSON.stringify(info)).toMatchObject({ ok: true, value: { databasePath: dbPath } });
    // The backup was checked, and the restored file opened, with the Electron build of the driver.
    expect(state.opened.map((o) => path.basename(o.file))).toContain('aftershock-2026-12-01T08-00-00-000Z.sqlite');
    expect(
      state.opened.every((o) => o.nativeBinding === binding),
      JSON.stringify(state.opened),
    ).toBe(true);
  });

  it('File › Restore backup… checks the chosen backup with the Electron driver, then restarts on it', async () => {
    await startMain();
    quit();
    const dbPath = path.join(userData, 'aftershock.sqlite');
    const backup = path.join(scratch, 'chosen.sqlite');
    fs.copyFileSync(dbPath, backup);
    await startMain((f) => {
      f.record.openDialogAnswers.push([backup]);
      f.record.messageBoxAnswers.push(0); // Restore and restart
    });
    state.opened.length = 0;
    const file = (fake.record.menu as { label?: string; submenu?: { id?: string; click?: () => void }[] }[]).find(
      (m) => m.label === '&File',
    )!;
    file.submenu!.find((item) => item.id === 'restore-backup')!.click!();
    expect(fake.record.errorBoxes).toEqual([]);
    expect(fake.record.relaunched).toBe(true);
    expect(fake.record.exitCode).toBe(0);
    expect(state.opened.map((o) => o.file)).toContain(backup);
    expect(
      state.opened.every((o) => o.nativeBinding === binding),
      JSON.stringify(state.opened),
    ).toBe(true);
  });

  it('says which file is missing when the Electron driver has not been fetched, and quits', async () => {
    fs.rmSync(binding);
    await startMain();
    expect(fake.record.exitCode).toBe(1);
    expect(fake.record.errorBoxes).toEqual([
      {
        title: 'Aftershock cannot open its database',
        content: expect.stringContaining(`The SQLite driver for Electron ${ELECTRON_VERSION} is missing (${binding})`),
      },
    ]);
    expect(fake.record.windows).toEqual([]);
  });
});
