import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { commandNames } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { dispatchAsync } from '../handlers/dispatch';
import type { Services } from '../services/services';

/** Decides whether an IPC message comes from our own window and page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Registers one ipcMain handler per declared command, all going through dispatch(). */
export function registerCommandHandlers(services: Services, isTrustedSender: SenderCheck): () => void {
  for (const name of commandNames) {
    ipcMain.handle(name, (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        return fail({ code: 'forbidden', message: 'This window is not allowed to talk to Aftershock.' });
      }
      return dispatchAsync(services, name, request);
    });
  }
  return () => commandNames.forEach((name) => ipcMain.removeHandler(name));
}
