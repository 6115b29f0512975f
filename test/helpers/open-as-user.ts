/**
 * Run as a child (through jiti) by tests that need a user who cannot write somewhere: opens the database given as
 * argv[2] the way the app does, tries one write, and prints what happened as one JSON line.
 */
import path from 'node:path';
import { dispatch } from '../../electron/handlers/dispatch';
import { DatabaseRefusedError } from '../../electron/db/open-database';
import { recoveryFor } from '../../electron/db/recovery';
import { closeServices, createServices } from '../../electron/services/services';

const RESOURCES = path.join(__dirname, '..', '..', 'resources');

function main(): unknown {
  let services;
  try {
    services = createServices({ dbPath: process.argv[2], shell: 'test', version: 't', resourcesDir: RESOURCES });
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError)) return { thrown: String(error) };
    return { refused: { reason: error.reason, message: error.message, choices: recoveryFor(error).choices.map((c) => c.id) } };
  }
  try {
    const listed = dispatch(services, 'clients:list', {});
    const written = dispatch(services, 'clients:create', { name: 'Written' });
    return {
      opened: true,
      clients: listed.ok ? (listed.value as unknown[]).length : null,
      write: written.ok ? { ok: true } : { ok: false, message: written.error.message },
    };
  } finally {
    closeServices(services);
  }
}

process.stdout.write(`${JSON.stringify(main())}\n`);
