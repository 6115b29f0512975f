import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { dispatch } from '../handlers/dispatch';
import { createLogger, logsDir } from '../logging';
import { resolveDbPath } from '../paths';
import { closeServices, createServices, type Services } from '../services/services';
import { runBatch } from './batch';
import { runPortfolios } from './portfolios';
import { runClients } from './clients';
import { runImport } from './import';
import { runImports } from './imports';
import { runBackups } from './backups';
import { DatabaseRefusedError } from '../db/open-database';
import { runExposure, runMarket, runSecurities } from './reference';
import type { CliContext } from './context';
import { runReport } from './report';
import { runScenarios } from './scenarios';
import { runReplayCommand, runRisk } from './history';
import { runReverse, runStress } from './stress';
import { runHealth } from './health';
import { runBacktestCommand } from './backtest';

declare const __APP_VERSION__: string;

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
      formats: fidelity-positions, fidelity-activity, schwab-positions,
      schwab-transactions, vanguard, ibkr-flex, trading212, degiro, revolut,
      freetrade, generic (auto-detected by default)
  imports list --portfolio NAME  List the imports into a portfolio
  imports undo ID              Undo an import (restores what it replaced)
  securities show SYMBOL       Classification of a symbol with the source of each field
  securities unclassified --portfolio NAME
                               Holdings no source classifies
  securities duration SYMBOL YEARS|none
                               Your duration for a bond fund, used by rate shocks
  exposure --portfolio NAME --by sector|industry|theme|country|symbol [--look-through]
                               Exposure of a portfolio, optionally through funds' holdings
  backups list                 List the automatic backups of the database, newest first
  backups restore [N|FILE]     Replace the database with backup N (default 1, the newest);
                               the replaced file is kept beside it, renamed
  market refresh [--portfolio NAME]
                               Download quotes, profiles, fund holdings, history and FX
                               from Yahoo Finance (only symbols are sent)

Options (accepted anywhere on the line):
  --db PATH     Database file (default: $AFTERSHOCK_DB, else the app's user-data folder)
  --portfolio NAME|ID, --client NAME   Which portfolio (the client disambiguates a shared name)
  --json        Machine-readable output on stdout
  --debug       Show stack traces and the log file's path on errors (unexpected
                errors are always logged to "logs" beside the database)
  -h, --help    Show this help
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

/** Runs the CLI; returns the exit code (a promise for commands that wait on the network). Exported for tests. */
export function main(argv: string[], io = { out: console.log, err: console.error }): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: normaliseFlags(argv),
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        portfolio: { type: 'string' },
        client: { type: 'string' },
        clients: { type: 'string' },
        person: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        base: { type: 'string' },
        pdf: { type: 'boolean', default: false },
        'allow-findings': { type: 'boolean', default: false },
        scenario: { type: 'string', multiple: true },
        'client-name': { type: 'string' },
        advisor: { type: 'string' },
        firm: { type: 'string' },
        logo: { type: 'string' },
        notes: { type: 'string' },
        'look-through': { type: 'string' },
        by: { type: 'string' },
        loss: { type: 'string' },
        propagate: { type: 'boolean', default: false },
        var: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        benchmark: { type: 'string' },
        proxy: { type: 'string', multiple: true },
        out: { type: 'string' },
        debug: { type: 'boolean', default: false },
        account: { type: 'string' },
        format: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'if-imported': { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        opening: { type: 'string', multiple: true },
        'keep-short': { type: 'string', multiple: true },
        map: { type: 'string', multiple: true },
        'map-file': { type: 'string' },
        locale: { type: 'string' },
        currency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err(`aftershock: ${(error as Error).message}. Run "aftershock --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev');
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.out(HELP);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }

  let services: Services | undefined;
  let isAsync = false;
  const dbPath = resolveDbPath({ flag: values.db });
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
    const wayOut = error instanceof DatabaseRefusedError
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
  try {
    if (positionals[0] === 'backups') {
      return runBackups(dbPath, positionals[1], positionals.slice(2), { json: values.json, out: io.out });
    }
    services = createServices({
      dbPath,
      log,
      shell: 'cli',
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
      resourcesDir: path.join(__dirname, '..', '..', 'resources'),
    });
    const open = services;
    const context: CliContext = {
      json: values.json,
      options: values,
      out: io.out,
      call(name, request) {
        const result = dispatch(open, name, request);
        if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.detail);
        return result.value as ResponseOf<typeof name>;
      },
    };
    const [group, verb, ...rest] = positionals;
    switch (group) {
      case 'portfolios':
        return runPortfolios(context, verb, rest);
      case 'clients':
        return runClients(context, verb, rest);
      case 'scenarios':
        return runScenarios(context, verb, rest);
      case 'stress':
        return runStress(context, [verb, ...rest].filter((x) => x !== undefined));
      case 'report':
        isAsync = true;
        return runReport(context, open, [verb, ...rest].filter((x) => x !== undefined)).catch(report).finally(() => closeServices(open));
      case 'batch':
        isAsync = true;
        return runBatch(context, open, [verb, ...rest].filter((x) => x !== undefined)).catch(report).finally(() => closeServices(open));
      case 'backtest':
        return runBacktestCommand(context, open, [verb, ...rest].filter((x) => x !== undefined));
      case 'health':
        return runHealth(context, [verb, ...rest].filter((x) => x !== undefined));
      case 'reverse':
        return runReverse(context, [verb, ...rest].filter((x) => x !== undefined));
      case 'replay':
        return runReplayCommand(context, [verb, ...rest].filter((x) => x !== undefined));
      case 'risk':
        return runRisk(context, [verb, ...rest].filter((x) => x !== undefined));
      case 'imports':
        return runImports(context, verb, rest, values.portfolio);
      case 'import':
        return runImport(context, verb, rest, {
          portfolio: values.portfolio,
          client: values.client,
          account: values.account,
          format: values.format,
          dryRun: values['dry-run'],
          ifImported: values['if-imported'],
          skipInvalid: values['skip-invalid'],
          opening: values.opening ?? [],
          keepShort: values['keep-short'] ?? [],
          map: values.map ?? [],
          mapFile: values['map-file'],
          locale: values.locale,
          currency: values.currency,
        });
      case 'securities':
        return runSecurities(context, verb, rest);
      case 'exposure':
        return runExposure(context, verb);
      case 'market':
        isAsync = true;
        return runMarket(context, open, verb, rest)
          .catch(report)
          .finally(() => closeServices(open));
      default:
        io.err(`aftershock: unknown command "${group}". Run "aftershock --help" to see the commands.`);
        return 2;
    }
  } catch (error) {
    return report(error);
  } finally {
    if (services && !isAsync) closeServices(services);
  }
}

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
