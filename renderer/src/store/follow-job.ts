const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows a job main runs in the background (batch reports, the firm-wide run, the market refresh): shows its first
 * status, then asks for the next every `everyMs` while it is running, showing each; answers the last. A failure to
 * ask ends the following and is thrown, for the caller's `attempt`.
 */
export async function followJob<S extends { state: string }>(
  first: S,
  next: () => Promise<S>,
  show: (status: S) => void,
  everyMs: number,
): Promise<S> {
  let status = first;
  show(status);
  while (status.state === 'running') {
    await wait(everyMs);
    status = await next();
    show(status);
  }
  return status;
}
