// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../renderer/src/store/store';
import { useCommand, type CommandOptions, type CommandState } from '../../renderer/src/use-command';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A command whose answers the test releases one by one, in any order. */
function controlled() {
  const asked: { request: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const command = (request: string) => new Promise<string>((resolve, reject) => asked.push({ request, resolve, reject }));
  return { asked, command };
}

let root: Root;
let seen: CommandState<string>;
const initial = useStore.getState();
beforeEach(() => {
  useStore.setState(initial, true);
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

function Probe(props: {
  request: string | null;
  command: (r: string, previous: string | null) => Promise<string>;
  options?: CommandOptions;
}) {
  seen = useCommand(props.request, props.command, props.options);
  return null;
}
const show = (request: string | null, command: (r: string, previous: string | null) => Promise<string>, options?: CommandOptions) =>
  act(async () => root.render(createElement(Probe, { request, command, options })));

describe('useCommand', () => {
  it('keeps only the answer to the latest request, showing the previous one meanwhile', async () => {
    const { asked, command } = controlled();
    await show('a', command);
    expect(seen).toMatchObject({ value: null, loading: true, error: null });
    await act(async () => asked[0].resolve('answer a'));
    expect(seen).toMatchObject({ value: 'answer a', loading: false });

    await show('b', command);
    await show('c', command);
    expect(asked.map((a) => a.request)).toEqual(['a', 'b', 'c']);
    expect(seen).toMatchObject({ value: 'answer a', loading: true });
    await act(async () => asked[2].resolve('answer c'));
    await act(async () => asked[1].resolve('answer b (late)'));
    expect(seen).toMatchObject({ value: 'answer c', loading: false });
  });

  it('asks nothing for a null request, and asks again on rerun', async () => {
    const { asked, command } = controlled();
    await show(null, command);
    expect(asked).toHaveLength(0);
    expect(seen.loading).toBe(false);
    await show('x', command);
    await act(async () => asked[0].resolve('one'));
    await act(async () => seen.rerun());
    expect(asked.map((a) => a.request)).toEqual(['x', 'x']);
    expect(seen).toMatchObject({ value: 'one', loading: true });
    await act(async () => asked[1].resolve('two'));
    expect(seen).toMatchObject({ value: 'two', loading: false });
  });

  it('shows a failure in place by default; as a notice, keeping the last answer, when asked to', async () => {
    const { asked, command } = controlled();
    await show('x', command);
    await act(async () => asked[0].reject(new Error('Prices run to 2025-04-04.')));
    expect(seen).toMatchObject({ value: null, error: 'Prices run to 2025-04-04.', loading: false });
    expect(useStore.getState().notices).toEqual([]);

    await show('y', command, { errors: 'notice' });
    await act(async () => asked[1].resolve('answer y'));
    await show('z', command, { errors: 'notice' });
    await act(async () => asked[2].reject(new Error('No such portfolio.')));
    expect(seen).toMatchObject({ value: 'answer y', error: null, loading: false });
    expect(useStore.getState().notices.map((n) => [n.kind, n.message])).toEqual([['error', 'No such portfolio.']]);
  });

  it('gives the command the previous answer, so it can keep what is still valid', async () => {
    const previousSeen: (string | null)[] = [];
    const command = async (request: string, previous: string | null) => {
      previousSeen.push(previous);
      return `${previous ?? ''}${request}`;
    };
    await show('a', command);
    await show('b', command);
    await show('c', command);
    expect(previousSeen).toEqual([null, 'a', 'ab']);
    expect(seen.value).toBe('abc');
  });

  it('waits out a burst of changes before asking, when given a delay', async () => {
    const { asked, command } = controlled();
    await show('t', command, { delayMs: 30 });
    await show('te', command, { delayMs: 30 });
    await show('tea', command, { delayMs: 30 });
    expect(asked).toHaveLength(0);
    await act(() => new Promise((r) => setTimeout(r, 60)));
    expect(asked.map((a) => a.request)).toEqual(['tea']);
  });
});
