import { BrowserWindow, screen, shell } from 'electron';
import { decideNavigation, decideWindowOpen } from './navigation';
import { fitToDisplays, MIN_WINDOW_SIZE, readWindowState, writeWindowState } from './window-state';

/** Creates the main window: isolated, sandboxed, no Node, remembered size and position. */
export function createMainWindow(options: {
  stateFile: string;
  preload: string;
  icon: string;
  rendererUrl?: string;
  rendererFile: string;
  /** Sent as a header with this window's own responses only (none under the dev server, whose page needs inline scripts). */
  contentSecurityPolicy?: string;
}): BrowserWindow {
  const saved = fitToDisplays(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...saved,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
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
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, window.webContents.getURL());
    if (decision.prevent) event.preventDefault();
    if (decision.openExternally) void shell.openExternal(url);
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);

  if (options.contentSecurityPolicy) addPolicyHeader(window, options.contentSecurityPolicy);
  if (options.rendererUrl) void window.loadURL(options.rendererUrl);
  else void window.loadFile(options.rendererFile);
  return window;
}

/**
 * Adds the Content-Security-Policy header to the responses of this window only: other windows of the session
 * (the hidden print window, whose report page runs its own inline script and style) keep their own policy.
 */
function addPolicyHeader(window: BrowserWindow, policy: string): void {
  const id = window.webContents.id;
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    if (details.webContentsId !== id) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
