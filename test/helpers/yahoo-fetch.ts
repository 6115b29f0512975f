import fs from 'node:fs';
import path from 'node:path';

/** Recorded Yahoo response in the yahoo-finance2 v3 fixture format. */
interface Recording {
  request: { url: string };
  response: { status: number; headers?: Record<string, string | string[]>; bodyJson?: unknown; body?: string };
}

export const SHARED_YAHOO_FIXTURES = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'yahoo-fixtures', 'v3');
export const OWN_YAHOO_FIXTURES = path.join(__dirname, '..', 'fixtures', 'yahoo');

/** The route a Yahoo URL asks for: "quote:AAPL", "summary:QQQ", "chart:EURUSD=X", "search:US0378331005", or null. */
export function routeOf(url: string): string | null {
  const u = new URL(url);
  if (u.pathname.startsWith('/v7/finance/quote')) return `quote:${u.searchParams.get('symbols')}`;
  if (u.pathname.startsWith('/v1/finance/search')) return `search:${u.searchParams.get('q')}`;
  const summary = u.pathname.match(/^\/v10\/finance\/quoteSummary\/([^/]+)$/);
  if (summary) return `summary:${decodeURIComponent(summary[1])}`;
  const chart = u.pathname.match(/^\/v8\/finance\/chart\/([^/]+)$/);
  if (chart) return `chart:${decodeURIComponent(chart[1])}`;
  return null;
}

function respond(recording: Recording['response']): Response {
  const body = recording.bodyJson !== undefined ? JSON.stringify(recording.bodyJson) : (recording.body ?? '');
  return new Response(body, { status: recording.status, headers: { 'content-type': 'application/json' } });
}

/**
 * A fetch that answers Yahoo requests from recordings, matched by route (endpoint + symbol) since
 * dates and crumbs in URLs differ run to run. The cookie/crumb handshake is answered in place.
 * Every URL asked for is kept in `requests`, to check that only symbols leave the machine.
 */
export function fixtureFetch(dirs: string[], options: { prefer?: (file: string) => number } = {}) {
  const routes = new Map<string, { file: string; recording: Recording }>();
  for (const dir of dirs) {
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const recording = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Recording;
      if (!recording?.request?.url) continue;
      const route = routeOf(recording.request.url);
      if (!route) continue;
      const existing = routes.get(route);
      const rank = options.prefer ?? ((f: string) => (f.startsWith('historical-via-chart') || f.startsWith('quoteSummary-all') ? 1 : 0));
      if (!existing || rank(file) > rank(existing.file)) routes.set(route, { file, recording });
    }
  }
  const requests: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    requests.push(url);
    if (url.includes('/v1/test/getcrumb')) return new Response('test-crumb', { status: 200 });
    if (url.startsWith('https://finance.yahoo.com/')) {
      return new Response('<html></html>', {
        status: 200,
        headers: { 'set-cookie': 'A3=d=test; Max-Age=3600; Domain=.yahoo.com; Path=/; Secure' },
      });
    }
    const route = routeOf(url);
    const hit = route ? routes.get(route) : undefined;
    if (!hit)
      return new Response(
        JSON.stringify({ finance: { result: null, error: { code: 'Not Found', description: `No fixture for ${route}` } } }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      );
    return respond(hit.recording.response);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests, routes: [...routes.keys()].sort() };
}

/** A fetch that fails like a machine without network. */
export const offlineFetch = (async () => {
  throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND query2.finance.yahoo.com') });
}) as typeof fetch;
