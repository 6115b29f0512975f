// Shell hardening, tested on the pure pieces the Electron and browser shells are built from.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { decideNavigation, decideWindowOpen, isSafeExternalUrl } from '../../electron/main/navigation';
import { CONTENT_SECURITY_POLICY, isAllowedHost, isLoopbackAddress, tokensMatch } from '../../electron/web/security';
import { guardCell, toCsv } from '../../shared/csv';
import { safeFileName } from '../../shared/file-names';
import { commandNames } from '../../shared/ipc/contract';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );
}

describe('Content-Security-Policy', () => {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    fs.readFileSync(path.join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8'),
  )?.[1];

  it.each([
    ['the header sent with every page', CONTENT_SECURITY_POLICY],
    ['the meta tag in renderer/index.html', meta ?? ''],
  ])('%s is strict: same-origin scripts only, no inline or eval, no plugins, no base or form targets', (_label, policy) => {
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe|\*|https?:|ws:/);
  });

  it('the header also forbids framing the app', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('navigation and new windows', () => {
  const page = 'file:///opt/Aftershock/resources/app.asar/out/renderer/index.html';
  it.each([
    ['https://finance.yahoo.com/quote/NVDA', true],
    ['http://example.com/', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['aftershock://open', false],
    ['//evil.com/x', false],
    ['not a url', false],
    ['https://', false],
    ['', false],
  ])('%s may open in the system browser: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: allowed });
    expect(decideNavigation(url, page)).toEqual({ prevent: true, openExternally: allowed });
  });

  it('only a reload of the page itself is allowed to navigate', () => {
    expect(decideNavigation(page, page)).toEqual({ prevent: false, openExternally: false });
    expect(decideNavigation('file:///opt/Aftershock/other.html', page)).toEqual({ prevent: true, openExternally: false });
  });

  it('no random URL ever opens a new window, and only http(s) ever reaches the system browser', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('file:', 'javascript:', 'data:')).map((x) => String(x)),
        (url) => {
          const open = decideWindowOpen(url);
          expect(open.action).toBe('deny');
          if (open.openExternally) expect(['http:', 'https:']).toContain(new URL(url).protocol);
        },
      ),
      { numRuns: 2000, seed: 41 },
    );
  });
});

describe('browser shell access checks', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:192.168.1.20', false],
    ['0.0.0.0', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('peer %s is loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it.each([
    ['127.0.0.1:5000', true],
    ['localhost:5000', true],
    ['[::1]:5000', true],
    ['127.0.0.1:5001', false],
    ['evil.com:5000', false],
    ['127.0.0.1.evil.com:5000', false],
    ['localhost', false],
    [undefined, false],
  ])('Host %s is allowed on port 5000: %s', (host, allowed) => {
    expect(isAllowedHost(host, 5000)).toBe(allowed);
  });

  it('the token must match exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    for (const wrong of [undefined, '', 'ab', 'abcd', 'ABC']) expect(tokensMatch(wrong, 'abc')).toBe(false);
  });
});

describe('CSV export', () => {
  it('every text cell a spreadsheet would read as a formula is written as text; numbers stay numbers; all round-trips', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '=HYPERLINK("http://x")',
        '+1',
        '-1+2',
        '@SUM(A1)',
        '\t=1',
        '\r=1',
        '=1,2',
        '"=1"',
        "Apple;=cmd|' /C calc'!A0",
        'a\t\t+1',
        'x,@y;-z',
      ),
      fc.double(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
        const parsed = Papa.parse<string[]>(
          toCsv(
            padded[0].map((_, i) => `c${i}`),
            padded,
          ),
          { newline: '\r\n', delimiter: ',' },
        ).data.slice(1, padded.length + 1);
        padded.forEach((row, r) =>
          row.forEach((value, c) => {
            const written = parsed[r][c];
            expect(written).toBe(guardCell(value));
            // Text never starts a formula; a negative number stays a number.
            if (typeof value === 'string') {
              // Nor does any part a spreadsheet might split it into (on ",", ";", tab or a line break).
              for (const part of written.split(/[,;\t\r\n]/)) expect(part).not.toMatch(/^[=+\-@]/);
              expect(written).not.toMatch(/^[=+\-@\t\r]/);
            } else if (typeof value === 'number' && Number.isFinite(value)) expect(Number(written) === value).toBe(true);
          }),
        );
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'pdf', '-..-etc-passwd.pdf'],
    ['..', 'pdf', 'report.pdf'],
    ['C:\\Windows\\system32', 'html', 'C--Windows-system32.html'],
    ['CON', 'pdf', '_CON.pdf'],
    ['nul.tar', 'gz', '_nul.tar.gz'],
    ['Lee\u202egpj.exe', 'pdf', 'Leegpj.exe.pdf'],
    ['  .hidden. ', 'json', 'hidden.json'],
    ['Lee household_Retirement_2026-11-29', 'pdf', 'Lee household_Retirement_2026-11-29.pdf'],
    ['report.pdf', 'pdf', 'report.pdf'],
  ])('%j → %s', (raw, extension, expected) => {
    expect(safeFileName(raw, { extension, fallback: 'report' })).toBe(expected);
  });

  it('joined to a folder, any name stays directly inside it on POSIX and Windows', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.constantFrom('..', '.', '/', '\\', ':', 'C:', 'a', '\u0000', ' '), { maxLength: 12 }).map((p) => p.join('')),
        ),
        (raw) => {
          const name = safeFileName(raw, { extension: 'pdf' });
          expect(path.posix.dirname(path.posix.join('/home/u/Reports', name))).toBe('/home/u/Reports');
          expect(path.win32.dirname(path.win32.join('C:\\Users\\u\\Reports', name))).toBe('C:\\Users\\u\\Reports');
          // eslint-disable-next-line no-control-regex
          expect(name).not.toMatch(/^[.\s]|[/\\:*?"<>|\u0000-\u001f]/);
          expect(Array.from(name).length).toBeLessThanOrEqual(124);
        },
      ),
      { numRuns: 3000, seed: 43 },
    );
  });
});

describe('preload surface', () => {
  it('exposes only window.api (one invoke that sends each command on its own channel) and appEvents — never ipcRenderer', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const ipcRenderer = { invoke, on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer,
    }));
    await import('../../electron/preload/index');
    expect([...exposed.keys()].sort()).toEqual(['api', 'appEvents']);
    const api = exposed.get('api')!;
    expect(Object.keys(api)).toEqual(['invoke']);
    for (const value of [...Object.values(api), ...Object.values(exposed.get('appEvents')!)]) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    const send = api.invoke as (name: unknown, request?: unknown) => Promise<unknown>;
    for (const name of commandNames) {
      await send(name, {});
      expect(invoke).toHaveBeenLastCalledWith(name, {});
    }
    // A name that is not a command never reaches a channel.
    for (const name of ['clients:drop', '__proto__', 42])
      expect(await send(name)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(invoke).toHaveBeenCalledTimes(commandNames.length);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    vi.doUnmock('electron');
  });
});
