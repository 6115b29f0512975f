import { createApi } from '../../shared/ipc/client';
import type { Result } from '../../shared/ipc/result';

/**
 * Browser-shell stand-in for the Electron preload: defines the same `window.api`,
 * sending each command to the loopback server with the per-page secret the server put in the page (never a cookie).
 */
const token = document.querySelector<HTMLMetaElement>('meta[name="aftershock-token"]')?.content ?? '';

const api = createApi(async (name, request) => {
  try {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aftershock-token': token },
      body: JSON.stringify(request),
    });
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The Aftershock browser shell is not answering; is "npm run web" still running?',
        detail: String(error),
      },
    };
  }
});

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
