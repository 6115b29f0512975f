import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../electron/services/services';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { isLoopbackAddress } from '../../../electron/web/security';
import { chromePath, launchBrowser } from '../../helpers/browser';
import { memoryServices } from '../../helpers/services';

let services: Services;
let shell: WebShell;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'aftershock-secret.txt'), 'secret');
  const bridge = path.join(rendererDir, '..', 'aftershock-bridge-test.js');
  fs.writeFileSync(bridge, 'window.api = {}');
  services = memoryServices();
  shell = await startWebShell({ services, rendererDir, bridgeFile: bridge });
});
afterAll(async () => {
  await shell.close();
  closeServices(services);
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** A raw HTTP request, so headers such as Host can be set freely. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${shell.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Loads the printed URL's page and returns the per-page secret it carries. */
async function pageSecret(): Promise<string> {
  const page = await request({ path: `/?token=${shell.token}` });
  return /<meta name="aftershock-token" content="([^"]+)">/.exec(page.body)![1];
}
const api = (name: string, body: unknown, token = shell.token) =>
  request({
    path: `/api/${name}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aftershock-token': token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser shell server', () => {
  it('listens on loopback only and prints a tokened URL', () => {
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.5')).toBe(false);
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false);
  });

  it('refuses the page and API calls without the token', async () => {
    expect((await request({ path: '/' })).status).toBe(403);
    expect((await request({ path: '/index.html' })).status).toBe(403);
    expect((await request({ path: '/?token=wrong' })).status).toBe(403);
    expect((await api('clients:list', {}, 'wrong-token')).status).toBe(403);
    const oldCookie = `aftershock_token_${shell.port}=${shell.token}`;
    expect((await request({ path: '/', headers: { cookie: oldCookie } })).status).toBe(403);
    expect((await request({ path: '/api/clients:list', method: 'POST', headers: { cookie: oldCookie }, body: '{}' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await request({ path: `/?token=${shell.token}`, headers: { host: `evil.example:${shell.port}` } });
    expect(res.status).toBe(403);
  });

  it('serves the printed URL as the app with a fresh per-page secret, CSP and bridge, and sets no cookie', async () => {
    const page = await request({ path: `/?token=${shell.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.body.indexOf('/web-bridge.js')).toBeLessThan(page.body.indexOf('./app.js'));
    const secret = /<meta name="aftershock-token" content="([A-Za-z0-9_-]{32})">/.exec(page.body)?.[1];
    expect(secret).toBeDefined();
    expect(secret).not.toBe(shell.token);
    expect(await pageSecret()).not.toBe(secret); // each page load has its own
    expect(JSON.parse((await api('clients:list', {}, secret)).body)).toMatchObject({ ok: true });
    // The app's static files hold no secret and need none.
    const script = await request({ path: '/app.js' });
    expect(script.body).toBe('console.log(1)');
    expect(script.headers['set-cookie']).toBeUndefined();
  });

  it('forgets the oldest page secrets once many pages have loaded', async () => {
    const first = await pageSecret();
    for (let i = 0; i < 64; i++) await pageSecret();
    expect((await api('clients:list', {}, first)).status).toBe(403);
    expect((await api('clients:list', {}, await pageSecret())).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../aftershock-secret.txt', '/%2e%2e/aftershock-secret.txt', '/..%2faftershock-secret.txt']) {
      const res = await request({ path: p });
      expect(res.body).not.toBe('secret');
    }
  });

  it('answers malformed requests with 400 and keeps serving', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(shell.port, '127.0.0.1', () => socket.end(text));
        let answer = '';
        socket.on('data', (c) => (answer += c.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const host = `Host: 127.0.0.1:${shell.port}`;
    const token = `x-aftershock-token: ${shell.token}`;
    const cases = [
      `GET http://[::1 HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /%E0%A4%A HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `GET /index.html%00.js HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
      `POST /api/%E0%A4%A HTTP/1.1\r\n${host}\r\n${token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ];
    for (const text of cases) {
      expect(await raw(text), text).toMatch(/^HTTP\/1\.1 400 /);
      expect((await api('clients:list', {})).status, `still answering after ${text}`).toBe(200);
    }
  });

  it('answers commands through the same dispatcher, and garbage with a clear error', async () => {
    const created = await api('clients:create', { name: 'Web client' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Web client' } });
    const bad = await api('clients:create', { name: '' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await api('system:exec', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    const notJson = await api('clients:list', '{nope');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('The request body is not valid JSON.');
    const huge = await api('clients:create', JSON.stringify({ name: 'x'.repeat(65 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
  });
});

describe.runIf(!!chromePath)('browser shell in Chromium, next to another local server', () => {
  it('gives a server on another 127.0.0.1 port no cookie and no secret when the page navigates there', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end('other');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const otherPort = (other.address() as { port: number }).port;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const entry = await page.goto(shell.url);
      expect(entry?.status()).toBe(200);
      expect(await entry?.headerValue('set-cookie')).toBeNull();
      const secret = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="aftershock-token"]')!.content);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(await page.context().cookies()).toEqual([]);
      await page.goto(`http://127.0.0.1:${otherPort}/`);
      expect(await page.textContent('body')).toBe('other');
      expect(seen.length).toBeGreaterThan(0);
      for (const headers of seen) {
        expect(headers.cookie).toBeUndefined();
        const all = JSON.stringify(headers);
        expect(all).not.toContain(shell.token);
        expect(all).not.toContain(secret);
      }
    } finally {
      await browser.close();
      await new Promise<void>((done) => other.close(() => done()));
    }
  }, 60_000);
});
