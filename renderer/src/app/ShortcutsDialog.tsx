// The keyboard shortcut overview, opened with Ctrl/Cmd+/, F1 or ? (outside text fields).
// Native <dialog>: focus is trapped inside and Esc closes it.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../components/Button';

const SHORTCUTS: [string, string][] = [
  ['Ctrl+F', 'Search'],
  ['↑ ↓ Home End PgUp PgDn', 'Move through the list'],
  ['Shift+↑ ↓, Shift-click', 'Select a range'],
  ['Ctrl-click', 'Add or remove one item from the selection'],
  ['Ctrl+A', 'Select every item in the list'],
  ['Enter', 'Edit the selected item (search: go to the list)'],
  ['Shift+F10, menu key', 'Actions for the selection'],
  ['Del', 'Move the selection to the trash (Undo in the notice)'],
  ['Ctrl+C', 'Copy the password or secret'],
  ['Ctrl+B', 'Copy the username'],
  ['Ctrl+T', 'Copy the one-time code'],
  ['Ctrl+U', 'Copy the web address'],
  ['Ctrl+Shift+U', 'Open the web address'],
  ['Ctrl+N', 'New login'],
  ['Ctrl+S', 'Save in the editor'],
  ['Esc', 'Clear the search; close the editor; back to the list'],
  ['Ctrl+L', 'Lock'],
  ['Ctrl+/, F1, ?', 'This overview'],
];

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/** Cmd instead of Ctrl on macOS. */
const mod = (keys: string) => (navigator.platform.startsWith('Mac') ? keys.replaceAll('Ctrl', 'Cmd') : keys);

export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const slash = (e.ctrlKey || e.metaKey) && e.key === '/';
      const help = e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !typingIn(e.target));
      if (slash || help) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    return () => {
      if (d.open) d.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, [open]);

  return (
    <dialog ref={dialog} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onCancel={(e) => {
        e.preventDefault();
        setOpen(false);
      }}>
      {open ? (
        <div className="dialog-body">
          <h2 id="shortcuts-title" className="dialog-title">
            Keyboard shortcuts
          </h2>
          <table className="shortcuts-table">
            <tbody>
              {SHORTCUTS.map(([keys, does]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd className="kbd">{mod(keys)}</kbd>
                  </th>
                  <td>{does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Button variant="primary" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
