// Window-wide keys for the vault view: Ctrl/Cmd+F search, Ctrl/Cmd+B copy the username,
// Ctrl/Cmd+C copy the password or secret (only when no text is selected, so copying text
// still works as usual), Ctrl/Cmd+T copy the one-time code, Ctrl/Cmd+U copy the web address,
// Ctrl/Cmd+Shift+U open it, Ctrl/Cmd+N new login, and Delete (outside text fields) to move
// the selection to the trash. The same keys as KeePassXC and 1Password where they have one.
import { useEffect, type RefObject } from 'react';
import type { RevealableField } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';
import { useItemLinks } from './useItemLinks';

interface Options {
  searchRef: RefObject<HTMLInputElement | null>;
  selectedRow: ItemListRow | null;
  editing: boolean;
  copy: (id: string, field: RevealableField) => Promise<void>;
  onNew: () => void;
  onDelete: () => void;
}

/** True when the user has selected some text (in the page or inside an input). */
function hasTextSelection(): boolean {
  const el = document.activeElement;
  if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.selectionStart !== null && el.selectionStart !== el.selectionEnd) return true;
  return (window.getSelection()?.toString() ?? '') !== '';
}

/** Typing in a field, or a dialog open: Delete belongs to them. */
function deleteBelongsElsewhere(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null;
  return !!el && (el.isContentEditable || el.closest('input, textarea, select, dialog, [role=menu]') !== null);
}

export function useVaultShortcuts({ searchRef, selectedRow, editing, copy, onNew, onDelete }: Options): void {
  const links = useItemLinks();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Delete' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
        if (editing || deleteBelongsElsewhere(e.target)) return;
        e.preventDefault();
        onDelete();
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (e.shiftKey) {
        if (key === 'u' && !editing && selectedRow?.hasUrl && selectedRow.deletedAt === null) {
          e.preventDefault();
          void links.openUrl(selectedRow.id);
        }
        return;
      }
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
      } else if (key === 't' && selectedRow.hasTotp) {
        e.preventDefault();
        void links.copyCode(selectedRow.id);
      } else if (key === 'u' && selectedRow.hasUrl) {
        e.preventDefault();
        void links.copyUrl(selectedRow.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef, selectedRow, editing, copy, onNew, onDelete, links]);
}
