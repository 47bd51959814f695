// Short notices in the window's bottom corner, and the clipboard's clear countdown. A notice
// names what happened ("Password copied — clears in 30 s"), may carry one action (Undo), and
// fades after a few seconds; the shell dismisses it when the user moves to another page. The
// countdown to the clipboard being cleared stays visible, quietly, in the sidebar's footer
// (ClipboardCountdown) for as long as main will keep the value there.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AlertCircle, CheckCircle2, ClipboardCheck } from 'lucide-react';

interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastState {
  id: number;
  kind: 'info' | 'error' | 'copy';
  text: string;
  action?: ToastAction | undefined;
}

interface ClipboardState {
  /** What was copied, e.g. "Password". */
  what: string;
  /** When main clears the clipboard (ms since epoch). */
  clearsAt: number;
}

interface ToastApi {
  info(text: string, action?: ToastAction): void;
  error(text: string): void;
  /** `what` names the value, capitalised: "Password", "One-time code". */
  copied(what: string, clearsInMs: number): void;
  dismiss(): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const ClipboardContext = createContext<ClipboardState | null>(null);

export function useToast(): ToastApi {
  const t = useContext(ToastContext);
  if (!t) throw new Error('useToast needs a ToastProvider');
  return t;
}

/** How long a notice stays; one with an action (Undo) stays longer, so it can be reached. */
const SHOW_MS = 4000;
const SHOW_WITH_ACTION_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const [clipboard, setClipboard] = useState<ClipboardState | null>(null);
  const nextId = useRef(1);

  const show = useCallback((t: Omit<ToastState, 'id'>) => setToast({ ...t, id: nextId.current++ }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast((cur) => (cur?.id === toast.id ? null : cur)), toast.action ? SHOW_WITH_ACTION_MS : SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);

  useEffect(() => {
    if (!clipboard) return;
    const timer = window.setTimeout(() => setClipboard((cur) => (cur === clipboard ? null : cur)), Math.max(0, clipboard.clearsAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [clipboard]);

  const api = useMemo<ToastApi>(
    () => ({
      info: (text, action) => show({ kind: 'info', text, action }),
      error: (text) => show({ kind: 'error', text }),
      copied: (what, clearsInMs) => {
        setClipboard({ what, clearsAt: Date.now() + clearsInMs });
        show({ kind: 'copy', text: `${what} copied — clears in ${Math.round(clearsInMs / 1000)} s` });
      },
      dismiss: () => setToast(null),
    }),
    [show],
  );

  const Icon = toast?.kind === 'error' ? AlertCircle : CheckCircle2;
  return (
    <ToastContext.Provider value={api}>
      <ClipboardContext.Provider value={clipboard}>{children}</ClipboardContext.Provider>
      <div className="toast-region" role="status" aria-live="polite">
        {toast ? (
          <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast">
            <Icon size={14} aria-hidden="true" />
            <span>{toast.text}</span>
            {toast.action ? (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.action?.run();
                  setToast(null);
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}

/** "Password · clears in 24 s", while main will keep it on the clipboard; nothing otherwise. */
export function ClipboardCountdown() {
  const clipboard = useContext(ClipboardContext);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!clipboard) return;
    setNow(Date.now());
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [clipboard]);
  if (!clipboard) return null;
  const secs = Math.max(0, Math.ceil((clipboard.clearsAt - now) / 1000));
  return (
    <p className="clipboard-countdown" data-testid="clipboard-countdown" title={`${clipboard.what} stays on the clipboard for ${secs} s more`}>
      <ClipboardCheck size={14} aria-hidden="true" />
      <span className="clipboard-countdown-text">
        <span className="clipboard-countdown-what">{clipboard.what} · clears in </span>
        {secs} s
      </span>
    </p>
  );
}
