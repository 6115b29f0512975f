import type { z } from 'zod';
import { commands, isCommandName, type CommandName, type RequestOf } from './contract';
import { AppError } from './result';

/** Formats zod issues as one sentence naming each offending field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'request';
      return `${where} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    })
    .join('; ');
}

/** Checks a raw request against its command's schema; throws AppError('validation') when it does not fit. */
export function validateRequest<K extends CommandName>(name: K, raw: unknown): RequestOf<K> {
  const parsed = commands[name].request.safeParse(raw ?? {});
  if (!parsed.success) {
    const fields = describeIssues(parsed.error.issues);
    throw new AppError('validation', `The request "${name}" was rejected: ${fields}.`, JSON.stringify(parsed.error.issues.slice(0, 5)));
  }
  return parsed.data as RequestOf<K>;
}

/** Checks that a command name is declared; throws AppError('unknown-command') otherwise. */
export function assertCommandName(name: unknown): CommandName {
  if (!isCommandName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 60)}"` : typeof name;
    throw new AppError('unknown-command', `There is no command ${shown}.`);
  }
  return name;
}
