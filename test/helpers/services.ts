import path from 'node:path';
import { createApi } from '../../shared/ipc/client';
import type { CommandName, RequestArgs, ResponseOf } from '../../shared/ipc/contract';
import { dispatch } from '../../electron/handlers/dispatch';
import { createServices, type CreateServicesOptions, type Services } from '../../electron/services/services';

export const RESOURCES = path.join(__dirname, '..', '..', 'resources');

/**
 * Real services on the database at `dbPath` (a file, or ':memory:'); unlike the app, no sample and no bundled
 * reference data unless asked for.
 */
export function testServices(dbPath: string, options: Partial<CreateServicesOptions> = {}): Services {
  return createServices({
    dbPath,
    shell: 'test',
    version: '0.0.0-test',
    resourcesDir: RESOURCES,
    ...options,
    seedSample: options.seedSample ?? false,
    loadReference: options.loadReference ?? false,
  });
}

/** Real services on an in-memory database (no sample and no bundled reference data unless asked for). */
export function memoryServices(options: Partial<CreateServicesOptions> = {}): Services {
  return testServices(':memory:', options);
}

/** A window.api backed by the real dispatcher, as the preload would give it. */
export function apiFor(services: Services) {
  return createApi(async (name, request) => structuredClone(dispatch(services, name, request)));
}

/** Calls a command and returns its value (typed by the contract), failing the test on an error result. */
export function call<K extends CommandName>(services: Services, name: K, ...request: RequestArgs<K>): ResponseOf<K> {
  const result = dispatch(services, name, request[0] ?? {});
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as ResponseOf<K>;
}
