import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createServices, type CreateServicesOptions, type Services } from '../../electron/services/services';

/** The repository root and its bundled resources. */
export const ROOT = path.join(__dirname, '..', '..');
export const RESOURCES = path.join(ROOT, 'resources');

export interface Figure {
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: 'ms';
  /** Median CPU time (user + system) of this process per run: on a shared, loaded machine it moves less than wall time. */
  cpu?: number;
  note?: string;
}

/** Services over `dbPath` as the benchmarks open them: the test shell, the bundled resources, then `options`. */
export function benchServices(dbPath: string, options: Partial<CreateServicesOptions> = {}): Services {
  return createServices({ dbPath, shell: 'test', version: 'bench', resourcesDir: RESOURCES, ...options });
}

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection, so that a timed run is not charged for what setting it up (a database seeded with the
 * bundled reference data) or the run before it left behind. Node exposes `gc` only with --expose-gc; the flag is set
 * here and the function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    v8.setFlagsFromString('--expose-gc');
    fullCollection = vm.runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/** Times `work` several times (after warm-up) and reports the median, min and max in milliseconds. */
export function measure(name: string, work: () => void, options: { runs?: number; warmup?: number; note?: string } = {}): Figure {
  const runs = options.runs ?? 7;
  for (let i = 0; i < (options.warmup ?? 1); i++) work();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times[times.length - 1],
    runs,
    unit: 'ms',
    cpu: cpu[Math.floor(cpu.length / 2)],
    note: options.note,
  };
}

/** The machine the figures were taken on, printed above them. */
export function machineContext(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `node ${process.version} on ${process.platform}/${process.arch}`,
    `${os.cpus().length} × ${cpu}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('\n');
}

/** Prints figures as an aligned table. */
export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const spread = `(min ${f.min.toFixed(2)}, max ${f.max.toFixed(2)}, ${f.runs} runs${f.cpu === undefined ? '' : `; CPU median ${f.cpu.toFixed(2)}`})`;
    console.log(`${f.name.padEnd(width)}  median ${f.median.toFixed(2).padStart(9)} ms  ${spread}${f.note ? `  ${f.note}` : ''}`);
  }
}

/** Starts the built browser shell on a database and resolves with its tokened address once it prints it. */
export async function startWebShell(root: string, db: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [path.join(root, 'out', 'web', 'server.js'), '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /Open: (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', () => reject(new Error(`browser shell exited: ${out}`)));
  });
  return { server, url };
}
