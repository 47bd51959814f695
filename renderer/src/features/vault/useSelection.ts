// The list's selection: one active item (the one the detail pane shows and the arrow keys
// move) and, with Ctrl/Cmd-click, Shift-click, Shift+arrows or Ctrl+A, a set of picked items
// for bulk actions. Picked ids that leave the list (trashed, filtered out) drop out of it.
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

export function useSelection(rows: ItemListRow[] | null, initial: string | null): Selection {
  const [activeId, setActiveId] = useState<string | null>(initial);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(initial);

  useEffect(() => {
    if (!rows || picked.size === 0) return;
    const present = new Set(rows.map((r) => r.id));
    const kept = [...picked].filter((id) => present.has(id));
    if (kept.length !== picked.size) setPicked(new Set(kept));
  }, [rows, picked]);

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
      const from = rows.findIndex((r) => r.id === (anchor.current ?? activeId));
      const to = rows.findIndex((r) => r.id === id);
      if (from < 0 || to < 0) return setActive(id);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      setPicked(new Set(rows.slice(lo, hi + 1).map((r) => r.id)));
      setActiveId(id);
    },
    [rows, picked, activeId, setActive],
  );

  const pickAll = useCallback(() => {
    if (!rows || rows.length === 0) return;
    setPicked(new Set(rows.map((r) => r.id)));
    if (!activeId) setActiveId(rows[0]?.id ?? null);
  }, [rows, activeId]);

  const clear = useCallback(() => setPicked(new Set()), []);

  const ids = useMemo<ReadonlySet<string>>(() => (picked.size > 0 ? picked : new Set(activeId ? [activeId] : [])), [picked, activeId]);
  return { activeId, ids, multiple: ids.size > 1, setActive, pick, pickAll, clear };
}
