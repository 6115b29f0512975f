// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingForm } from '../../renderer/src/components/SettingForm';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
let events: string[];
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  events = [];
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const show = (draft: string | null, isValid: boolean, withReset: boolean) =>
  act(async () =>
    root.render(
      createElement(SettingForm, {
        className: 'stale-days',
        statement: 'Prices more than 7 days old are flagged.',
        changeLabel: 'Change',
        current: '7',
        label: 'Flag prices older than, in days',
        draft,
        inputMode: 'numeric',
        isValid,
        expected: 'A whole number of days from 1 to 3,650.',
        onDraft: (next) => events.push(`draft:${next}`),
        onSave: () => events.push('save'),
        reset: withReset ? { label: 'Use 7 (default)', onReset: () => events.push('reset') } : undefined,
      }),
    ),
  );
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);

describe('SettingForm', () => {
  it('states the setting until it is changed, then starts the field at the current value', async () => {
    await show(null, false, false);
    expect(host.querySelector('form')).toBeNull();
    expect(host.textContent).toBe('Prices more than 7 days old are flagged. Change');
    await act(async () => button('Change')!.click());
    expect(events).toEqual(['draft:7']);
  });

  it('keeps Save from an invalid value and says what a valid one is', async () => {
    await show('0', false, false);
    expect(button('Save')?.disabled).toBe(true);
    expect(host.querySelector('.warn')?.textContent).toBe(' A whole number of days from 1 to 3,650.');
    expect(host.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    await act(async () => host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(events).toEqual([]);
  });

  it('saves a valid value on Enter, offers the default only when given one, and closes on Escape or Cancel', async () => {
    await show('3', true, true);
    expect(host.querySelector('.warn')).toBeNull();
    await act(async () => host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await act(async () => button('Use 7 (default)')!.click());
    await act(async () => host.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await act(async () => button('Cancel')!.click());
    expect(events).toEqual(['save', 'reset', 'draft:null', 'draft:null']);
    await show('3', true, false);
    expect(button('Use 7 (default)')).toBeUndefined();
  });
});
