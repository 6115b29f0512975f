import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/client';
import { IMPORT_REQUESTED_CHANNEL, REPORT_REQUESTED_CHANNEL, type AppEvents } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';

// One `invoke` that sends only declared command names, each on its own channel; no ipcRenderer leaks out.
contextBridge.exposeInMainWorld(
  'api',
  createApi((name, request) => ipcRenderer.invoke(name, request) as Promise<Result<unknown>>),
);

// One named subscription per main → renderer event; the callback receives no payload from main.
const events: AppEvents = {
  onImportRequested(callback) {
    const listener = () => callback();
    ipcRenderer.on(IMPORT_REQUESTED_CHANNEL, listener);
    return () => ipcRenderer.removeListener(IMPORT_REQUESTED_CHANNEL, listener);
  },
  onReportRequested(callback) {
    const listener = () => callback();
    ipcRenderer.on(REPORT_REQUESTED_CHANNEL, listener);
    return () => ipcRenderer.removeListener(REPORT_REQUESTED_CHANNEL, listener);
  },
};
contextBridge.exposeInMainWorld('appEvents', events);
