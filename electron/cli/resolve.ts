import fs from 'node:fs';
import type { PortfolioSummary } from '../../shared/domain/types';
import type { Scenario } from '../../shared/engine';
import { AppError } from '../../shared/ipc/result';
import { parseScenario } from '../services/scenario-library';
import { requireOption, type CliContext } from './context';

/** Finds the portfolio named by --portfolio (a name or an id), using --client when the name is shared. */
export function resolvePortfolio(context: CliContext): PortfolioSummary {
  const wanted = requireOption(context, 'portfolio', '"Growth & AI"');
  const client = typeof context.options.client === 'string' ? context.options.client.toLowerCase() : null;
  const all = context.call('portfolios:list', {});
  const matches = all.filter(
    (p) =>
      (p.name.toLowerCase() === wanted.toLowerCase() || String(p.id) === wanted) &&
      (client === null || p.clientName.toLowerCase() === client),
  );
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const names = all.map((p) => `"${p.name}"`).join(', ') || 'none yet';
    throw new AppError(
      'not-found',
      `There is no portfolio "${wanted}"${client ? ` for client "${context.options.client}"` : ''}. Portfolios: ${names}.`,
    );
  }
  throw new AppError(
    'validation',
    `Several clients have a portfolio "${wanted}" (${matches.map((p) => p.clientName).join(', ')}); add --client NAME.`,
  );
}

/** The scenario given by --scenario: a library id, or a path to a scenario JSON file. */
export function resolveScenario(context: CliContext): { scenarioId?: string; scenario?: Scenario } {
  const all = scenarioOptions(context);
  if (all.length > 1) throw new AppError('validation', 'This command takes one --scenario; "aftershock report" takes several.');
  const given = all[0];
  const looksLikeFile = given.endsWith('.json') || given.includes('/') || given.includes('\\');
  if (!looksLikeFile) return { scenarioId: given };
  let text: string;
  try {
    text = fs.readFileSync(given, 'utf8');
  } catch (error) {
    throw new AppError('not-found', `Cannot read the scenario file "${given}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return { scenario: parseScenario(text, `The scenario file "${given}"`) };
}

/** Reads --loss as a fraction: "20%" or "0.2" → 0.2. */
export function parseLoss(context: CliContext): number {
  const text = requireOption(context, 'loss', '20%');
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw new AppError('validation', `--loss must be a loss such as 20% or 0.2, not "${text}".`);
  return value;
}

/** Every --scenario given (at least one). */
export function scenarioOptions(context: CliContext): string[] {
  const value = context.options.scenario as unknown;
  const all = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).map((v: string) => v.trim()).filter(Boolean);
  if (all.length === 0) throw new AppError('validation', 'This command needs --scenario, e.g. --scenario ai-capex-collapse.');
  return all;
}
