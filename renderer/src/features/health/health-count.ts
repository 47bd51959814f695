// The number of health findings for the sidebar, kept current: a check runs after unlock and
// again a moment after every change to the items (an edit, a delete, an import), whatever the
// vault's size. Main runs one check at a time and keeps password scores in an encrypted
// cache, so a check after a small change only rescores what changed; it yields to the event
// loop as it goes, so it never blocks the window.
import { useEffect, useState } from 'react';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';

/** Waits for a burst of changes (a bulk edit, typing then saving) to settle. */
const SETTLE_MS = 800;

let latest: number | undefined;
const listeners = new Set<(n: number | undefined) => void>();

export function publishHealthCount(n: number | undefined): void {
  latest = n;
  for (const l of listeners) l(n);
}

export function useHealthCount(): number | undefined {
  const { structure } = useVaultData();
  const [count, setCount] = useState<number | undefined>(latest);
  useEffect(() => {
    listeners.add(setCount);
    return () => {
      listeners.delete(setCount);
    };
  }, []);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void call('health:report', {}).then((r) => {
        if (live && r.ok) publishHealthCount(r.value.findings.length);
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [structure]);
  return count;
}
