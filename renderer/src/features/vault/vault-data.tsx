// Vault-wide facts several views share: the sidebar counts, and a revision number that
// bumps after every change so lists reload.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ItemCounts } from '../../../../shared/ipc-contract';
import { call } from '../../lib/ipc';

interface VaultData {
  counts: ItemCounts | null;
  revision: number;
  /** Call after any change to the vault. */
  changed(): void;
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

  useEffect(() => {
    let live = true;
    void call('item:counts', {}).then((r) => {
      if (live && r.ok) setCounts(r.value);
    });
    return () => {
      live = false;
    };
  }, [revision]);

  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const value = useMemo(() => ({ counts, revision, changed }), [counts, revision, changed]);
  return <VaultDataContext.Provider value={value}>{children}</VaultDataContext.Provider>;
}
