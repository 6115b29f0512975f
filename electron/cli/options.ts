import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One option of a CLI command: a flag, or one that takes a value (named by `value` in the usage, e.g. "NAME"). */
export interface CliOption {
  value?: string;
  /** May be given several times; the values are collected in order. */
  multiple?: boolean;
  /** Collected like `multiple` only so that the command can refuse a second one in its own words. */
  once?: boolean;
  short?: string;
  description: string;
}

export type OptionTable = Record<string, CliOption>;

/** What a command's options parse to. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** A value-taking option's value, or undefined when it was not given. */
export function textOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values, in order ([] when none was given). */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** A command's usage line, what it does and the options it takes (beside the global ones). */
export interface CommandSpec {
  /** What follows "aftershock", e.g. "stress" or "clients add NAME". */
  synopsis: string;
  summary: string;
  options: OptionTable;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionTable = {
  db: { value: 'PATH', description: "Database file (default: $AFTERSHOCK_DB, else the app's user-data folder)" },
  json: { description: 'Machine-readable output on stdout' },
  debug: { description: "Show stack traces and the log file's path on errors" },
  help: { short: 'h', description: 'Show this help' },
  version: { short: 'v', description: 'Show the version' },
};

/** The parseArgs form of option tables: a flag is a boolean that defaults to false. */
export function parseArgsOptions(...tables: OptionTable[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const table of tables) {
    for (const [name, o] of Object.entries(table)) {
      options[name] =
        o.value === undefined
          ? { type: 'boolean', default: false, ...(o.short ? { short: o.short } : {}) }
          : { type: 'string', ...(o.multiple || o.once ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
    }
  }
  return options;
}

/** Parses a command line against option tables; unknown options throw (parseArgs' ERR_PARSE_ARGS_* errors). */
export function parseOptions(args: string[], tables: OptionTable[], strict: boolean): { values: OptionValues; positionals: string[] } {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict, options: parseArgsOptions(...tables) });
  return { values: values as OptionValues, positionals };
}

function optionRows(table: OptionTable): string[] {
  const heads = Object.entries(table).map(([name, o]) => {
    const long = `--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' …' : ''}`;
    return [o.short ? `-${o.short}, ${long}` : long, o.description + (o.multiple ? ' (repeatable)' : '')];
  });
  const width = Math.max(...heads.map(([head]) => head.length));
  return heads.map(([head, text]) => `  ${head.padEnd(width)}  ${text}`);
}

/** A command's help: its usage line, what it does, its options and the global ones. */
export function commandHelp(spec: CommandSpec): string {
  const own = Object.keys(spec.options).length ? ['', 'Options:', ...optionRows(spec.options)] : ['', 'Options: none of its own.'];
  return [`Usage: aftershock ${spec.synopsis}`, `  ${spec.summary}`, ...own, '', 'Global options:', ...optionRows(GLOBAL_OPTIONS)].join(
    '\n',
  );
}

/** The option a parseArgs error is about, e.g. "--pdf" from "Unknown option '--pdf'. …". */
export function unknownOptionOf(error: unknown): string | null {
  const code = (error as { code?: string }).code;
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return null;
  return /'([^']+)'/.exec((error as Error).message)?.[1] ?? null;
}
