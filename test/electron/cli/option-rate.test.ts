import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('option-rate');

describe('aftershock securities option-rate', () => {
  const db = path.join(dir, 'rate.sqlite');

  it('says the rate, sets one in percent, refuses one out of range, and goes back to the default', async () => {
    expect((await run(['securities', 'option-rate', '--db', db])).out.trim()).toBe(
      'Options are revalued at a 4.00% interest rate (the default).',
    );
    expect((await run(['securities', 'option-rate', '4.5%', '--db', db])).out.trim()).toBe(
      'Options are revalued at a 4.50% interest rate (yours).',
    );
    expect(JSON.parse((await run(['securities', 'option-rate', '--json', '--db', db])).out)).toEqual({ rate: 0.045, isDefault: false });
    const refused = await run(['securities', 'option-rate', '60', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('The rate must be a percentage above −5 and below 50 (such as 4.5%), or "default", not "60".');
    expect((await run(['securities', 'option-rate', 'default', '--db', db])).out.trim()).toBe(
      'Options are revalued at a 4.00% interest rate (the default).',
    );
  });
});
