// Vault-wide facts several views share: the sidebar counts, and revision numbers that bump
// after changes so views reload. Using a field (copy, reveal) only moves last-used times, so
// it refreshes the detail views but spares the list (100,000 rows) and the counts.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ItemCounts } from '../../../shared/domain';
import { call } from '../lib/ipc';

interface VaultData {
  counts: ItemCounts | null;
  /** Bumps on every change, usage included. */
  revision: number;
  /** Bumps when items are added, edited, moved or removed. */
  structure: number;
  /** Call after any change to the vault's items. */
  changed(): void;
  /** Call after a copy or reveal (it only moved a last-used time and added history). */
  used(): void;
}

const VaultDataContext = createContext<VaultData | null>(null);

export function useVaultData(): VaultData {
  const v = useContext(VaultDataContext);
  if (!v) throw new Error('useVaultData needs a VaultDataProvider');
  return v;
}

export function VaultDataProvider({ children }: { children: ReactNode }) {
  const [counts, setCounts] = useState<ItemCounts | null>(null);
  const [revision, setRevision] = useState(0);
  const [structure, setStructure] = useState(0);

  useEffect(() => {
    let live = true;
    void call('item:counts', {}).then((r) => {
      if (live && r.ok) setCounts(r.value);
    });
    return () => {
      live = false;
    };
  }, [structure]);

  const changed = useCallback(() => {
    setRevision((r) => r + 1);
    setStructure((r) => r + 1);
  }, []);
  const used = useCallback(() => setRevision((r) => r + 1), []);
  const value = useMemo(() => ({ counts, revision, structure, changed, used }), [counts, revision, structure, changed, used]);
  return <VaultDataContext.Provider value={value}>{children}</VaultDataContext.Provider>;
}
