// A promise-based confirmation dialog on the native <dialog>, which traps focus and closes
// on Esc by itself. The safe choice has focus first, so Enter never destroys anything.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import { useModalDialog } from './useModalDialog';

interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

type ConfirmFn = (o: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<ConfirmFn | null>(null);

export function useConfirm(): ConfirmFn {
  const c = useContext(ConfirmContext);
  if (!c) throw new Error('useConfirm needs a ConfirmProvider');
  return c;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelBtn = useRef<HTMLButtonElement>(null);

  const confirm = useCallback<ConfirmFn>(
    (o) =>
      new Promise<boolean>((resolve) => {
        setOpen({ ...o, resolve });
      }),
    [],
  );

  useModalDialog(dialog, open, cancelBtn);

  const finish = (ok: boolean) => {
    open?.resolve(ok);
    setOpen(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="confirm-title"
        onCancel={(e) => {
          e.preventDefault();
          finish(false);
        }}
      >
        {open ? (
          <div className="dialog-body">
            <h2 id="confirm-title" className="dialog-title">
              {open.title}
            </h2>
            <div className="dialog-message">{open.message}</div>
            <div className="dialog-actions">
              <Button ref={cancelBtn} onClick={() => finish(false)}>
                {open.cancelLabel ?? 'Cancel'}
              </Button>
              <Button variant={open.danger ? 'danger' : 'primary'} onClick={() => finish(true)}>
                {open.confirmLabel}
              </Button>
            </div>
          </div>
        ) : null}
      </dialog>
    </ConfirmContext.Provider>
  );
}
