import fs from 'node:fs';

// A stand-in for the `electron` module (Electron cannot run here): it records what the main-process code asks of
// Electron (windows and their options, session hooks, IPC handlers, the menu, dialogs, printToPDF) and answers dialogs
// and page scripts from queues the test fills.
type Listener = (...args: any[]) => unknown;
type HeadersListener = (
  details: { webContentsId?: number; url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export interface FakeElectronOptions {
  appRoot: string;
  userData: string;
}

/** What a hidden page answers to executeJavaScript (the print window's report page). */
export type PageScript = (code: string) => unknown;

export function createFakeElectron(options: FakeElectronOptions) {
  let nextId = 1;
  const record = {
    windows: [] as FakeWindow[],
    ipc: new Map<string, Listener>(),
    appEvents: new Map<string, Listener[]>(),
    menu: null as unknown,
    dialogs: [] as { kind: string; options: any }[],
    errorBoxes: [] as { title: string; content: string }[],
    /** Answers for showMessageBoxSync (button index) and showOpenDialogSync (paths), in order. */
    messageBoxAnswers: [] as number[],
    openDialogAnswers: [] as (string[] | undefined)[],
    exitCode: undefined as number | undefined,
    relaunched: false,
    headersListener: null as HeadersListener | null,
    permissionHandler: null as Listener | null,
    pageScript: ((code: string) => (code.includes('dataset.ready') ? 'true' : '')) as PageScript,
    pdfCalls: [] as any[],
  };

  const defaultSession = {
    webRequest: { onHeadersReceived: (listener: HeadersListener) => void (record.headersListener = listener) },
    setPermissionRequestHandler: (handler: Listener) => void (record.permissionHandler = handler),
  };

  class FakeWebContents {
    readonly id = nextId++;
    readonly session = defaultSession;
    readonly listeners = new Map<string, Listener[]>();
    readonly sent: unknown[][] = [];
    windowOpenHandler: Listener | null = null;
    url = '';
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    getURL() {
      return this.url;
    }
    async executeJavaScript(code: string) {
      return record.pageScript(code);
    }
    async printToPDF(printOptions: unknown) {
      record.pdfCalls.push(printOptions);
      return Buffer.from('%PDF-1.7 stand-in');
    }
  }

  class FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly listeners = new Map<string, Listener[]>();
    loadedFile: string | null = null;
    /** The page's text when it was loaded (the print window's file is deleted afterwards). */
    loadedText: string | null = null;
    loadedUrl: string | null = null;
    destroyed = false;
    constructor(readonly options: any) {
      record.windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    async loadFile(file: string) {
      this.loadedFile = file;
      this.loadedText = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      this.webContents.url = `file://${file}`;
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
    }
    destroy() {
      this.destroyed = true;
    }
    maximize() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
    show() {}
    focus() {}
    restore() {}
  }

  const module = {
    app: {
      isPackaged: false,
      getAppPath: () => options.appRoot,
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`the stand-in only knows app.getPath('userData'), not "${name}"`);
        return options.userData;
      },
      getVersion: () => '0.0.0-stand-in',
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => void record.appEvents.set(event, [...(record.appEvents.get(event) ?? []), listener]),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: (code = 0) => void (record.exitCode = code),
      relaunch: () => void (record.relaunched = true),
      disableHardwareAcceleration: () => undefined,
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBoxSync: (...args: any[]) => {
        record.dialogs.push({ kind: 'messageBoxSync', options: args.at(-1) });
        return record.messageBoxAnswers.shift() ?? 0;
      },
      showMessageBox: async (...args: any[]) => {
        record.dialogs.push({ kind: 'messageBox', options: args.at(-1) });
        return { response: 0 };
      },
      showOpenDialogSync: (...args: any[]) => {
        record.dialogs.push({ kind: 'openDialogSync', options: args.at(-1) });
        return record.openDialogAnswers.shift();
      },
      showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }),
    },
    Menu: { setApplicationMenu: (menu: unknown) => void (record.menu = menu), buildFromTemplate: (template: unknown) => template },
    session: { defaultSession, fromPartition: () => defaultSession },
    shell: { openPath: async () => '', openExternal: async () => undefined },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (record.ipc.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron does
        record.ipc.set(channel, listener);
      },
      removeHandler: (channel: string) => void record.ipc.delete(channel),
    },
  };
  return { module, record };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['module']['BrowserWindow']>;
