// Short notices at the bottom of the window. A copy notice counts down to the moment main
// clears the clipboard, so the user knows how long the secret stays there.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CheckCircle2, AlertCircle } from 'lucide-react';

interface ToastState {
  id: number;
  kind: 'info' | 'error' | 'copy';
  text: string;
  /** For copy toasts: when the clipboard is cleared (ms since epoch). */
  clearsAt?: number;
}

interface ToastApi {
  info(text: string): void;
  error(text: string): void;
  copied(clearsInMs: number): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const t = useContext(ToastContext);
  if (!t) throw new Error('useToast needs a ToastProvider');
  return t;
}

const INFO_MS = 4000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const nextId = useRef(1);

  const show = useCallback((t: Omit<ToastState, 'id'>) => {
    setNow(Date.now());
    setToast({ ...t, id: nextId.current++ });
  }, []);

  useEffect(() => {
    if (!toast) return;
    const endsAt = toast.clearsAt ?? Date.now() + INFO_MS;
    const tick = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= endsAt) setToast((cur) => (cur?.id === toast.id ? null : cur));
    }, 250);
    return () => window.clearInterval(tick);
  }, [toast]);

  const api = useMemo<ToastApi>(
    () => ({
      info: (text) => show({ kind: 'info', text }),
      error: (text) => show({ kind: 'error', text }),
      copied: (clearsInMs) => show({ kind: 'copy', text: 'Copied', clearsAt: Date.now() + clearsInMs }),
    }),
    [show],
  );

  let text = toast?.text ?? '';
  if (toast?.clearsAt !== undefined) {
    const secs = Math.max(0, Math.ceil((toast.clearsAt - now) / 1000));
    text = `Copied — clears in ${secs} s`;
  }
  const Icon = toast?.kind === 'error' ? AlertCircle : CheckCircle2;
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast ? (
          <div className={`toast toast-${toast.kind}`} data-testid="toast">
            <Icon size={16} aria-hidden="true" />
            <span>{text}</span>
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}
