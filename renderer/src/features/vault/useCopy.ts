// Asks main to put one field on the clipboard (main logs it and clears it later) and shows
// a notice that names what was copied.
import { useCallback } from 'react';
import type { RevealableField } from '../../../../shared/domain';
import { call } from '../../lib/ipc';
import { copiedWhat } from '../../lib/format';
import { useToast } from '../../components/Toast';
import { useVaultData } from '../../state/vault-data';

/** Copies `field`; `what` names it in the notice (a custom field's own name), else the field's. */
export function useCopy(): (id: string, field: RevealableField, what?: string) => Promise<void> {
  const toast = useToast();
  const { used } = useVaultData();
  return useCallback(
    async (id, field, what) => {
      const r = await call('item:copy-field', { id, field });
      if (r.ok) {
        toast.copied(what ?? copiedWhat(field), r.value.clearsInMs);
        used();
      } else toast.error(r.error.message);
    },
    [toast, used],
  );
}
