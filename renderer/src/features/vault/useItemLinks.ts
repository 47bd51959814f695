// Copy an item's one-time code, copy its first web address, open it: for the shortcuts and
// the context menu. Main does each (the code's secret and the clipboard stay there).
import { useCallback, useMemo } from 'react';
import { call } from '../../lib/ipc';
import { useToast } from '../../components/Toast';
import { useVaultData } from '../../state/vault-data';

export interface ItemLinks {
  copyCode(id: string): Promise<void>;
  copyUrl(id: string): Promise<void>;
  openUrl(id: string): Promise<void>;
}

export function useItemLinks(): ItemLinks {
  const toast = useToast();
  const { used } = useVaultData();
  const copyCode = useCallback(
    async (id: string) => {
      const r = await call('item:copy-totp', { id });
      if (!r.ok) return toast.error(r.error.message);
      toast.copied('One-time code', r.value.clearsInMs);
      used();
    },
    [toast, used],
  );
  const copyUrl = useCallback(
    async (id: string) => {
      const r = await call('item:copy-url', { id, index: 0 });
      if (r.ok) toast.copied('Web address', r.value.clearsInMs);
      else toast.error(r.error.message);
    },
    [toast],
  );
  const openUrl = useCallback(
    async (id: string) => {
      const r = await call('item:open-url', { id, index: 0 });
      if (!r.ok) toast.error(r.error.message);
    },
    [toast],
  );
  return useMemo(() => ({ copyCode, copyUrl, openUrl }), [copyCode, copyUrl, openUrl]);
}
