/** Run as a child (through jiti) under a file-size limit: writes argv[3] bytes to argv[2] with writeFileAtomic. */
import { writeFileAtomic } from '../../electron/atomic-write';

try {
  writeFileAtomic(process.argv[2], Buffer.alloc(Number(process.argv[3]), 'x'));
  process.stdout.write('written\n');
} catch (error) {
  process.stdout.write(`${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
}
