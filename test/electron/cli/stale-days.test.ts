import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir('stale-days');

describe('aftershock market stale-days', () => {
  const db = path.join(dir, 'stale.sqlite');

  it('says the threshold, sets one that the health check then uses, refuses a bad one, and goes back to the default', async () => {
    expect((await run(['market', 'stale-days', '--db', db])).out.trim()).toBe(
      'Prices more than 7 days old are flagged by the health check (the default).',
    );
    expect((await run(['market', 'stale-days', '3', '--db', db])).out.trim()).toBe(
      'Prices more than 3 days old are flagged by the health check.',
    );
    expect(JSON.parse((await run(['market', 'stale-days', '--json', '--db', db])).out)).toEqual({ staleDays: 3 });
    const health = JSON.parse((await run(['health', '--portfolio', 'Growth & AI', '--json', '--db', db])).out);
    expect(health.staleDays).toBe(3);
    for (const bad of ['0', '2.5', 'week', '4000']) {
      const refused = await run(['market', 'stale-days', bad, '--db', db]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`The number of days must be a whole number from 1 to 3650 (such as 3), or "default", not "${bad}".`);
    }
    expect(JSON.parse((await run(['market', 'stale-days', '--json', '--db', db])).out)).toEqual({ staleDays: 3 });
    expect((await run(['market', 'stale-days', 'default', '--db', db])).out.trim()).toBe(
      'Prices more than 7 days old are flagged by the health check (the default).',
    );
  });
});
