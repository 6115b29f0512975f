// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDraft } from '../../renderer/src/use-draft';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Settings {
  date: string;
  firmName: string;
  clientName: string;
}
const EMPTY: Partial<Settings> = {};

let root: Root;
let value: Partial<Settings>;
let change: (patch: Partial<Settings>) => void;
beforeEach(() => {
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

function Probe(props: { saved: Settings | null; loading: boolean; scope: number }) {
  [value, change] = useDraft(props.saved, props.loading, props.scope, EMPTY);
  return null;
}
const show = (saved: Settings | null, loading: boolean, scope: number) =>
  act(async () => root.render(createElement(Probe, { saved, loading, scope })));

const clientA: Settings = { date: '2026-12-01', firmName: '', clientName: 'Alex Morgan' };
const clientB: Settings = { date: '2026-12-02', firmName: 'Old firm', clientName: 'Bea Chen' };

describe('useDraft', () => {
  it('keeps a field typed before the saved settings arrived, laid over them', async () => {
    await show(null, true, 1);
    await act(async () => change({ firmName: 'Northwind Advisors' }));
    expect(value).toEqual({ firmName: 'Northwind Advisors' });
    await show(clientA, false, 1);
    expect(value).toEqual({ ...clientA, firmName: 'Northwind Advisors' });
    await act(async () => change({ clientName: 'A. Morgan' }));
    expect(value).toEqual({ date: '2026-12-01', firmName: 'Northwind Advisors', clientName: 'A. Morgan' });
  });

  it('lays only the changed fields, not the stale ones shown, over the next portfolio’s settings', async () => {
    await show(clientA, false, 1);
    // Switched to portfolio 2: its settings load while A's are still on screen; the user types meanwhile.
    await show(clientA, true, 2);
    await act(async () => change({ firmName: 'Northwind Advisors' }));
    await show(clientB, false, 2);
    expect(value).toEqual({ ...clientB, firmName: 'Northwind Advisors' });
  });

  it('shows another portfolio’s settings without the edits, and drops edits whose saved settings were replaced', async () => {
    await show(clientA, false, 1);
    await act(async () => change({ firmName: 'Northwind Advisors' }));
    await show(clientB, false, 2);
    expect(value).toBe(clientB);
    await show(clientA, false, 1);
    expect(value).toEqual({ ...clientA, firmName: 'Northwind Advisors' });
    const reloaded = { ...clientA };
    await show(reloaded, false, 1);
    expect(value).toBe(reloaded);
  });
});
