import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { loadHeadlineMaster } from '../../../electron/services/headline';
import { closeServices, type Services } from '../../../electron/services/services';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices({ loadReference: true });
});
afterEach(() => closeServices(services));

describe('scenarios:draft', () => {
  it('resolves against the master in the database, the user’s own names over the bundled ones', () => {
    expect(loadHeadlineMaster(services.db).securities).toContainEqual({ symbol: 'ENR.DE', name: 'Siemens Energy AG' });
    call(services, 'securities:classify', { symbol: 'ENR.DE', patch: { name: 'Energy Turbines Plc' } });
    const draft = call(services, 'scenarios:draft', { text: 'Energy Turbines slid 20%. Siemens Energy AG fell 3%.' });
    expect(draft.proposals.map((p: { subject: string; target: { value: string } | null }) => [p.subject, p.target?.value ?? null])).toEqual(
      [
        ['Energy Turbines', 'ENR.DE'],
        ['Siemens Energy AG', null],
      ],
    );
    expect(draft.unmatched).toEqual(['Siemens Energy AG (−3%)']);
  });

  it('gives the draft an id no scenario has, so saving it never overwrites one', () => {
    const first = call(services, 'scenarios:draft', {
      text: 'Nvidia slid 10%.',
      name: 'Chip rout',
      date: '2025-01-27',
      publisher: 'Reuters',
    });
    expect(first.scenario).toMatchObject({
      id: 'chip-rout',
      name: 'Chip rout',
      event: { date: '2025-01-27', sources: [{ title: 'Reuters, 2025-01-27' }] },
    });
    call(services, 'scenarios:save', { scenario: first.scenario });
    expect(call(services, 'scenarios:draft', { text: 'Nvidia slid 10%.', name: 'Chip rout' }).scenario.id).toBe('chip-rout-2');
    expect(call(services, 'scenarios:draft', { text: 'Nvidia slid 10%.' }).scenario.id).toBe('news-story');
  });

  it('refuses a text over 1 MB naming the limit, and a date that is not YYYY-MM-DD', () => {
    const huge = dispatch(services, 'scenarios:draft', { text: 'x'.repeat(1_000_001) });
    expect(huge).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message:
          'The request "scenarios:draft" was rejected: text must be at most 1 MB (1,000,000 characters): paste the story itself rather than a whole page.',
      },
    });
    expect(dispatch(services, 'scenarios:draft', { text: 'Nvidia slid 10%.', date: '27 Jan' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('date must be a date in YYYY-MM-DD form') },
    });
  });
});
