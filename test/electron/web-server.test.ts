import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../electron/services/services';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { isLoopbackAddress } from '../../electron/web/security';
import { memoryServices } from '../helpers/services';

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
      { host: '127.0.0.1', port: shell.port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${shell.port}`, ...options.headers } },
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

const cookie = () => `aftershock_token_${shell.port}=${shell.token}`;
const api = (name: string, body: unknown, token = shell.token) =>
  request({ path: `/api/${name}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-aftershock-token': token }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('browser shell server', () => {
  it('listens on loopback only and prints a tokened URL', () => {
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.5')).toBe(false);
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false);
  });

  it('refuses pages and API calls without the token', async () => {
    expect((await request({ path: '/' })).status).toBe(403);
    expect((await request({ path: '/app.js' })).status).toBe(403);
    expect((await request({ path: '/?token=wrong' })).status).toBe(403);
    expect((await api('clients:list', {}, 'wrong-token')).status).toBe(403);
    expect((await request({ path: '/api/clients:list', method: 'POST', headers: { cookie: cookie() }, body: '{}' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await request({ path: `/?token=${shell.token}`, headers: { host: `evil.example:${shell.port}` } });
    expect(res.status).toBe(403);
  });

  it('swaps the URL token for an HttpOnly cookie and serves the app with CSP, bridge and token', async () => {
    const first = await request({ path: `/?token=${shell.token}` });
    expect(first.status).toBe(303);
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request({ path: '/', headers: { cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.body.indexOf('/web-bridge.js')).toBeLessThan(page.body.indexOf('./app.js'));
    expect(page.body).toContain(`<meta name="aftershock-token" content="${shell.token}">`);
    expect((await request({ path: '/app.js', headers: { cookie: cookie() } })).body).toBe('console.log(1)');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../aftershock-secret.txt', '/%2e%2e/aftershock-secret.txt', '/..%2faftershock-secret.txt']) {
      const res = await request({ path: p, headers: { cookie: cookie() } });
      expect(res.body).not.toBe('secret');
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
