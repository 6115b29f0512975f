// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { WhyPanel } from '../../../renderer/src/views/results/WhyPanel';
import { pos, reference, scenario, sec } from '../../shared/engine/book-builder';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => {
  document.body.innerHTML = '';
});

describe('"why did this move" for an option', () => {
  it('shows the revaluation: underlying move, model value before and after, delta, gamma, volatility and rate', () => {
    const call = pos('NVDA  250620C00150000', 5, 1457, { assetClass: 'other', multiplier: 100, volatility: 0.5 });
    const book = prepareBook([call], 'USD', reference([sec('NVDA', { industry: 'Semiconductors' })]), {
      optionMarket: { asOf: '2025-01-24', rate: 0.04, underlyings: { NVDA: { price: 140, volatility: null } } },
    });
    const s = scenario([{ target: 'industry', value: 'Semiconductors', change: -0.1 }]);
    const result = runScenario(book, s);
    const host = document.createElement('div');
    document.body.append(host);
    act(() => createRoot(host).render(createElement(WhyPanel, { book, scenario: s, position: result.positions[0], onClose: () => {} })));
    const text = host.querySelector('[data-testid="why-option"]')!.textContent!;
    // The story's call (test/shared/engine/ai-bull-book.test.ts): 5 × 100 × 14.574990 → 5 × 100 × 8.521720.
    expect(text).toContain('NVDA at $140.00, −10%');
    expect(text).toContain('$7,287.50 → $4,260.86');
    expect(text).toContain('0.50 · 0.009');
    expect(text).toContain('50% (given) · 4.0% · 0.40 years to expiry');
    expect(host.querySelector('table')!.hidden).toBe(true);
    expect(host.textContent).toContain('NVDA −10% → NVDA 20 Jun 2025 150 C −41.53%');
  });
});
