import { describe, expect, it } from 'vitest';
import { commandNames, commands, isCommandName } from '../../../shared/ipc/contract';
import { createApi } from '../../../shared/ipc/client';
import { AppError } from '../../../shared/ipc/result';
import { assertCommandName, validateRequest } from '../../../shared/ipc/validate';

describe('command contract', () => {
  it('names every command domain:verb, once, and declares a schema for exactly those names', () => {
    for (const name of commandNames) expect(name).toMatch(/^[a-z]+:[a-z]+$/);
    expect(new Set(commandNames).size).toBe(commandNames.length);
    expect(Object.keys(commands)).toEqual([...commandNames]);
  });

  it('builds one invoke that sends exactly the named command and refuses names that are not commands', async () => {
    const sent: string[] = [];
    const api = createApi(async (name) => {
      sent.push(name);
      return { ok: true, value: null };
    });
    expect(Object.keys(api)).toEqual(['invoke']);
    await api.invoke('portfolios:create', { name: 'x' });
    await api.invoke('app:info');
    const refused = await (api.invoke as (name: unknown) => Promise<unknown>)('clients:drop');
    expect(refused).toEqual({ ok: false, error: { code: 'unknown-command', message: 'There is no command "clients:drop".' } });
    expect(sent).toEqual(['portfolios:create', 'app:info']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('does not treat prototype keys as commands', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'clients:drop']) {
      expect(isCommandName(name)).toBe(false);
      expect(() => assertCommandName(name)).toThrow(AppError);
    }
  });

  const rejected: [string, unknown, RegExp][] = [
    ['clients:create', {}, /name/],
    ['clients:create', { name: '   ' }, /name cannot be empty/],
    ['clients:create', { name: 'x'.repeat(201) }, /at most 200/],
    ['clients:create', { name: 'A', extra: 1 }, /unrecognized key/i],
    ['clients:create', { name: 'A', baseCurrency: 'usd' }, /three-letter currency/],
    ['clients:delete', { id: '1' }, /id/],
    ['clients:delete', { id: -3 }, /id/],
    ['clients:delete', { id: 1.5 }, /id/],
    ['portfolios:holdings', null, /id/],
    ['positions:create', { accountId: 1, symbol: 'NVDA', quantity: Number.NaN, price: 1 }, /quantity/],
    ['positions:create', { accountId: 1, symbol: 'NVDA', quantity: Infinity, price: 1 }, /quantity/],
    ['positions:create', { accountId: 1, symbol: "'; DROP TABLE positions; --", quantity: 1, price: 1 }, /symbol/],
    ['positions:create', { accountId: 1, symbol: 'NVDA', quantity: 1, price: -5 }, /price/],
    ['positions:update', { id: 1, patch: {} }, /at least one field/],
    ['positions:update', { id: 1, patch: { id: 2 } }, /unrecognized key/i],
    ['stress:replay', { portfolioId: 1, from: '2025-01-27', to: '2025-01-24' }, /to must be after the from date/],
    ['stress:replay', { portfolioId: 1, from: '24/01/2025', to: '2025-01-27' }, /from must be a date in YYYY-MM-DD form/],
    ['stress:run', { portfolioId: 1, scenarioId: 'x', propagate: true, asOf: 'yesterday' }, /asOf must be a date/],
    ['stress:risk', { portfolioId: 1, benchmark: 'S P Y;' }, /benchmark/],
    ['app:info', [1, 2], /request/],
    ['app:info', 'hello', /request/],
  ];
  it.each(rejected)('rejects %s %j with a sentence naming the field', (name, request, message) => {
    expect(() => validateRequest(name as never, request)).toThrow(message);
    try {
      validateRequest(name as never, request);
    } catch (error) {
      expect((error as AppError).code).toBe('validation');
      expect((error as AppError).message).toMatch(new RegExp(`^The request "${name}" was rejected: .+\\.$`));
    }
  });

  it('normalises what it accepts', () => {
    expect(validateRequest('clients:create', { name: '  Lee household ' })).toEqual({ name: 'Lee household' });
    expect(validateRequest('positions:create', { accountId: 1, symbol: ' nvda ', quantity: -2, price: 0 })).toMatchObject({
      symbol: 'NVDA',
      quantity: -2,
    });
  });
});
