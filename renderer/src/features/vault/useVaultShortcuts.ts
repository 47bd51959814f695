// Window-wide keys for the vault view: Ctrl/Cmd+F search, Ctrl/Cmd+B copy the username,
// Ctrl/Cmd+C copy the password or secret (only when no text is selected, so copying text
// still works as usual), Ctrl/Cmd+N new login.
import { useEffect, type RefObject } from 'react';
import type { RevealableField } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';

interface Options {
  searchRef: RefObject<HTMLInputElement | null>;
  selectedRow: ItemListRow | null;
  editing: boolean;
  copy: (id: string, field: RevealableField) => Promise<void>;
  onNew: () => void;
}

/** True when the user has selected some text (in the page or inside an input). */
function hasTextSelection(): boolean {
  const el = document.activeElement;
  if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.selectionStart !== null && el.selectionStart !== el.selectionEnd) return true;
  return (window.getSelection()?.toString() ?? '') !== '';
}

export function useVaultShortcuts({ searchRef, selectedRow, editing, copy, onNew }: Options): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'f') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (key === 'n' && !editing) {
        e.preventDefault();
        onNew();
        return;
      }
      if (editing || !selectedRow || selectedRow.deletedAt !== null) return;
      if (key === 'b' && selectedRow.type === 'login') {
        e.preventDefault();
        void copy(selectedRow.id, 'username');
      } else if (key === 'c' && selectedRow.type !== 'note' && !hasTextSelection()) {
        e.preventDefault();
        void copy(selectedRow.id, selectedRow.type === 'login' ? 'password' : 'secret');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef, selectedRow, editing, copy, onNew]);
}
