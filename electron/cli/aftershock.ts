import path from 'node:path';
import type { ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { DatabaseRefusedError } from '../db/open-database';
import { dispatch } from '../handlers/dispatch';
import { createLogger, logsDir } from '../logging';
import { resolveDbPath } from '../paths';
import { closeServices, createServices, type Services } from '../services/services';
import { allOptionTables, commandOf, GROUPS, type CliGroup } from './commands';
import type { CliContext } from './context';
import { commandHelp, GLOBAL_OPTIONS, parseOptions, unknownOptionOf } from './options';
import { terminalSafe } from './terminal';
import { PRESETS } from '../../shared/import/presets';

declare const __APP_VERSION__: string;

/** `text` wrapped at spaces into lines of at most `width` characters, each indented by `indent` spaces. */
function wrapped(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

const HELP = `Aftershock — portfolio stress-testing from the command line.

Usage: aftershock <command> [options]

Commands:
  portfolios list              List portfolios with their client, positions and value
  clients list                 List clients (households) with people, tags and total value
  clients add NAME [--person NAME…] [--tag TAG…] [--base EUR] [--notes …]
                               Add a client (household)
  batch --scenario ID [--scenario ID…] [--clients TAG] [--out DIR --pdf [--allow-findings]] [--json|--csv]
                               Stress every client (or those tagged TAG) and rank them by
                               loss, per client and per portfolio; the run is saved with
                               today's date. With --out DIR --pdf: one report PDF per
                               client and a firm summary PDF (exit 1 if any failed)
  scenarios list               List built-in and your own scenarios
  scenarios show ID            Show a scenario's shocks and sources
  scenarios import FILE        Add a scenario file to your scenarios
  scenarios export ID [--out FILE]
                               Write a scenario as JSON (stdout by default)
  scenarios from-text FILE [--date YYYY-MM-DD] [--name …] [--publisher …] [--out scenario.json]
                               Draft a scenario from a news story (.txt, or .html with tags
                               stripped): each reported move, the security, index or sector it
                               names, size, sentence and confidence; names not matched are
                               listed. --out writes a file "stress --scenario FILE" accepts
  stress --portfolio NAME --scenario ID|FILE [--look-through on|off]
         [--by sector|industry|theme|country|account|assetClass|currency|symbol] [--csv]
                               Apply a scenario: totals, groups, coverage, every position
         [--propagate [--as-of DATE]] [--proxy market=SYMBOL|sector:NAME=SYMBOL|industry:NAME=SYMBOL …]
                               …and move unshocked holdings by their history-estimated
                               sensitivities to the shocked groups (history up to DATE)
  replay --portfolio NAME --from DATE --to DATE [--proxy …]
                               What that window did, applied to today's holdings
  risk --portfolio NAME [--as-of DATE] [--benchmark SPY]
                               Volatility, beta, max drawdown, VaR and CVaR from history
  backtest [--from DATE] [--to DATE] [--csv]
                               Propagation's track record: on every stress day (SPY ±2%,
                               SMH ±4%, dated events) in the stored history, each ticker's
                               move estimated from the proxies' actual moves against what
                               it did; errors against no move and a market beta, band hits
  backtest --var [--from DATE] [--to DATE] [--csv]
                               Rolling 1-day 95%/99% historical and parametric VaR of every
                               stored series and three sample books: breaches and Kupiec's
                               test (default: the last 1,000 trading days)
  health --portfolio NAME [--scenario ID|FILE]
                               The data-health check: what makes numbers wrong or doubtful
                               and how to fix it, with the dates behind them (exit 1 when
                               something blocks)
  reverse --portfolio NAME --scenario ID|FILE --loss 20%
                               How far a scenario must be scaled to lose that much
  report --portfolio NAME --scenario ID [--scenario ID…] --out report.pdf|report.html
         [--client-name …] [--advisor …] [--firm …] [--logo image.png] [--notes …]
         [--allow-findings]    A client report: PDF through a local Chromium (CHROME_PATH),
                               or one self-contained HTML file; a portfolio with blocking
                               data-health findings needs --allow-findings (they are then
                               on the first page)
  import FILE --portfolio NAME Import a broker CSV (positions or transactions)
      [--client NAME] [--account NAME] [--format auto|<preset>] [--dry-run]
      [--if-imported replace|skip] [--skip-invalid]
      [--opening SYMBOL=QTY …] [--keep-short SYMBOL …]
      [--map FIELD=COLUMN …] [--map-file mapping.json] [--locale TAG] [--currency CODE]
      A history that sells more than it shows bought starts mid-way: by default
      such a holding is treated as closed (clamped at zero, listed as a finding).
      --opening SYMBOL=QTY gives the quantity held before the file starts;
      --keep-short SYMBOL keeps it as a real short. ACCOUNT:SYMBOL names one account.
      Headers in English, German, French, Dutch, Swedish, Danish, Norwegian, Finnish,
      Italian, Spanish and Portuguese are read. When a column is not found (or the wrong
      one is), --map FIELD=COLUMN chooses it by its header name (or 1-based number), e.g.
      --map symbol=Instrument --map quantity="Antal"; FIELD is one of symbol, isin,
      description, quantity, price, marketValue, costBasis, currency, date, action,
      side, amount, fees, account, accountNumber, priceCurrency, securityType, balance
      (an empty COLUMN unmaps it). --map-file takes the same as JSON: {"quantity":
      "Antal", …} or a mapping the app saved ({"columns": {"quantity": 4, …}}); the
      columns chosen are saved for the next file of the same layout. --locale (en-US,
      en-GB, de-DE, sv-SE, fr-FR…) says how numbers (1,234) and dates (03/04/2024) are
      written when the file leaves it open; --currency CODE is the currency of a file that
      names none (else the portfolio's, and the preview says so). With --json a refusal is printed on stdout
      as { ok: false, code, message, header, suggestions } (exit 1); nothing is
      created for a refused file.
${wrapped(`formats: ${PRESETS.map((p) => p.id).join(', ')} (auto-detected by default)`, 6, 84)}
  imports list --portfolio NAME  List the imports into a portfolio
  imports undo ID              Undo an import (restores what it replaced)
  securities show SYMBOL       Classification of a symbol with the source of each field
  securities unclassified --portfolio NAME
                               Holdings no source classifies
  securities duration SYMBOL YEARS|none
                               Your duration for a bond fund, used by rate shocks
  securities option-rate [PERCENT|default]
                               The interest rate options are revalued at (default 4%);
                               with a value, sets it
  exposure --portfolio NAME --by sector|industry|theme|country|symbol [--look-through]
                               Exposure of a portfolio, optionally through funds' holdings
  backups list                 List the automatic backups of the database, newest first
  backups restore [N|FILE]     Replace the database with backup N (default 1, the newest);
                               the replaced file is kept beside it, renamed
  market refresh [--portfolio NAME]
                               Download quotes, profiles, fund holdings, history and FX
                               from Yahoo Finance (only symbols are sent)
  market stale-days [DAYS|default]
                               How many days old a price may be before the health check
                               flags it (default 7); with a value, sets it

Options (accepted anywhere on the line):
  --db PATH     Database file (default: $AFTERSHOCK_DB, else the app's user-data folder)
  --portfolio NAME|ID, --client NAME   Which portfolio (the client disambiguates a shared name)
  --json        Machine-readable output on stdout
  --debug       Show stack traces and the log file's path on errors (unexpected
                errors are always logged to "logs" beside the database)
  -h, --help    Show this help; after a command, that command's options
  -v, --version Show the version
`;

/**
 * `--look-through` is a bare switch for exposure and takes on|off for stress and reverse:
 * a bare one (last, or followed by another option) is read as "on".
 */
function normaliseFlags(argv: string[]): string[] {
  return argv.flatMap((arg, i) => {
    if (arg !== '--look-through') return [arg];
    const next = argv[i + 1];
    return next !== undefined && !next.startsWith('--') ? [arg] : ['--look-through=on'];
  });
}

/** The help of a group's command, or of all its commands when the line names none of them. */
function groupHelp(group: CliGroup, words: readonly string[]): string {
  const spec = commandOf(group, words);
  return spec ? commandHelp(spec) : Object.values(group.commands).map(commandHelp).join('\n\n');
}

/** Runs the CLI and resolves to the exit code. Exported for tests. */
export async function main(argv: string[], terminal = { out: console.log, err: console.error }): Promise<number> {
  // The one way out to the terminal: names, scenario files and errors may carry escape sequences.
  const io = {
    out: (text: string) => terminal.out(terminalSafe(String(text))),
    err: (text: string) => terminal.err(terminalSafe(String(text))),
  };
  const args = normaliseFlags(argv);
  // A first, lenient reading finds the command's words; that command's own option table then reads the line strictly.
  const loose = parseOptions(args, [GLOBAL_OPTIONS, ...allOptionTables()], false);
  const [name, ...words] = loose.positionals;
  const group = name !== undefined && Object.hasOwn(GROUPS, name) ? GROUPS[name] : undefined;
  if (loose.values.help === true) {
    io.out(group ? groupHelp(group, words) : HELP);
    return 0;
  }
  const spec = group ? commandOf(group, words) : null;
  let parsed;
  try {
    // An unknown verb is read with its group's options so that the group names the verbs it has.
    const tables = spec ? [spec.options] : group ? Object.values(group.commands).map((c) => c.options) : allOptionTables();
    parsed = parseOptions(args, [GLOBAL_OPTIONS, ...tables], true);
  } catch (error) {
    const option = unknownOptionOf(error);
    if (spec && option) {
      const command = [name, group?.commands[''] ? undefined : words[0]].filter(Boolean).join(' ');
      io.err(`aftershock: Unknown option '${option}' for "${command}".\n${commandHelp(spec)}`);
    } else io.err(`aftershock: ${(error as Error).message}. Run "aftershock --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev');
    return 0;
  }
  if (name === undefined) {
    io.out(HELP);
    return 2;
  }
  if (!group) {
    io.err(`aftershock: unknown command "${name}". Run "aftershock --help" to see the commands.`);
    return 2;
  }

  const dbPath = resolveDbPath({ flag: typeof values.db === 'string' ? values.db : undefined });
  const log = createLogger(logsDir(path.dirname(dbPath)));
  const report = (error: unknown) => {
    if (!(error instanceof AppError) || error.code === 'internal' || error.code === 'database') {
      log.error({
        where: `cli ${positionals.slice(0, 2).join(' ')}`,
        code: error instanceof AppError ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
        detail: error instanceof AppError ? error.detail : error instanceof Error ? error.stack : undefined,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    // Backups help with a bad file, not with a read-only folder, a full disk or a lock.
    const wayOut =
      error instanceof DatabaseRefusedError && !['read-only', 'disk-full', 'busy'].includes(error.reason)
        ? ' See "aftershock backups list" and "aftershock backups restore" to go back to an automatic backup.'
        : '';
    io.err(`aftershock: ${message}${wayOut}`);
    if (values.debug) {
      if (error instanceof AppError && error.detail) io.err(error.detail);
      if (error instanceof Error && error.stack) io.err(error.stack);
      io.err(`Log file: ${log.file}`);
    }
    return 1;
  };

  let services: Services | undefined;
  const open = () =>
    (services ??= createServices({
      dbPath,
      log,
      shell: 'cli',
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
      resourcesDir: path.join(__dirname, '..', '..', 'resources'),
      warn: (sentence) => io.err(`aftershock: warning: ${sentence}`),
    }));
  try {
    if (group.database !== false) open();
    const context: CliContext = {
      json: values.json === true,
      options: values,
      out: io.out,
      err: io.err,
      call(command, request) {
        const result = dispatch(open(), command, request);
        if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.detail);
        return result.value as ResponseOf<typeof command>;
      },
    };
    return await group.run({ context, open, dbPath, words, values });
  } catch (error) {
    return report(error);
  } finally {
    if (services) closeServices(services);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
