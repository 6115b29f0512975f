import fs from 'node:fs';
import path from 'node:path';
import { signedPercent } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { writeFileAtomic } from '../atomic-write';
import { noExtraArguments, unknownVerb, type CliContext } from './context';
import { renderTable } from './table';
import { runFromText } from './from-text';

/** `aftershock scenarios list|show ID|import FILE|export ID [--out FILE]|from-text FILE`. */
export function runScenarios(context: CliContext, verb: string | undefined, rest: string[]): number {
  switch (verb) {
    case 'list': {
      noExtraArguments('scenarios list', rest);
      const list = context.call('scenarios:list', {});
      if (context.json) return (context.out(JSON.stringify(list, null, 2)), 0);
      context.out(
        renderTable(
          ['ID', 'Name', 'Shocks', 'Date', 'Kind'],
          list.map((s) => [s.id, s.name, String(s.shockCount), s.date ?? '', s.builtIn ? 'built-in' : 'yours']),
          [false, false, true, false, false],
        ),
      );
      return 0;
    }
    case 'show': {
      const [id, ...extra] = rest;
      if (!id) throw new AppError('validation', 'Say which scenario to show, e.g. "aftershock scenarios show ai-capex-collapse".');
      noExtraArguments('scenarios show ID', extra);
      const { scenario, builtIn } = context.call('scenarios:get', { id });
      if (context.json) return (context.out(JSON.stringify({ ...scenario, builtIn }, null, 2)), 0);
      context.out(`${scenario.name}${builtIn ? ' (built-in)' : ''}\n${scenario.description}\n`);
      context.out(
        renderTable(
          ['#', 'Target', 'Value', 'Change', 'Note'],
          scenario.shocks.map((s, i) => [
            String(i + 1),
            s.target,
            s.value,
            signedPercent(s.change) + (s.enabled ? '' : ' (off)'),
            s.note ?? '',
          ]),
          [true, false, false, true, false],
        ),
      );
      if (scenario.event) {
        const when = scenario.event.date ?? `${scenario.event.window?.from} → ${scenario.event.window?.to}`;
        context.out(`\nEvent: ${when}; basis ${scenario.event.basis.timing}, ${scenario.event.basis.returns} returns.`);
        for (const source of scenario.event.sources)
          context.out(`Source: ${source.title}${source.url ? `, ${source.url}` : ''}${source.note ? ` — ${source.note}` : ''}`);
      }
      return 0;
    }
    case 'import': {
      const [file, ...extra] = rest;
      if (!file) throw new AppError('validation', 'Say which file to import, e.g. "aftershock scenarios import my-scenario.json".');
      noExtraArguments('scenarios import FILE', extra);
      let json: string;
      try {
        json = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppError('not-found', `Cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      const saved = context.call('scenarios:import', { json, fileName: path.basename(file) });
      context.out(context.json ? JSON.stringify(saved, null, 2) : `Imported “${saved.name}” as ${saved.id}.`);
      return 0;
    }
    case 'export': {
      const [id, ...extra] = rest;
      if (!id) throw new AppError('validation', 'Say which scenario to export, e.g. "aftershock scenarios export ai-capex-collapse".');
      noExtraArguments('scenarios export ID', extra);
      const { json } = context.call('scenarios:export', { id });
      const out = context.options.out;
      if (typeof out === 'string') {
        writeFileAtomic(out, json);
        context.out(`Wrote ${out}.`);
      } else context.out(json.trimEnd());
      return 0;
    }
    case 'from-text':
      return runFromText(context, rest);
    default:
      return unknownVerb('scenarios', verb, ['list', 'show', 'import', 'export', 'from-text']);
  }
}
