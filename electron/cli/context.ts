import type { CommandName, ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';

/** What a CLI subcommand receives. */
export interface CliContext {
  call<K extends CommandName>(name: K, request: unknown): ResponseOf<K>;
  json: boolean;
  /** Every parsed option, for subcommands that take more than --json. */
  options: Record<string, string | boolean | string[] | undefined>;
  out: (text: string) => void;
  /** Says something on stderr, beside the output (e.g. that Chromium prints without its sandbox). */
  err: (text: string) => void;
}

/** A string option a subcommand cannot do without. */
export function requireOption(context: CliContext, name: string, example: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('validation', `This command needs --${name}, e.g. --${name} ${example}.`);
  }
  return value.trim();
}

/** Refuses positional words a subcommand does not take. */
export function noExtraArguments(command: string, extra: readonly string[]): void {
  if (extra.length) throw new AppError('validation', `"${command}" does not take "${extra.join(' ')}".`);
}

/** Reports a wrong or missing verb for a command group. */
export function unknownVerb(group: string, verb: string | undefined, verbs: string[]): never {
  const said = verb ? `"${group} ${verb}" is not a command` : `"${group}" needs a command`;
  throw new AppError('validation', `${said}; use one of: ${verbs.map((v) => `${group} ${v}`).join(', ')}.`);
}

/**
 * Prints a listing and exits 0: the JSON with --json; else `empty` when there is nothing to list (and it is given);
 * else the text `render` makes of the items.
 */
export function printListing<T>(context: CliContext, items: readonly T[], render: (items: readonly T[]) => string, empty?: string): number {
  if (context.json) context.out(JSON.stringify(items, null, 2));
  else if (items.length === 0 && empty !== undefined) context.out(empty);
  else context.out(render(items));
  return 0;
}
