// The list's selection: one active item (the one the detail pane shows and the arrow keys
// move) and, with Ctrl/Cmd-click, Shift-click, Shift+arrows or Ctrl+A, a set of picked items
// for bulk actions. A range or Ctrl+A covers rows that may not be fetched yet, so it asks for
// them first (load). Picked ids that leave the list (trashed, filtered out) drop out of it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemListRow } from '../../../../shared/item-views';

export type PickHow = 'one' | 'toggle' | 'range';

export interface Selection {
  activeId: string | null;
  /** Every selected id, the active one included; empty when nothing is selected. */
  ids: ReadonlySet<string>;
  /** More than one item selected: the detail pane shows the bulk actions. */
  multiple: boolean;
  setActive(id: string | null): void;
  pick(id: string, how: PickHow): void;
  pickAll(): void;
  clear(): void;
}

export function useSelection(
  rows: (ItemListRow | undefined)[] | null,
  total: number,
  load: (from: number, to: number) => Promise<ItemListRow[]>,
  indexOf: (id: string | null) => number,
  initial: string | null,
): Selection {
  const [activeId, setActiveId] = useState<string | null>(initial);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(initial);

  // Only a fully fetched list can say an id has left it.
  useEffect(() => {
    if (!rows || picked.size === 0) return;
    const present = new Set<string>();
    for (let i = 0; i < total; i++) {
      const r = rows[i];
      if (!r) return;
      present.add(r.id);
    }
    const kept = [...picked].filter((id) => present.has(id));
    if (kept.length !== picked.size) setPicked(new Set(kept));
  }, [rows, total, picked]);

  const setActive = useCallback((id: string | null) => {
    setActiveId(id);
    setPicked(new Set());
    anchor.current = id;
  }, []);

  const pick = useCallback(
    (id: string, how: PickHow) => {
      if (how === 'one' || !rows) return setActive(id);
      const current = picked.size > 0 ? new Set(picked) : new Set(activeId ? [activeId] : []);
      if (how === 'toggle') {
        if (current.has(id) && current.size > 1) {
          current.delete(id);
          setActiveId([...current].at(-1) ?? null);
        } else {
          current.add(id);
          setActiveId(id);
        }
        anchor.current = id;
        return setPicked(current);
      }
      const from = indexOf(anchor.current ?? activeId);
      const to = indexOf(id);
      if (from < 0 || to < 0) return setActive(id);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      setActiveId(id);
      void load(lo, hi + 1).then((range) => setPicked(new Set(range.map((r) => r.id))));
    },
    [rows, picked, activeId, setActive, load, indexOf],
  );

  const pickAll = useCallback(() => {
    if (!rows || total === 0) return;
    if (!activeId) setActiveId(rows[0]?.id ?? null);
    void load(0, total).then((all) => setPicked(new Set(all.map((r) => r.id))));
  }, [rows, total, activeId, load]);

  const clear = useCallback(() => setPicked(new Set()), []);

  const ids = useMemo<ReadonlySet<string>>(() => (picked.size > 0 ? picked : new Set(activeId ? [activeId] : [])), [picked, activeId]);
  return { activeId, ids, multiple: ids.size > 1, setActive, pick, pickAll, clear };
}
