// The actions a selection offers (one item or many): trash with Undo, restore, delete forever
// (asked first), favourite, move to a folder, add or remove a tag. Each is one item:bulk call,
// one transaction in main; the notice says what changed and, for the trash, offers Undo.
import { useCallback, useMemo } from 'react';
import type { BulkAction } from '../../../../shared/bulk';
import { call } from '../../lib/ipc';
import { plural } from '../../lib/format';
import { useConfirm } from '../../components/Confirm';
import { useToast } from '../../components/Toast';
import { useVaultData } from '../../state/vault-data';
import { useAskName } from './AskName';

export interface BulkActions {
  trash(ids: readonly string[]): Promise<void>;
  restore(ids: readonly string[]): Promise<void>;
  purge(ids: readonly string[], title?: string): Promise<void>;
  favorite(ids: readonly string[], value: boolean): Promise<void>;
  move(ids: readonly string[]): Promise<void>;
  addTag(ids: readonly string[]): Promise<void>;
  removeTag(ids: readonly string[]): Promise<void>;
}

const items = (n: number) => plural(n, 'item');

export function useBulkActions(): BulkActions {
  const toast = useToast();
  const confirm = useConfirm();
  const ask = useAskName();
  const { counts, changed } = useVaultData();

  const run = useCallback(
    async (ids: readonly string[], action: BulkAction, say: (n: number) => string, undo?: (changedIds: string[]) => void) => {
      if (ids.length === 0) return;
      const r = await call('item:bulk', { ids: [...ids], action });
      changed();
      if (!r.ok) return toast.error(r.error.message);
      const done = r.value.changed;
      toast.info(say(done.length), undo && done.length > 0 ? { label: 'Undo', run: () => undo(done) } : undefined);
    },
    [toast, changed],
  );

  const restore = useCallback((ids: readonly string[]) => run(ids, { kind: 'restore' }, (n) => `Restored ${items(n)}`), [run]);
  const trash = useCallback(
    (ids: readonly string[]) => run(ids, { kind: 'trash' }, (n) => `Moved ${items(n)} to the trash`, (done) => void restore(done)),
    [run, restore],
  );
  const purge = useCallback(
    async (ids: readonly string[], title?: string) => {
      const what = ids.length === 1 && title ? `“${title}”` : items(ids.length);
      const ok = await confirm({ title: `Delete ${what} forever?`, message: 'They are removed from the vault with their previous passwords. This cannot be undone.', confirmLabel: 'Delete forever', danger: true });
      if (ok) await run(ids, { kind: 'purge' }, (n) => `Deleted ${items(n)} forever`);
    },
    [confirm, run],
  );
  const favorite = useCallback(
    (ids: readonly string[], value: boolean) => run(ids, { kind: 'favorite', value }, (n) => (value ? `Added ${items(n)} to favorites` : `Removed ${items(n)} from favorites`)),
    [run],
  );
  const folders = Object.keys(counts?.folders ?? {}).sort();
  const tags = Object.keys(counts?.tags ?? {}).sort();
  const move = useCallback(
    async (ids: readonly string[]) => {
      const folder = await ask({ title: `Move ${items(ids.length)} to a folder`, label: 'Folder (empty: no folder)', confirmLabel: 'Move', suggestions: folders, allowEmpty: true });
      if (folder !== null) await run(ids, { kind: 'move', folder }, (n) => (folder ? `Moved ${items(n)} to ${folder}` : `Took ${items(n)} out of their folder`));
    },
    [ask, run, folders],
  );
  const addTag = useCallback(
    async (ids: readonly string[]) => {
      const tag = await ask({ title: `Add a tag to ${items(ids.length)}`, label: 'Tag', confirmLabel: 'Add tag', suggestions: tags });
      if (tag) await run(ids, { kind: 'add-tag', tag }, (n) => `Tagged ${items(n)} “${tag}”`);
    },
    [ask, run, tags],
  );
  const removeTag = useCallback(
    async (ids: readonly string[]) => {
      const tag = await ask({ title: `Remove a tag from ${items(ids.length)}`, label: 'Tag', confirmLabel: 'Remove tag', suggestions: tags });
      if (tag) await run(ids, { kind: 'remove-tag', tag }, (n) => `Removed “${tag}” from ${items(n)}`);
    },
    [ask, run, tags],
  );
  // One object while its actions stay the same, so the detail pane skips re-rendering on a keystroke.
  return useMemo(() => ({ trash, restore, purge, favorite, move, addTag, removeTag }), [trash, restore, purge, favorite, move, addTag, removeTag]);
}
