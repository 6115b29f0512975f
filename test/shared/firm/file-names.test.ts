import { describe, expect, it } from 'vitest';
import { slug, uniqueFileName } from '../../../shared/file-names';

describe('OS-safe report file names', () => {
  it.each([
    ['Müller & Söhne', 'muller-sohne'],
    ['Ana/Ben: "Ruiz"?', 'ana-ben-ruiz'],
    ['  ..hidden..  ', 'hidden'],
    ['Großmann', 'grossmann'],
    ['CON', 'con-file'],
    ['lpt1', 'lpt1-file'],
    ['山田', ''],
    ['a'.repeat(80), 'a'.repeat(60)],
    ['C:\\Users\\x*<>|', 'c-users-x'],
  ])('%j → %j', (text, expected) => expect(slug(text)).toBe(expected));

  it('keeps names unique ignoring case and falls back for names with no Latin letters', () => {
    const taken = new Set<string>();
    expect(uniqueFileName([{ text: 'Lee' }, { text: 'Main' }, { text: '2026-03-02' }], 'pdf', taken)).toBe('lee_main_2026-03-02.pdf');
    expect(uniqueFileName([{ text: 'LEE' }, { text: 'Main' }, { text: '2026-03-02' }], 'pdf', taken)).toBe('lee_main_2026-03-02-2.pdf');
    expect(uniqueFileName([{ text: '山田', fallback: 'client-7' }, { text: '' }], 'pdf', taken)).toBe('client-7.pdf');
    expect(uniqueFileName([{ text: '***' }], 'pdf', taken)).toBe('report.pdf');
  });
});
