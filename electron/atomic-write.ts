import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file whole or not at all: the bytes go to a temporary name in the same folder, are flushed to disk
 * (fsync), and only then renamed over the final name, so a full disk or a crash never leaves a truncated file
 * under that name (an earlier file there stays as it was). The temporary file is removed when anything fails.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(target));
}

/** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the file itself is already whole on disk.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
