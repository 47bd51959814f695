// Shows a <dialog> as modal while `open` is set, puts focus on `focus` inside it, and on close
// gives focus back to the control that had it, if that control is still on the page (it may be
// gone, say a closed editor; then whoever acted on the answer places focus).
import { useEffect, type RefObject } from 'react';

export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, open: unknown, focus: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    focus.current?.focus();
    return () => {
      if (d.open) d.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, [dialog, open, focus]);
}
