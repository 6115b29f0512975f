import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

const make = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `aftershock-${name}-`));
const remove = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });

/** A fresh folder under the OS temp folder for the calling test file, removed after its last test. */
export function tempDir(name: string): string {
  const dir = make(name);
  afterAll(() => remove(dir));
  return dir;
}

/** A fresh folder for each test of the calling file, removed after that test: call the result for the current one. */
export function tempDirPerTest(name: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = make(name);
  });
  afterEach(() => remove(dir));
  return () => dir;
}
