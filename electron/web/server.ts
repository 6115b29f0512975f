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

/** How many page secrets stay valid at once; the oldest is forgotten past this (each page load mints one). */
const MAX_PAGE_SECRETS = 64;

/**
 * Serves the renderer and the command map on 127.0.0.1 only. The printed URL's `?token=…` serves the app page
 * with a fresh per-page secret in `<meta name="aftershock-token">`, which the bridge sends as `x-aftershock-token`
 * on every API call. No cookie is ever set: cookies are not port-scoped, so any other server on 127.0.0.1 would
 * receive one. The app's static files (scripts, styles) hold no secret and are served without the token.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const pageSecrets = new Set<string>();
  const mintPageSecret = () => {
    const secret = randomBytes(24).toString('base64url');
    pageSecrets.add(secret);
    if (pageSecrets.size > MAX_PAGE_SECRETS) pageSecrets.delete(pageSecrets.values().next().value!);
    return secret;
  };
  const isApiSecret = (given: string | undefined) =>
    tokensMatch(given, token) || [...pageSecrets].some((secret) => tokensMatch(given, secret));

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHost(req.headers.host, port)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: the Aftershock browser shell answers loopback only.');
    }
    const url = parseRequestUrl(req.url, req.headers.host);
    if (!url) return badRequest(res, 'The request address is not a valid URL.');
    const pathname = safeDecode(url.pathname);
    if (pathname === undefined) return badRequest(res, 'The request address is not valid percent-encoded UTF-8, or holds a NUL character.');

    if (pathname.startsWith('/api/')) {
      const headerToken = req.headers['x-aftershock-token'];
      if (req.method !== 'POST' || !isApiSecret(typeof headerToken === 'string' ? headerToken : undefined)) {
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
        const name = pathname.slice('/api/'.length);
        dispatchAsync(options.services, name, request).then(
          (result) => sendJson(res, 200, result),
          (failure: unknown) => {
            options.services.log?.error({ where: 'web-shell', message: failure instanceof Error ? failure.message : String(failure) });
            sendJson(res, 500, {
              ok: false,
              error: { code: 'internal', message: 'Something went wrong inside Aftershock; nothing was changed.' },
            });
          },
        );
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (pathname === '/' || pathname === '/index.html') {
      const queryToken = url.searchParams.get('token') ?? undefined;
      if (!tokensMatch(queryToken, token)) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: open the address that "npm run web" printed, with its token.');
      }
      res.setHeader('Cache-Control', 'no-store');
      return send(res, 200, TYPES['.html'], renderIndex(options.rendererDir, mintPageSecret()));
    }
    if (pathname === '/web-bridge.js') return sendFile(res, options.bridgeFile);
    const file = path.resolve(options.rendererDir, `.${pathname}`);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) return send(res, 404, 'text/plain', 'Not found');
    return sendFile(res, file);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // Nothing a request carries may stop the shell: answer it and keep serving.
      options.services.log?.error({ where: 'web-shell', message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) badRequest(res, 'The request could not be read.');
      else res.end();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
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

/** index.html with the page's secret and the bridge script placed before the app's own scripts, titled as the browser shell. */
function renderIndex(rendererDir: string, token: string): string {
  const html = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<title>Aftershock</title>', '<title>Aftershock (browser shell)</title>');
  const inject = `<meta name="aftershock-token" content="${token}">\n    <script src="/web-bridge.js"></script>\n    `;
  const at = html.indexOf('<script');
  return at === -1 ? html.replace('</head>', `${inject}</head>`) : html.slice(0, at) + inject + html.slice(at);
}

/** The request's URL, or undefined when it cannot be parsed (e.g. `GET http://[::1 HTTP/1.1`). */
function parseRequestUrl(target: string | undefined, host: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', `http://${host}`);
  } catch {
    return undefined;
  }
}

/** Decodes a path's percent-escapes; undefined for malformed escapes or a NUL character. */
function safeDecode(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return decoded.includes('\0') ? undefined : decoded;
}

function badRequest(res: http.ServerResponse, message: string): void {
  send(res, 400, 'text/plain; charset=utf-8', `Bad request: ${message}`);
}

/** Collects a JSON body up to MAX_BODY_BYTES; past that it drains the rest and reports the overflow. */
function readBody(req: http.IncomingMessage, done: (error: string | null, body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('error', () => undefined); // a client that hangs up mid-body gets no answer, and the shell keeps serving
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
