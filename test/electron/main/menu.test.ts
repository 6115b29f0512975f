import { describe, expect, it, vi } from 'vitest';

// The Electron module is a true boundary here: the menu template is what we check.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: unknown) => template } }));

describe('application menu', () => {
  it('enables File › Import holdings… (Ctrl+O) and runs the import action on click', async () => {
    const { buildAppMenu } = await import('../../../electron/main/menu');
    const actions = {
      about: vi.fn(),
      openDataFolder: vi.fn(),
      importHoldings: vi.fn(),
      exportReport: vi.fn(),
      restoreBackup: vi.fn(),
      openLogsFolder: vi.fn(),
    };
    const template = buildAppMenu(actions, false) as unknown as {
      label?: string;
      submenu?: { id?: string; enabled?: boolean; accelerator?: string; click?: () => void }[];
    }[];
    const item = template.find((m) => m.label === '&File')?.submenu?.find((i) => i.id === 'import-holdings');
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(item?.enabled).not.toBe(false);
    item?.click?.();
    expect(actions.importHoldings).toHaveBeenCalledTimes(1);
    const report = template.find((m) => m.label === '&File')?.submenu?.find((i) => i.id === 'export-report');
    expect(report).toMatchObject({ accelerator: 'CmdOrCtrl+E' });
    expect(report?.enabled).not.toBe(false);
    report?.click?.();
    expect(actions.exportReport).toHaveBeenCalledTimes(1);
  });

  it('has File › Restore backup… and Help › Open logs folder wired to their actions', async () => {
    const { buildAppMenu } = await import('../../../electron/main/menu');
    const actions = {
      about: vi.fn(),
      openDataFolder: vi.fn(),
      importHoldings: vi.fn(),
      exportReport: vi.fn(),
      restoreBackup: vi.fn(),
      openLogsFolder: vi.fn(),
    };
    const template = buildAppMenu(actions, false) as unknown as {
      label?: string;
      submenu?: { id?: string; label?: string; click?: () => void }[];
    }[];
    const restore = template.find((m) => m.label === '&File')?.submenu?.find((i) => i.id === 'restore-backup');
    expect(restore?.label).toBe('Restore backup…');
    restore?.click?.();
    expect(actions.restoreBackup).toHaveBeenCalledTimes(1);
    const logs = template.find((m) => m.label === '&Help')?.submenu?.find((i) => i.id === 'open-logs');
    expect(logs?.label).toBe('Open logs folder');
    logs?.click?.();
    expect(actions.openLogsFolder).toHaveBeenCalledTimes(1);
  });
});
