import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import type { Services } from '../../../electron/services/services';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { memoryServices } from '../../helpers/services';

// A response carrying every value that Electron's structured clone keeps but JSON does not.
const awkward = () => ({
  nan: NaN,
  infinite: Infinity,
  negative: -Infinity,
  missing: undefined,
  list: [1, undefined, NaN, -0],
  nested: { gone: undefined, when: new Date(Date.UTC(2025, 0, 27)), kept: 'text' },
});
const expected = {
  nan: null,
  infinite: null,
  negative: null,
  list: [1, null, null, 0],
  nested: { when: '2025-01-27T00:00:00.000Z', kept: 'text' },
};

let services: Services;
let shell: WebShell;
const original = handlers['app:info'];

beforeAll(async () => {
  services = memoryServices();
  (handlers as Record<string, unknown>)['app:info'] = () => awkward();
  const out = path.join(__dirname, '..', '..', '..', 'out');
  shell = await startWebShell({ services, rendererDir: path.join(out, 'renderer'), bridgeFile: path.join(out, 'web', 'bridge.js') });
});

afterAll(async () => {
  (handlers as Record<string, unknown>)['app:info'] = original;
  await shell?.close();
  services?.db.close();
});

describe('responses are the same in the desktop app, the browser shell and the CLI', () => {
  it('turns NaN and ±Infinity into null and drops undefined, as JSON does, in dispatch itself', async () => {
    const viaIpc = structuredClone(await dispatchAsync(services, 'app:info', {})); // what Electron IPC delivers
    expect(viaIpc).toStrictEqual({ ok: true, value: expected });
    expect(structuredClone(dispatch(services, 'app:info', {}))).toStrictEqual({ ok: true, value: expected });
  });

  it('the browser shell delivers exactly what Electron IPC delivers', async () => {
    const response = await fetch(`http://127.0.0.1:${shell.port}/api/app:info`, {
      method: 'POST',
      headers: { 'x-aftershock-token': shell.token, host: `127.0.0.1:${shell.port}` },
      body: '{}',
    });
    const viaHttp = await response.json();
    expect(viaHttp).toStrictEqual(structuredClone(await dispatchAsync(services, 'app:info', {})));
    expect(viaHttp).toStrictEqual({ ok: true, value: expected });
  });
});
