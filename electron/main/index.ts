import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, dialog, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import { decodeBytes } from '../../shared/import/decode';
import { IMPORT_REQUESTED_CHANNEL, REPORT_REQUESTED_CHANNEL } from '../../shared/ipc/events';
import { backupsDir, checkBackup, restoreBackup } from '../db/backups';
import { DatabaseRefusedError } from '../db/open-database';
import { useSqliteBinding } from '../db/sqlite';
import { applyRecovery, recoveryFor } from '../db/recovery';
import { createLogger, logsDir } from '../logging';
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
    filters: [
      { name: 'Broker exports', extensions: ['csv', 'txt', 'tsv'] },
      { name: 'All files', extensions: ['*'] },
    ],
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

/** Asks how to get out of a refused database; true when something was done and opening should be tried again. */
function offerRecovery(refusal: DatabaseRefusedError): boolean {
  const plan = recoveryFor(refusal);
  const answer = dialog.showMessageBoxSync({
    type: 'error',
    title: plan.title,
    message: plan.message,
    detail: plan.detail,
    buttons: plan.choices.map((c) => c.label),
    defaultId: 0,
    cancelId: plan.choices.findIndex((c) => c.id === 'quit'),
    noLink: true,
  });
  const choice = plan.choices[answer];
  if (!choice || choice.id === 'quit') return false;
  try {
    const done = applyRecovery(refusal.file, choice);
    void dialog.showMessageBox({ type: 'info', title: 'Aftershock', message: done });
    return true;
  } catch (error) {
    dialog.showErrorBox('Aftershock could not recover the database', error instanceof Error ? error.message : String(error));
    return false;
  }
}

/** File › Restore backup…: pick a backup, then Aftershock restarts on it (the current file is kept, renamed). */
function chooseBackupToRestore(open: Services): void {
  const dbPath = open.info.databasePath;
  const chosen = dialog.showOpenDialogSync({
    title: 'Restore backup',
    defaultPath: backupsDir(dbPath),
    properties: ['openFile'],
    filters: [{ name: 'Aftershock backups', extensions: ['sqlite', 'backup'] }],
  });
  if (!chosen?.length) return;
  const confirm = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Restore backup',
    message: `Replace the database with "${path.basename(chosen[0])}"?`,
    detail: 'Changes made since that backup are lost from the database; the current file is kept beside it, renamed. Aftershock restarts.',
    buttons: ['Restore and restart', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (confirm !== 0) return;
  try {
    checkBackup(chosen[0]);
    closeServices(open);
    restoreBackup(dbPath, chosen[0]);
    app.relaunch();
    app.exit(0);
  } catch (error) {
    dialog.showErrorBox('The backup was not restored', error instanceof Error ? error.message : String(error));
  }
}

function start(): void {
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const log = createLogger(logsDir(app.getPath('userData')));
  process.on('uncaughtException', (error) => log.error({ where: 'main', message: error.message, detail: error.stack }));
  try {
    // Before anything opens a database: the app's, a backup being checked or restored, recovery.
    useSqliteBinding(
      resolveElectronSqliteBinding({
        isPackaged: app.isPackaged,
        appRoot: app.getAppPath(),
        electronVersion: process.versions.electron,
        platform: process.platform,
        arch: process.arch,
      }),
    );
  } catch (error) {
    dialog.showErrorBox('Aftershock cannot open its database', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  for (;;) {
    try {
      services = createServices({
        log,
        dbPath: resolveDbPath({ flag: dbFlag(process.argv), userDataDir: app.getPath('userData') }),
        shell: 'desktop',
        version: app.getVersion(),
        resourcesDir,
        reportDir: path.join(__dirname, '..', 'report'),
        printPdf: printWithElectron,
        pickImportFile,
        pickFolder,
        // A backup that could not be taken never stops the app; the user hears it once, without a blocking dialog.
        warn: (sentence) =>
          void dialog.showMessageBox({ type: 'warning', title: 'Aftershock', message: "Today's backup was not taken", detail: sentence }),
      });
      break;
    } catch (error) {
      log.error({
        where: 'main start',
        message: error instanceof Error ? error.message : String(error),
        detail: error instanceof Error ? error.stack : undefined,
      });
      if (error instanceof DatabaseRefusedError && offerRecovery(error)) continue;
      if (!(error instanceof DatabaseRefusedError))
        dialog.showErrorBox('Aftershock cannot open its database', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
  }

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const open = services;
  registerCommandHandlers(open, isTrustedSender);
  Menu.setApplicationMenu(
    buildAppMenu({
      about: showAbout,
      openDataFolder: () => void shell.openPath(path.dirname(open.info.databasePath)),
      // The renderer opens its import screen and asks main for the file through the openImportFile command.
      importHoldings: () => mainWindow?.webContents.send(IMPORT_REQUESTED_CHANNEL),
      exportReport: () => mainWindow?.webContents.send(REPORT_REQUESTED_CHANNEL),
      restoreBackup: () => chooseBackupToRestore(open),
      openLogsFolder: () => void shell.openPath(logsDir(app.getPath('userData'))),
    }),
  );
  mainWindow = createMainWindow({
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    preload: path.join(__dirname, '..', 'preload', 'index.js'),
    icon: path.join(resourcesDir, 'icon.png'),
    rendererUrl: devServerUrl,
    rendererFile,
    contentSecurityPolicy: devServerUrl ? undefined : CONTENT_SECURITY_POLICY,
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
