// The number of health findings for the sidebar, kept current: a check runs after unlock and
// again a moment after every change to the items (an edit, a delete, an import). Main runs one
// check at a time and keeps password scores in an encrypted cache, so a check after a small
// change only rescores what changed; it yields to the event loop as it goes. A first check of
// a vault over AUTO_LIMIT items scores every password (minutes of work at 100,000), so there
// it starts from the Health page, and the count follows every change after that.
import { useEffect, useState } from 'react';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';

/** Waits for a burst of changes (a bulk edit, typing then saving) to settle. */
const SETTLE_MS = 800;
const AUTO_LIMIT = 10_000;

let latest: number | undefined;
const listeners = new Set<(n: number | undefined) => void>();

export function publishHealthCount(n: number | undefined): void {
  latest = n;
  for (const l of listeners) l(n);
}

export function useHealthCount(): number | undefined {
  const { structure, counts } = useVaultData();
  const size = counts ? counts.all + counts.trash : undefined;
  const [count, setCount] = useState<number | undefined>(latest);
  useEffect(() => {
    listeners.add(setCount);
    return () => {
      listeners.delete(setCount);
    };
  }, []);
  const checkedOnce = count !== undefined;
  useEffect(() => {
    if (size === undefined || (size > AUTO_LIMIT && !checkedOnce)) return;
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
  }, [structure, size, checkedOnce]);
  return count;
}
