// The renderer's only door to main: a typed wrapper over `window.api`. Every reply is a
// Result; a `locked` error from any channel tells the app to drop its state and show the
// unlock screen (main may have locked on idle, sleep or from the CLI).
import type { Channel, KeystashApi, RequestOf, ResponseOf } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';

declare global {
  interface Window {
    api: KeystashApi;
  }
}

const lockListeners = new Set<() => void>();

/** Runs `listener` whenever a call comes back `locked`. Returns an unsubscribe function. */
export function onLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, req: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  let res: Result<ResponseOf<C>>;
  try {
    const fn = window.api[channel] as (r: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
    res = await fn(req);
  } catch {
    res = { ok: false, error: { code: 'internal', message: 'Keystash could not reach its background process.' } };
  }
  if (!res.ok && res.error.code === 'locked') for (const l of [...lockListeners]) l();
  return res;
}
