// Unsaved edits are never lost silently: whoever is about to navigate, change the selection
// or lock asks `confirmDiscard()` first, which asks the user while an editor is dirty. How to
// ask (a dialog) is the app's to say, so app state holds no UI.
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';

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

interface UnsavedGuardProviderProps {
  /** Asks the user whether to throw the unsaved changes away; resolves true for yes. */
  askDiscard: () => Promise<boolean>;
  children: ReactNode;
}

export function UnsavedGuardProvider({ askDiscard, children }: UnsavedGuardProviderProps) {
  const dirty = useRef(false);

  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const confirmDiscard = useCallback(async () => {
    if (!dirty.current) return true;
    const ok = await askDiscard();
    if (ok) dirty.current = false;
    return ok;
  }, [askDiscard]);

  const api = useMemo(() => ({ setDirty, confirmDiscard }), [setDirty, confirmDiscard]);
  return <GuardContext.Provider value={api}>{children}</GuardContext.Provider>;
}
