// Asks main to put one field on the clipboard (main logs it and clears it later) and shows
// the countdown toast.
import { useCallback } from 'react';
import type { RevealableField } from '../../../../shared/domain';
import { call } from '../../lib/ipc';
import { useToast } from '../../components/Toast';
import { useVaultData } from '../../state/vault-data';

export function useCopy(): (id: string, field: RevealableField) => Promise<void> {
  const toast = useToast();
  const { used } = useVaultData();
  return useCallback(
    async (id, field) => {
      const r = await call('item:copy-field', { id, field });
      if (r.ok) {
        toast.copied(r.value.clearsInMs);
        used();
      } else toast.error(r.error.message);
    },
    [toast, used],
  );
}
