// Unsaved edits are never lost silently: whoever is about to navigate, change the selection
// or lock asks `confirmDiscard()` first, which asks the user while an editor is dirty.
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { useConfirm } from '../components/Confirm';

interface GuardApi {
  setDirty(dirty: boolean): void;
  /** Resolves true when it is fine to leave (nothing dirty, or the user chose to discard). */
  confirmDiscard(): Promise<boolean>;
}

const GuardContext = createContext<GuardApi | null>(null);

export function useUnsavedGuard(): GuardApi {
  const g = useContext(GuardContext);
  if (!g) throw new Error('useUnsavedGuard needs an UnsavedGuardProvider');
  return g;
}

export function UnsavedGuardProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(false);
  const confirm = useConfirm();

  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const confirmDiscard = useCallback(async () => {
    if (!dirty.current) return true;
    const ok = await confirm({
      title: 'Discard unsaved changes?',
      message: 'This item has changes that are not saved yet.',
      confirmLabel: 'Discard changes',
      cancelLabel: 'Keep editing',
      danger: true,
    });
    if (ok) dirty.current = false;
    return ok;
  }, [confirm]);

  const api = useMemo(() => ({ setDirty, confirmDiscard }), [setDirty, confirmDiscard]);
  return <GuardContext.Provider value={api}>{children}</GuardContext.Provider>;
}
