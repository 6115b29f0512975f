import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, logsDir } from '../logging';
import { resolveDbPath } from '../paths';
import { closeServices, createServices } from '../services/services';
import { createSharedPrinter, openChromiumPrinter } from '../reports/chromium';
import { startWebShell } from './server';

declare const __APP_VERSION__: string;

/** `npm run web`: serves the built renderer and the command map on 127.0.0.1 and prints the URL. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { db: { type: 'string' }, port: { type: 'string' }, 'reports-dir': { type: 'string' } },
  });
  const port = Number(values.port ?? process.env.AFTERSHOCK_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const root = path.join(__dirname, '..', '..');
  const dbPath = resolveDbPath({ flag: values.db });
  // Every reports:pdf request queues on one Chromium, launched when first needed (not one browser per request).
  const printer = createSharedPrinter({
    open: () => openChromiumPrinter({ say: (sentence) => console.error(`aftershock web: ${sentence}`) }),
  });
  const services = createServices({
    dbPath,
    log: createLogger(logsDir(path.dirname(dbPath))),
    shell: 'browser',
    version: __APP_VERSION__,
    resourcesDir: path.join(root, 'resources'),
    reportDir: path.join(root, 'out', 'report'),
    printPdf: (html, title) => printer.print(html, title),
    // Batch reports go to the folder given when the shell was started, never to one the page names.
    pickFolder: values['reports-dir'] ? () => path.resolve(values['reports-dir']!) : undefined,
    warn: (sentence) => console.error(`aftershock web: warning: ${sentence}`),
  });
  const shell = await startWebShell({
    services,
    port,
    rendererDir: path.join(root, 'out', 'renderer'),
    bridgeFile: path.join(__dirname, 'bridge.js'),
  });
  console.log(`Aftershock browser shell (loopback only) — database ${services.info.databasePath}`);
  console.log(`Open: ${shell.url}`);
  const stop = () => {
    void Promise.all([shell.close(), printer.close()]).then(() => {
      closeServices(services);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`aftershock web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
