// The number of health findings for the sidebar. Computing health reads every secret in
// main, so it runs by itself only for vaults up to AUTO_LIMIT items; bigger vaults get their
// count once the Health page has computed a report.
import { useEffect, useState } from 'react';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';

const AUTO_LIMIT = 1_000;

let latest: number | undefined;
const listeners = new Set<(n: number | undefined) => void>();

export function publishHealthCount(n: number | undefined): void {
  latest = n;
  for (const l of listeners) l(n);
}

export function useHealthCount(): number | undefined {
  const { counts, revision } = useVaultData();
  const [count, setCount] = useState<number | undefined>(latest);
  useEffect(() => {
    listeners.add(setCount);
    return () => {
      listeners.delete(setCount);
    };
  }, []);
  const size = counts?.all;
  useEffect(() => {
    if (size === undefined || size > AUTO_LIMIT) return;
    let live = true;
    void call('health:report', {}).then((r) => {
      if (live && r.ok) publishHealthCount(r.value.findings.length);
    });
    return () => {
      live = false;
    };
  }, [size, revision]);
  return count;
}
