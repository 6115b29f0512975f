import type { CommandName, ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';

/** What a CLI subcommand receives. */
export interface CliContext {
  call<K extends CommandName>(name: K, request: unknown): ResponseOf<K>;
  json: boolean;
  out: (text: string) => void;
  /** Options some subcommands take (parsed everywhere on the line). */
  options: { portfolio?: string; by?: string; lookThrough: boolean };
}

/** Reports a wrong or missing verb for a command group. */
export function unknownVerb(group: string, verb: string | undefined, verbs: string[]): never {
  const said = verb ? `"${group} ${verb}" is not a command` : `"${group}" needs a command`;
  throw new AppError('validation', `${said}; use one of: ${verbs.map((v) => `${group} ${v}`).join(', ')}.`);
}

