import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatchAsync } from '../handlers/dispatch';
import type { Services } from '../services/services';
import { CONTENT_SECURITY_POLICY, isAllowedHost, isLoopbackAddress, tokensMatch } from './security';

export interface WebShellOptions {
  services: Services;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The built browser bridge script that defines window.api. */
  bridgeFile: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Import files travel in one request; 64 MiB holds a 100,000-row export several times over.
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the renderer and the command map on 127.0.0.1 only. Every request must carry
 * the per-run token: the first page load as ?token=…, which sets an HttpOnly cookie;
 * API calls also in the x-aftershock-token header.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const cookieName = () => `aftershock_token_${port}`;

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHost(req.headers.host, port)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: the Aftershock browser shell answers loopback only.');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const cookieToken = readCookie(req.headers.cookie, cookieName());

    if (url.pathname.startsWith('/api/')) {
      const headerToken = req.headers['x-aftershock-token'];
      if (req.method !== 'POST' || !tokensMatch(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'This request is missing the browser shell token.' } });
      }
      return readBody(req, (error, body) => {
        if (error) return sendJson(res, 413, { ok: false, error: { code: 'validation', message: error } });
        let request: unknown;
        try {
          request = body.length ? JSON.parse(body) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'The request body is not valid JSON.' } });
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        void dispatchAsync(options.services, name, request).then((result) => sendJson(res, 200, result));
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (tokensMatch(queryToken, token)) {
      res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', '/');
      res.setHeader('Cache-Control', 'no-store');
      res.statusCode = 303;
      return res.end();
    }
    if (!tokensMatch(cookieToken, token)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: open the address that "npm run web" printed, with its token.');
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(res, 200, TYPES['.html'], renderIndex(options.rendererDir, token));
    }
    if (url.pathname === '/web-bridge.js') return sendFile(res, options.bridgeFile);
    const file = path.resolve(options.rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) return send(res, 404, 'text/plain', 'Not found');
    return sendFile(res, file);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** index.html with the token and the bridge script placed before the app's own scripts, titled as the browser shell. */
function renderIndex(rendererDir: string, token: string): string {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8').replace('<title>Aftershock</title>', '<title>Aftershock (browser shell)</title>');
  const inject = `<meta name="aftershock-token" content="${token}">\n    <script src="/web-bridge.js"></script>\n    `;
  const at = html.indexOf('<script');
  return at === -1 ? html.replace('</head>', `${inject}</head>`) : html.slice(0, at) + inject + html.slice(at);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Collects a JSON body up to MAX_BODY_BYTES; past that it drains the rest and reports the overflow. */
function readBody(req: http.IncomingMessage, done: (error: string | null, body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) done(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, '');
    else done(null, Buffer.concat(chunks).toString('utf8'));
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendFile(res: http.ServerResponse, file: string): void {
  fs.readFile(file, (error, data) => {
    if (error) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', data);
  });
}
