import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/client';
import type { Result } from '../../shared/ipc/result';

// One named method per command, each invoking only its own channel; no ipcRenderer leaks out.
contextBridge.exposeInMainWorld(
  'api',
  createApi((name, request) => ipcRenderer.invoke(name, request) as Promise<Result<unknown>>),
);
