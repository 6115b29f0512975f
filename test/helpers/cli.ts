import { main } from '../../electron/cli/aftershock';

/** What one run of the CLI gave: its exit code and the lines it wrote to stdout and stderr, joined. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `aftershock ...args` in this process (on `db` when given) and captures what it prints. */
export async function runCli(args: readonly string[], db?: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(db === undefined ? [...args] : [...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
