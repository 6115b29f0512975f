import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, dialog, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import { decodeBytes } from '../../shared/import/decode';
import { IMPORT_REQUESTED_CHANNEL, REPORT_REQUESTED_CHANNEL } from '../../shared/ipc/events';
import { resolveDbPath } from '../paths';
import { closeServices, createServices, type Services } from '../services/services';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { registerCommandHandlers } from './ipc';
import { buildAppMenu } from './menu';
import { resolveElectronSqliteBinding } from './native-binding';
import { printWithElectron } from './print';
import { createMainWindow } from './window';

const rendererFile = path.join(__dirname, '..', 'renderer', 'index.html');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

/** --db PATH (or --db=PATH) from Electron's command line. */
function dbFlag(argv: string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (at === -1) return undefined;
  return argv[at].startsWith('--db=') ? argv[at].slice(5) : argv[at + 1];
}

/** Only our own window, showing our own page, may send commands. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  if (!mainWindow || event.sender !== mainWindow.webContents) return false;
  const url = event.senderFrame?.url ?? '';
  return devServerUrl ? url.startsWith(devServerUrl) : url.startsWith('file://') && url.includes('/renderer/index.html');
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About Aftershock',
    message: `Aftershock ${app.getVersion()}`,
    detail:
      'Portfolio stress-testing that stays on this computer.\n\n' +
      `Database: ${services?.info.databasePath ?? 'not open'}\n` +
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  });
}

/** Native open dialog for File › Import holdings…; reads and decodes the chosen file in main. */
function pickImportFile(): { fileName: string; text: string } | null {
  const options = {
    title: 'Import holdings',
    properties: ['openFile' as const],
    filters: [{ name: 'Broker exports', extensions: ['csv', 'txt', 'tsv'] }, { name: 'All files', extensions: ['*'] }],
  };
  const chosen = mainWindow ? dialog.showOpenDialogSync(mainWindow, options) : dialog.showOpenDialogSync(options);
  if (!chosen?.length) return null;
  return { fileName: path.basename(chosen[0]), text: decodeBytes(readFileSync(chosen[0])).text };
}

/** Native folder dialog for batch reports (Firm stress › PDF reports…); the renderer never names the folder. */
function pickFolder(title: string): string | null {
  const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const chosen = mainWindow ? dialog.showOpenDialogSync(mainWindow, options) : dialog.showOpenDialogSync(options);
  return chosen?.[0] ?? null;
}

function start(): void {
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  try {
    services = createServices({
      dbPath: resolveDbPath({ flag: dbFlag(process.argv), userDataDir: app.getPath('userData') }),
      shell: 'desktop',
      version: app.getVersion(),
      resourcesDir,
      reportDir: path.join(__dirname, '..', 'report'),
      printPdf: printWithElectron,
      nativeBinding: resolveElectronSqliteBinding({
        isPackaged: app.isPackaged,
        appRoot: app.getAppPath(),
        electronVersion: process.versions.electron,
        platform: process.platform,
        arch: process.arch,
      }),
    });
  } catch (error) {
    dialog.showErrorBox('Aftershock cannot open its database', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  services.pickImportFile = pickImportFile;
  services.pickFolder = pickFolder;
  const open = services;
  registerCommandHandlers(open, isTrustedSender);
  Menu.setApplicationMenu(
    buildAppMenu({
      about: showAbout,
      openDataFolder: () => void shell.openPath(path.dirname(open.info.databasePath)),
      // The renderer opens its import screen and asks main for the file through the openImportFile command.
      importHoldings: () => mainWindow?.webContents.send(IMPORT_REQUESTED_CHANNEL),
      exportReport: () => mainWindow?.webContents.send(REPORT_REQUESTED_CHANNEL),
    }),
  );
  mainWindow = createMainWindow({
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    preload: path.join(__dirname, '..', 'preload', 'index.js'),
    icon: path.join(resourcesDir, 'icon.png'),
    rendererUrl: devServerUrl,
    rendererFile,
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    if (services) closeServices(services);
  });
  void app.whenReady().then(start);
}
