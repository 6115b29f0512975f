import { describe, expect, it, vi } from 'vitest';

// The Electron module is a true boundary here: the menu template is what we check.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: unknown) => template } }));

type MenuItem = { id?: string; label?: string; enabled?: boolean; accelerator?: string; click?: () => void };

/** The app menu built with recording actions, and a finder for one item of one top-level menu. */
async function appMenu() {
  const { buildAppMenu } = await import('../../../electron/main/menu');
  const actions = {
    about: vi.fn(),
    openDataFolder: vi.fn(),
    importHoldings: vi.fn(),
    exportReport: vi.fn(),
    restoreBackup: vi.fn(),
    openLogsFolder: vi.fn(),
  };
  const template = buildAppMenu(actions, false) as unknown as { label?: string; submenu?: MenuItem[] }[];
  const item = (menu: string, id: string) => template.find((m) => m.label === menu)?.submenu?.find((i) => i.id === id);
  return { actions, item };
}

describe('application menu', () => {
  it('enables File › Import holdings… (Ctrl+O) and runs the import action on click', async () => {
    const { actions, item } = await appMenu();
    const importing = item('&File', 'import-holdings');
    expect(importing).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(importing?.enabled).not.toBe(false);
    importing?.click?.();
    expect(actions.importHoldings).toHaveBeenCalledTimes(1);
    const report = item('&File', 'export-report');
    expect(report).toMatchObject({ accelerator: 'CmdOrCtrl+E' });
    expect(report?.enabled).not.toBe(false);
    report?.click?.();
    expect(actions.exportReport).toHaveBeenCalledTimes(1);
  });

  it('has File › Restore backup… and Help › Open logs folder wired to their actions', async () => {
    const { actions, item } = await appMenu();
    const restore = item('&File', 'restore-backup');
    expect(restore?.label).toBe('Restore backup…');
    restore?.click?.();
    expect(actions.restoreBackup).toHaveBeenCalledTimes(1);
    const logs = item('&Help', 'open-logs');
    expect(logs?.label).toBe('Open logs folder');
    logs?.click?.();
    expect(actions.openLogsFolder).toHaveBeenCalledTimes(1);
  });
});
