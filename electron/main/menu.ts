import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  about(): void;
  openDataFolder(): void;
  importHoldings(): void;
  exportReport(): void;
  restoreBackup(): void;
  openLogsFolder(): void;
}

/** The application menu: File, Edit, View, Help (plus the app menu on macOS). */
export function buildAppMenu(actions: MenuActions, isMac = process.platform === 'darwin'): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'import-holdings', label: 'Import holdings…', accelerator: 'CmdOrCtrl+O', click: () => actions.importHoldings() },
        // The report exporter arrives with its issue; the item stays visible but off until then.
        { id: 'export-report', label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
        { type: 'separator' },
        { label: 'Show data folder', click: () => actions.openDataFolder() },
        { id: 'restore-backup', label: 'Restore backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { id: 'open-logs', label: 'Open logs folder', click: () => actions.openLogsFolder() },
        { type: 'separator' },
        { label: 'About Aftershock', click: () => actions.about() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
