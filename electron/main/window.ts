import { BrowserWindow, screen, shell } from 'electron';
import { fitToDisplays, readWindowState, writeWindowState } from './window-state';

/** Opens http(s) links in the system browser; anything else is dropped. */
export function openExternalSafely(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL: ignore.
  }
}

/** Creates the main window: isolated, sandboxed, no Node, remembered size and position. */
export function createMainWindow(options: {
  stateFile: string;
  preload: string;
  icon: string;
  rendererUrl?: string;
  rendererFile: string;
}): BrowserWindow {
  const saved = fitToDisplays(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...saved,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Aftershock',
    backgroundColor: '#0f172a',
    icon: options.icon,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  if (saved.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(options.stateFile, { ...bounds, isMaximized: window.isMaximized() });
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });

  if (options.rendererUrl) void window.loadURL(options.rendererUrl);
  else void window.loadFile(options.rendererFile);
  return window;
}
