import { describe, expect, it } from 'vitest';
import { createJob, type JobStatusBase } from '../../../electron/services/job';

interface Status extends JobStatusBase {
  done: number;
}
const IDLE: Status = { id: 0, state: 'idle', done: 0, message: 'Nothing has run.' };

describe('one job runner', () => {
  it('runs one job at a time, reports progress, and ends with what the work answered', async () => {
    const job = createJob<Status>(IDLE, 'Cancelling…');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = job.start(
      (id) => ({ id, state: 'running', done: 0, message: 'Working…' }),
      async (running) => {
        running.update({ done: 1 });
        await gate;
        return { ...running.status, state: 'done', message: `Did ${running.status.done}.` };
      },
      (error, last) => ({ ...last, state: 'failed', message: String(error) }),
    );
    expect(first).toMatchObject({ id: 1, state: 'running' });
    expect(job.status()).toMatchObject({ done: 1 });
    // A second start while running answers the running job's status and starts nothing.
    expect(
      job.start(
        () => ({ ...IDLE, id: 99, state: 'running' }),
        async () => IDLE,
        () => IDLE,
      ),
    ).toMatchObject({ id: 1, done: 1 });
    release();
    expect(await job.settled()).toEqual({ id: 1, state: 'done', done: 1, message: 'Did 1.' });
    expect(job.isRunning()).toBe(false);
  });

  it('cancels through the signal, and turns a failure (even a synchronous throw) into a final status', async () => {
    const job = createJob<Status>(IDLE, 'Cancelling…');
    job.start(
      (id) => ({ id, state: 'running', done: 0, message: 'Working…' }),
      async (running) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { ...running.status, state: running.signal.aborted ? 'cancelled' : 'done' };
      },
      (_error, last) => last,
    );
    expect(job.cancel()).toMatchObject({ state: 'running', message: 'Cancelling…' });
    expect(await job.settled()).toMatchObject({ id: 1, state: 'cancelled' });
    job.start(
      (id) => ({ id, state: 'running', done: 0, message: 'Working…' }),
      () => {
        throw new Error('boom');
      },
      (error, last) => ({ ...last, state: 'failed', message: `Stopped: ${(error as Error).message}` }),
    );
    expect(await job.settled()).toEqual({ id: 2, state: 'failed', done: 0, message: 'Stopped: boom' });
    expect(job.finishWithout((id) => ({ ...IDLE, id, message: 'No folder was chosen.' }))).toEqual({
      id: 3,
      state: 'idle',
      done: 0,
      message: 'No folder was chosen.',
    });
    // Cancelling when nothing runs changes nothing.
    expect(job.cancel()).toMatchObject({ id: 3, message: 'No folder was chosen.' });
  });
});
