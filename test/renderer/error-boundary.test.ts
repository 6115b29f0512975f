// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';
import { reportError } from '../../renderer/src/error-reporting';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function withApi() {
  const invoke = vi.fn(async (_name: string, _request: unknown) => ({ ok: true as const, value: { logged: true } }));
  (window as unknown as { api: unknown }).api = { invoke };
  return invoke;
}

describe('a view that fails to draw', () => {
  it('shows what happened instead of a blank window, reports it for the log, and can try again', async () => {
    const logRendererError = withApi();
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React prints caught render errors too
    let broken = true;
    const View = () => {
      if (broken) throw new TypeError("Cannot read properties of undefined (reading 'positions')");
      return createElement('p', null, 'Holdings drawn');
    };
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(createElement(ErrorBoundary, { view: 'holdings', children: createElement(View) })));

    expect(host.querySelector('[role="alert"] h1')?.textContent).toBe('This view stopped working');
    expect(host.textContent).toContain("Cannot read properties of undefined (reading 'positions')");
    expect(logRendererError).toHaveBeenCalledTimes(1);
    expect(logRendererError.mock.calls[0]).toEqual([
      'app:logerror',
      expect.objectContaining({
        kind: 'render',
        view: 'holdings',
        message: "TypeError: Cannot read properties of undefined (reading 'positions')",
        stack: expect.stringContaining('View'),
      }),
    ]);

    broken = false;
    await act(async () => host.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(host.textContent).toBe('Holdings drawn');
    root.unmount();
  });

  it('never throws while reporting, even when the bridge itself fails', () => {
    (window as unknown as { api: unknown }).api = {
      invoke: () => {
        throw new Error('bridge gone');
      },
    };
    expect(() => reportError('error', new Error('x'))).not.toThrow();
    (window as unknown as { api: unknown }).api = { invoke: () => Promise.reject(new Error('bridge gone')) };
    expect(() => reportError('rejection', 'plain reason')).not.toThrow();
  });
});
