import type { Services } from '../services/services';
import { runBackups } from './backups';
import { runBatch } from './batch';
import { runClients } from './clients';
import type { CliContext } from './context';
import { runHealth } from './health';
import { runReplayCommand, runRisk } from './history';
import { runImport } from './import';
import { runImports } from './imports';
import { PRESETS } from '../../shared/import/presets';
import { listOption, textOption, type CommandSpec, type OptionTable, type OptionValues } from './options';
import { runPortfolios } from './portfolios';
import { runExposure, runMarket, runSecurities } from './reference';
import { runReport } from './report';
import { runScenarios } from './scenarios';
import { runReverse, runStress } from './stress';
import { runBacktestCommand } from './backtest';

/** What a command group's runner receives. */
export interface Invocation {
  context: CliContext;
  /** The open services (opened before the runner starts, unless the group says `database: false`). */
  open(): Services;
  dbPath: string;
  /** The words after the group's name: the verb (if the group has verbs) and its arguments. */
  words: string[];
  values: OptionValues;
}

/** A command group: its commands by verb ('' for a group that is one command) and how to run them. */
export interface CliGroup {
  commands: Record<string, CommandSpec>;
  /** false: runs without opening the database (so it works on one Aftershock refuses). */
  database?: false;
  run(invocation: Invocation): number | Promise<number>;
}

const PORTFOLIO: OptionTable = {
  portfolio: { value: 'NAME|ID', description: 'Which portfolio, by name or id' },
  client: { value: 'NAME', description: 'The client, when several have a portfolio of that name' },
};
const SCENARIO: OptionTable = { scenario: { value: 'ID|FILE', once: true, description: 'A scenario id, or a scenario JSON file' } };
const LOOK_THROUGH: OptionTable = {
  'look-through': { value: 'on|off', description: 'Look through funds to their holdings (default on; a bare --look-through is on)' },
};
const PROXY: OptionTable = {
  proxy: {
    value: 'GROUP=SYMBOL',
    multiple: true,
    description: 'The fund that stands for a group: market=SPY, sector:NAME=SYMBOL or industry:NAME=SYMBOL',
  },
};

/** Every command of the CLI, by group; `aftershock GROUP [VERB] --help` prints a command's table. */
export const GROUPS: Record<string, CliGroup> = {
  portfolios: {
    commands: { list: { synopsis: 'portfolios list', summary: 'List portfolios with their client, positions and value', options: {} } },
    run: ({ context, words: [verb, ...rest] }) => runPortfolios(context, verb, rest),
  },
  clients: {
    commands: {
      list: { synopsis: 'clients list', summary: 'List clients (households) with people, tags and total value', options: {} },
      add: {
        synopsis: 'clients add NAME [options]',
        summary: 'Add a client (household)',
        options: {
          person: { value: 'NAME', multiple: true, description: 'A person of the household' },
          tag: { value: 'TAG', multiple: true, description: 'A tag, to pick clients for a batch' },
          base: { value: 'EUR', description: 'The base currency (default USD)' },
          notes: { value: 'TEXT', description: 'Notes about the client' },
        },
      },
    },
    run: ({ context, words: [verb, ...rest] }) => runClients(context, verb, rest),
  },
  batch: {
    commands: {
      '': {
        synopsis: 'batch --scenario ID [--scenario ID…] [options]',
        summary:
          'Stress every client (or those tagged TAG) and rank them by loss; with --out DIR --pdf, one report PDF per client and a firm summary',
        options: {
          scenario: { value: 'ID', multiple: true, description: 'A scenario to rank by' },
          clients: { value: 'TAG', description: 'Only the clients tagged TAG' },
          out: { value: 'DIR', description: 'The folder for the report PDFs (with --pdf)' },
          pdf: { description: 'Print one report PDF per client and a firm summary into --out' },
          'allow-findings': { description: 'Print reports of portfolios with blocking data-health findings' },
          csv: { description: 'The ranking as CSV' },
        },
      },
    },
    run: ({ context, open, words }) => runBatch(context, open(), words),
  },
  scenarios: {
    commands: {
      list: { synopsis: 'scenarios list', summary: 'List built-in and your own scenarios', options: {} },
      show: { synopsis: 'scenarios show ID', summary: "Show a scenario's shocks and sources", options: {} },
      import: { synopsis: 'scenarios import FILE', summary: 'Add a scenario file to your scenarios', options: {} },
      export: {
        synopsis: 'scenarios export ID [--out FILE]',
        summary: 'Write a scenario as JSON (stdout by default)',
        options: { out: { value: 'FILE', description: 'The file to write' } },
      },
      'from-text': {
        synopsis: 'scenarios from-text FILE [--date YYYY-MM-DD] [--name …] [--publisher …] [--out scenario.json]',
        summary: 'Draft a scenario from a news story (.txt or .html): the moves it reports, matched to securities',
        options: {
          date: { value: 'YYYY-MM-DD', description: "The date of the story (the scenario's event date)" },
          name: { value: 'NAME', description: "The scenario's name" },
          publisher: { value: 'NAME', description: "Who published the story, for the scenario's source" },
          out: { value: 'FILE', description: 'Write the drafted scenario file here (stress --scenario FILE runs it)' },
        },
      },
    },
    run: ({ context, words: [verb, ...rest] }) => runScenarios(context, verb, rest),
  },
  stress: {
    commands: {
      '': {
        synopsis: 'stress --portfolio NAME --scenario ID|FILE [options]',
        summary: 'Apply a scenario: totals, groups, coverage, every position',
        options: {
          ...PORTFOLIO,
          ...SCENARIO,
          ...LOOK_THROUGH,
          by: {
            value: 'DIMENSION',
            description: 'The grouping shown first: sector (default), industry, theme, country, account, assetClass, currency or symbol',
          },
          csv: { description: 'Every position as CSV' },
          propagate: { description: 'Move unshocked holdings by their history-estimated sensitivities to the shocked groups' },
          'as-of': { value: 'DATE', description: 'With --propagate: the history used ends on DATE' },
          ...PROXY,
        },
      },
    },
    run: ({ context, words }) => runStress(context, words),
  },
  replay: {
    commands: {
      '': {
        synopsis: 'replay --portfolio NAME --from DATE --to DATE [options]',
        summary: "What that window did, applied to today's holdings",
        options: {
          ...PORTFOLIO,
          from: { value: 'DATE', description: "The window's first day (YYYY-MM-DD)" },
          to: { value: 'DATE', description: "The window's last day (YYYY-MM-DD)" },
          ...PROXY,
        },
      },
    },
    run: ({ context, words }) => runReplayCommand(context, words),
  },
  risk: {
    commands: {
      '': {
        synopsis: 'risk --portfolio NAME [options]',
        summary: 'Volatility, beta, max drawdown, VaR and CVaR from history',
        options: {
          ...PORTFOLIO,
          'as-of': { value: 'DATE', description: 'The history used ends on DATE' },
          benchmark: { value: 'SYMBOL', description: 'The benchmark for beta (default SPY)' },
        },
      },
    },
    run: ({ context, words }) => runRisk(context, words),
  },
  health: {
    commands: {
      '': {
        synopsis: 'health --portfolio NAME [--scenario ID|FILE]',
        summary: 'The data-health check: what makes numbers wrong or doubtful and how to fix it (exit 1 when something blocks)',
        options: { ...PORTFOLIO, ...SCENARIO },
      },
    },
    run: ({ context, words }) => runHealth(context, words),
  },
  reverse: {
    commands: {
      '': {
        synopsis: 'reverse --portfolio NAME --scenario ID|FILE --loss 20%',
        summary: 'How far a scenario must be scaled to lose that much',
        options: { ...PORTFOLIO, ...SCENARIO, ...LOOK_THROUGH, loss: { value: '20%', description: 'The loss to reach, as 20% or 0.2' } },
      },
    },
    run: ({ context, words }) => runReverse(context, words),
  },
  report: {
    commands: {
      '': {
        synopsis: 'report --portfolio NAME --scenario ID [--scenario ID…] --out report.pdf|report.html [options]',
        summary: 'A client report: PDF through a local Chromium (CHROME_PATH), or one self-contained HTML file',
        options: {
          ...PORTFOLIO,
          scenario: { value: 'ID', multiple: true, description: 'A scenario in the report' },
          out: { value: 'FILE', description: 'report.pdf or report.html' },
          'client-name': { value: 'TEXT', description: "The client's name on the report" },
          advisor: { value: 'TEXT', description: "The advisor's name" },
          firm: { value: 'TEXT', description: "The firm's name" },
          logo: { value: 'FILE', description: 'A .png, .jpg or .svg logo (up to 2 MB)' },
          notes: { value: 'TEXT', description: 'Notes printed in the report' },
          contact: { value: 'TEXT', description: "The advisor's contact line (phone, e-mail)" },
          disclosure: { value: 'TEXT', description: "The firm's own disclosure text, under Important information" },
          accent: { value: '#RRGGBB', description: "The firm's colour for headings" },
          'page-size': { value: 'a4|letter', description: 'Paper size (default: from the system locale, US → Letter)' },
          locale: { value: 'LOCALE', description: 'How dates are written, e.g. en-GB (3 December 2026) or en-US' },
          'group-by': { value: 'DIMENSION', description: 'Each scenario page’s breakdown: sector, theme, account, country, assetClass' },
          appendix: { description: 'Add the appendix: every position per scenario and the full shock lists' },
          'save-firm-defaults': { description: 'Keep the firm, advisor, contact, logo, colour, disclosure and page size for every client' },
          ...LOOK_THROUGH,
          'allow-findings': { description: 'Print a portfolio with blocking data-health findings (they are then on the first page)' },
        },
      },
    },
    run: ({ context, open, words }) => runReport(context, open(), words),
  },
  import: {
    commands: {
      '': {
        synopsis: 'import FILE --portfolio NAME [options]',
        summary: 'Import a broker CSV (positions or transactions); see "aftershock --help" for how each option reads',
        options: {
          portfolio: { value: 'NAME', description: 'The portfolio to import into (created when missing)' },
          client: { value: 'NAME', description: "The portfolio's client (created when missing)" },
          account: { value: 'NAME', description: 'The account the file is for' },
          format: {
            value: 'auto|PRESET',
            description: `The file's format, auto-detected by default; a preset is one of ${PRESETS.map((p) => p.id).join(', ')}`,
          },
          'dry-run': { description: 'Preview only: nothing is written' },
          'if-imported': { value: 'replace|skip', description: 'What to do when the file was imported before' },
          'skip-invalid': { description: 'Import the valid rows and skip the rest' },
          opening: { value: 'SYMBOL=QTY', multiple: true, description: 'The quantity held before a history starts' },
          'keep-short': { value: 'SYMBOL', multiple: true, description: "Keep a history's excess sales as a real short" },
          map: { value: 'FIELD=COLUMN', multiple: true, description: 'The column (header or 1-based number) that feeds a field' },
          'map-file': { value: 'mapping.json', description: 'Column choices as JSON, or a mapping the app saved' },
          locale: { value: 'TAG', description: 'How numbers and dates are written (en-US, de-DE, sv-SE…)' },
          currency: { value: 'CODE', description: 'The currency of a file that names none' },
        },
      },
    },
    run: ({ context, words: [file, ...rest], values }) =>
      runImport(context, file, rest, {
        portfolio: textOption(values, 'portfolio'),
        client: textOption(values, 'client'),
        account: textOption(values, 'account'),
        format: textOption(values, 'format'),
        dryRun: values['dry-run'] === true,
        ifImported: textOption(values, 'if-imported'),
        skipInvalid: values['skip-invalid'] === true,
        opening: listOption(values, 'opening'),
        keepShort: listOption(values, 'keep-short'),
        map: listOption(values, 'map'),
        mapFile: textOption(values, 'map-file'),
        locale: textOption(values, 'locale'),
        currency: textOption(values, 'currency'),
      }),
  },
  imports: {
    commands: {
      list: {
        synopsis: 'imports list --portfolio NAME',
        summary: 'List the imports into a portfolio',
        options: { portfolio: { value: 'NAME', description: 'The portfolio, by name' } },
      },
      undo: { synopsis: 'imports undo ID', summary: 'Undo an import (restores what it replaced)', options: {} },
    },
    run: ({ context, words: [verb, ...rest], values }) => runImports(context, verb, rest, textOption(values, 'portfolio')),
  },
  securities: {
    commands: {
      show: { synopsis: 'securities show SYMBOL', summary: 'Classification of a symbol with the source of each field', options: {} },
      unclassified: { synopsis: 'securities unclassified --portfolio NAME', summary: 'Holdings no source classifies', options: PORTFOLIO },
      duration: {
        synopsis: 'securities duration SYMBOL YEARS|none',
        summary: 'Your duration for a bond fund, used by rate shocks',
        options: {},
      },
      'option-rate': {
        synopsis: 'securities option-rate [PERCENT|default]',
        summary: 'The interest rate options are revalued at (default 4%); with a value, sets it',
        options: {},
      },
    },
    run: ({ context, words: [verb, ...rest] }) => runSecurities(context, verb, rest),
  },
  exposure: {
    commands: {
      '': {
        synopsis: 'exposure --portfolio NAME --by sector|industry|theme|country|symbol [--look-through]',
        summary: "Exposure of a portfolio, optionally through funds' holdings",
        options: {
          ...PORTFOLIO,
          by: { value: 'DIMENSION', description: 'The grouping: sector (default), industry, theme, country or symbol' },
          'look-through': {
            value: 'on|off',
            description: 'Look through funds to their holdings (default off; a bare --look-through is on)',
          },
        },
      },
    },
    run: ({ context, words: [verb] }) => runExposure(context, verb),
  },
  backups: {
    commands: {
      list: { synopsis: 'backups list', summary: 'List the automatic backups of the database, newest first', options: {} },
      restore: {
        synopsis: 'backups restore [N|FILE]',
        summary: 'Replace the database with backup N (default 1, the newest); the replaced file is kept beside it, renamed',
        options: {},
      },
    },
    database: false,
    run: ({ context, dbPath, words: [verb, ...rest] }) => runBackups(dbPath, verb, rest, { json: context.json, out: context.out }),
  },
  market: {
    commands: {
      refresh: {
        synopsis: 'market refresh [--portfolio NAME]',
        summary: 'Download quotes, profiles, fund holdings, history and FX from Yahoo Finance (only symbols are sent)',
        options: PORTFOLIO,
      },
      'stale-days': {
        synopsis: 'market stale-days [DAYS|default]',
        summary: 'How many days old a price may be before the health check flags it (default 7); with a value, sets it',
        options: {},
      },
    },
    run: ({ context, open, words: [verb, ...rest] }) => runMarket(context, open(), verb, rest),
  },
  backtest: {
    commands: {
      '': {
        synopsis: 'backtest [--from DATE] [--to DATE] [--var] [--json|--csv]',
        summary:
          'How well propagation predicted every stress day in the stored history (out of sample), or with --var how often VaR was breached',
        options: {
          from: { value: 'YYYY-MM-DD', description: 'The first stress day to test' },
          to: { value: 'YYYY-MM-DD', description: 'The last stress day to test' },
          var: { description: "Backtest 1-day 95% and 99% VaR (historical and parametric) with Kupiec's test instead" },
          csv: { description: 'Every (ticker, day) prediction as CSV' },
        },
      },
    },
    run: ({ context, open, words }) => runBacktestCommand(context, open(), words),
  },
};

/** The command a line names, or null when the group has verbs and the verb is not one of them. */
export function commandOf(group: CliGroup, words: readonly string[]): CommandSpec | null {
  return group.commands[''] ?? (words[0] !== undefined && Object.hasOwn(group.commands, words[0]) ? group.commands[words[0]] : null);
}

/** Every option any command takes, so a first reading of the line can find the command's words. */
export function allOptionTables(): OptionTable[] {
  return Object.values(GROUPS).flatMap((g) => Object.values(g.commands).map((c) => c.options));
}
