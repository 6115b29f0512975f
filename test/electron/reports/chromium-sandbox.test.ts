import { describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../../electron/reports/chromium';

const chrome = findChromium();
const isRoot = process.getuid?.() === 0;

/** Launches, checks the browser answers, closes; returns what it was told. */
async function launch(asRoot: boolean): Promise<string[]> {
  const said: string[] = [];
  const browser = await launchChromium(chrome!, { asRoot, say: (s) => said.push(s) });
  try {
    expect(browser.version()).toMatch(/^\d+\./);
  } finally {
    await browser.close();
  }
  return said;
}

describe.skipIf(!chrome)('the Chromium that prints reports keeps its sandbox unless it cannot run', () => {
  it('as root, launches without the sandbox and says why in one sentence', async () => {
    expect(await launch(true)).toEqual([
      'Chromium is printing without its sandbox because Aftershock runs as root, where Chromium refuses it.',
    ]);
  }, 60_000);

  // Chromium refuses its sandbox to root, so "not root" on a root machine makes the sandboxed launch fail for real.
  it.runIf(isRoot)(
    'tries the sandbox first and falls back, saying so, when the sandboxed launch fails (runs only as root)',
    async () => {
      const said = await launch(false);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^Chromium is printing without its sandbox because it could not start with it \(.*sandbox.*\)\.$/i);
    },
    60_000,
  );

  it.runIf(!isRoot)(
    'launches with the sandbox and says nothing when it can (runs only when the tests are not run as root)',
    async () => {
      // Where the sandbox cannot run (no user namespaces), the fallback sentence is the only thing said.
      const said = await launch(false);
      expect(said.length).toBeLessThanOrEqual(1);
      expect(said.filter((s) => !s.startsWith('Chromium is printing without its sandbox because it could not start with it ('))).toEqual(
        [],
      );
    },
    60_000,
  );
});
