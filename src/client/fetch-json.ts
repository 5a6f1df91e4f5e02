/** Why a file could not be read: absent on the server, another HTTP failure, no answer in time, or no connection. */
export type FetchFailure = 'missing' | 'http' | 'timeout' | 'network';

/** A file the browser could not read, with what went wrong and where. */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly failure: FetchFailure;
  readonly path: string;
  constructor(failure: FetchFailure, path: string, detail: string) {
    super(`${detail}: GET ${path}`);
    this.failure = failure;
    this.path = path;
  }
}

/** Milliseconds a request may take before it is abandoned. */
export const fetchTimeout = 8000;

async function once(path: string, timeout: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => { controller.abort(); }, timeout);
  try {
    const response = await fetch(path, { signal: controller.signal });
    if (!response.ok) throw new FetchError(response.status === 404 || response.status === 410 ? 'missing' : 'http', path, `HTTP ${response.status}`);
    return await response.json();
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError('timeout', path, `no answer in ${timeout} ms`);
    if (error instanceof SyntaxError) throw new FetchError('http', path, `not JSON (${error.message})`);
    throw new FetchError('network', path, String(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches and parses a JSON file with a timeout, retrying once unless the server said it does
 * not exist. Rejects with a `FetchError` naming the failure and the path.
 */
export async function fetchJson(path: string, timeout = fetchTimeout): Promise<unknown> {
  try {
    return await once(path, timeout);
  } catch (error) {
    if (error instanceof FetchError && error.failure === 'missing') throw error;
    return once(path, timeout);
  }
}
