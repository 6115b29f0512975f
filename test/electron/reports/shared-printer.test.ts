import { describe, expect, it } from 'vitest';
import { createSharedPrinter, findChromium, openChromiumPrinter, type ChromiumPrinter } from '../../../electron/reports/chromium';

/** A printer that records launches, closes and how many prints ran at once. */
function fakeBrowsers(options: { failOn?: string } = {}) {
  const log = { launches: 0, closes: 0, running: 0, mostAtOnce: 0, printed: [] as string[] };
  const open = async (): Promise<ChromiumPrinter> => {
    log.launches++;
    return {
      async print(html) {
        log.running++;
        log.mostAtOnce = Math.max(log.mostAtOnce, log.running);
        await new Promise((done) => setTimeout(done, 5));
        log.running--;
        if (html === options.failOn) throw new Error('the page crashed');
        log.printed.push(html);
        return Buffer.from(`%PDF ${html}`);
      },
      async close() {
        log.closes++;
      },
    };
  };
  return { log, open };
}

describe('the shared printer of the browser shell', () => {
  it('prints 8 parallel requests on one browser, one at a time, each getting its own PDF', async () => {
    const { log, open } = fakeBrowsers();
    const printer = createSharedPrinter({ open, idleMs: 10_000 });
    const pdfs = await Promise.all(Array.from({ length: 8 }, (_, i) => printer.print(`report ${i}`, 't')));
    expect(pdfs.map((b) => b.toString())).toEqual(Array.from({ length: 8 }, (_, i) => `%PDF report ${i}`));
    expect(log).toMatchObject({ launches: 1, mostAtOnce: 1, closes: 0 });
    await printer.close();
    expect(log.closes).toBe(1);
  });

  it('closes the browser when idle and launches again for the next request', async () => {
    const { log, open } = fakeBrowsers();
    const printer = createSharedPrinter({ open, idleMs: 20 });
    await printer.print('a', 't');
    await new Promise((done) => setTimeout(done, 80));
    expect(log).toMatchObject({ launches: 1, closes: 1 });
    await printer.print('b', 't');
    expect(log.launches).toBe(2);
    await printer.close();
  });

  it('a failed print fails only its own request and the next one gets a fresh browser', async () => {
    const { log, open } = fakeBrowsers({ failOn: 'bad' });
    const printer = createSharedPrinter({ open, idleMs: 10_000 });
    const results = await Promise.allSettled([printer.print('one', 't'), printer.print('bad', 't'), printer.print('three', 't')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toMatchObject({ launches: 2, closes: 1, printed: ['one', 'three'] });
    await printer.close();
  });

  it.runIf(!!findChromium())(
    'prints real PDFs from parallel requests with a single Chromium launch',
    async () => {
      let launches = 0;
      const printer = createSharedPrinter({ open: () => (launches++, openChromiumPrinter()) });
      const page = (n: number) =>
        `<!doctype html><html><body><h1>Report ${n}</h1><script>document.body.dataset.ready = 'true'</script></body></html>`;
      try {
        const pdfs = await Promise.all([1, 2, 3, 4].map((n) => printer.print(page(n), `Report ${n}`)));
        for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(launches).toBe(1);
      } finally {
        await printer.close();
      }
    },
    120_000,
  );
});
