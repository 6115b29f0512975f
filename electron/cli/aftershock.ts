import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { dispatch } from '../handlers/dispatch';
import { resolveDbPath } from '../paths';
import { closeServices, createServices, type Services } from '../services/services';
import { runPortfolios } from './portfolios';
import { runClients } from './clients';
import { runExposure, runMarket, runSecurities } from './reference';
import type { CliContext } from './context';

declare const __APP_VERSION__: string;

const HELP = `Aftershock — portfolio stress-testing from the command line.

Usage: aftershock <command> [options]

Commands:
  portfolios list              List portfolios with their client, positions and value
  clients list                 List clients (households)
  securities show SYMBOL       Classification of a symbol with the source of each field
  securities unclassified --portfolio NAME
                               Holdings no source classifies
  exposure --portfolio NAME --by sector|industry|theme|country|symbol [--look-through]
                               Exposure of a portfolio, optionally through funds' holdings
  market refresh [--portfolio NAME]
                               Download quotes, profiles, fund holdings, history and FX
                               from Yahoo Finance (only symbols are sent)

Options (accepted anywhere on the line):
  --db PATH     Database file (default: $AFTERSHOCK_DB, else the app's user-data folder)
  --json        Machine-readable output on stdout
  --debug       Show stack traces on errors
  -h, --help    Show this help
  -v, --version Show the version
`;

/** Runs the CLI; returns the exit code (a promise for commands that wait on the network). Exported for tests. */
export function main(argv: string[], io = { out: console.log, err: console.error }): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        portfolio: { type: 'string' },
        by: { type: 'string' },
        'look-through': { type: 'boolean', default: false },
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
  const report = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`aftershock: ${message}`);
    if (values.debug) {
      if (error instanceof AppError && error.detail) io.err(error.detail);
      if (error instanceof Error && error.stack) io.err(error.stack);
    }
    return 1;
  };
  try {
    services = createServices({
      dbPath: resolveDbPath({ flag: values.db }),
      shell: 'cli',
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
      resourcesDir: path.join(__dirname, '..', '..', 'resources'),
    });
    const open = services;
    const context: CliContext = {
      json: values.json,
      out: io.out,
      options: { portfolio: values.portfolio, by: values.by, lookThrough: values['look-through'] },
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
