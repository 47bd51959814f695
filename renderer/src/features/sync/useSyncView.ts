// The sync view from main, refreshed every few seconds while mounted (main syncs on its own:
// after changes, periodically, when the folder changes) and on demand after an action.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncView } from '../../../../shared/sync';
import { call } from '../../lib/ipc';

const REFRESH_MS = 5_000;
/** A vault that does not sync is asked again only now and then (set up from the CLI meanwhile). */
const UNCONFIGURED_REFRESH_MS = 60_000;
const listeners = new Set<() => void>();

/** Tells every mounted sync view (the sidebar line, Settings → Sync) to ask main again now. */
export function syncChanged(): void {
  for (const l of [...listeners]) l();
}

export function useSyncView(): { view: SyncView | null; error: string; refresh: () => Promise<void> } {
  const [view, setView] = useState<SyncView | null>(null);
  const [error, setError] = useState('');
  const asked = useRef({ at: 0, configured: true });
  const refresh = useCallback(async () => {
    asked.current.at = Date.now();
    const r = await call('sync:status', {});
    if (r.ok) {
      asked.current.configured = r.value.configured;
      setView(r.value);
      setError('');
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    void refresh();
    const t = window.setInterval(() => {
      if (asked.current.configured || Date.now() - asked.current.at >= UNCONFIGURED_REFRESH_MS) void refresh();
    }, REFRESH_MS);
    const now = (): void => void refresh();
    listeners.add(now);
    return () => {
      window.clearInterval(t);
      listeners.delete(now);
    };
  }, [refresh]);
  return { view, error, refresh };
}
