import { describe, expect, it, vi } from 'vitest';

// The Electron module is a true boundary here: the menu template is what we check.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: unknown) => template } }));

describe('application menu', () => {
  it('enables File › Import holdings… (Ctrl+O) and runs the import action on click', async () => {
    const { buildAppMenu } = await import('../../../electron/main/menu');
    const actions = { about: vi.fn(), openDataFolder: vi.fn(), importHoldings: vi.fn(), exportReport: vi.fn() };
    const template = buildAppMenu(actions, false) as unknown as { label?: string; submenu?: { id?: string; enabled?: boolean; accelerator?: string; click?: () => void }[] }[];
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
});
