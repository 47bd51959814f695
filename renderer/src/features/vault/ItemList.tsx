// The virtualised item list: only the rows in view exist in the DOM, so 100,000 items
// scroll as smoothly as 10. It is one multi-select listbox with aria-activedescendant: focus
// stays on the list while the arrow keys move the active row; Shift and Ctrl/Cmd with a click
// or the arrows pick several, Ctrl+A all; Delete and the context menu act on the picked rows.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Star } from 'lucide-react';
import type { ItemListRow } from '../../../../shared/item-views';
import { formatShort } from '../../lib/format';
import { Monogram } from './Monogram';
import type { PickHow } from './useSelection';

const ROW_HEIGHT = 56;

interface ItemListProps {
  /** Rows by position; a hole is a row still being fetched. `total` rows exist. */
  rows: (ItemListRow | undefined)[];
  total: number;
  /** The rows in view (with overscan) changed: fetch any that are missing. */
  onRange: (from: number, to: number) => void;
  /** Keyboard moves go by position: the row there may still have to be fetched. */
  onMoveTo: (index: number, extend: boolean) => void;
  selectedId: string | null;
  picked: ReadonlySet<string>;
  onSelect: (id: string, how?: PickHow) => void;
  onOpen: (id: string) => void;
  onEscape: () => void;
  onSelectAll: () => void;
  /** A plain click on a row (the narrowest layout then shows that item). */
  onActivate: (id: string) => void;
  /** Opens the context menu at a point; without one, at the active row. */
  onMenu: (at: { x: number; y: number } | null, id?: string) => void;
  listRef: RefObject<HTMLDivElement | null>;
  label: string;
  showDate: 'updated' | 'last-used';
}

export function ItemList({ rows, total, onRange, onMoveTo, selectedId, picked, onSelect, onOpen, onEscape, onSelectAll, onActivate, onMenu, listRef, label, showDate }: ItemListProps) {
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const selectedIndex = selectedId ? rows.findIndex((r) => r?.id === selectedId) : -1;
  const inView = virtualizer.getVirtualItems();
  const firstInView = inView[0]?.index ?? 0;
  const lastInView = inView.at(-1)?.index ?? 0;
  useEffect(() => onRange(firstInView, lastInView + 1), [firstInView, lastInView, onRange]);
  const lastScrolled = useRef<string | null>(null);

  useEffect(() => {
    if (selectedIndex >= 0 && lastScrolled.current !== selectedId) {
      lastScrolled.current = selectedId;
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }, [selectedIndex, selectedId, virtualizer]);

  const move = (to: number, extend = false) => onMoveTo(Math.max(0, Math.min(total - 1, to)), extend);

  const pageSize = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const extend = e.shiftKey;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1, extend),
      ArrowUp: () => move(selectedIndex < 0 ? 0 : selectedIndex - 1, extend),
      Home: () => move(0, extend),
      End: () => move(total - 1, extend),
      PageDown: () => move(selectedIndex + pageSize, extend),
      PageUp: () => move(selectedIndex - pageSize, extend),
      Enter: () => selectedId && onOpen(selectedId),
      Escape: onEscape,
      ContextMenu: () => onMenu(null),
    };
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      onSelectAll();
      return;
    }
    if (e.shiftKey && e.key === 'F10') {
      e.preventDefault();
      onMenu(null);
      return;
    }
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div
      ref={listRef}
      className="item-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="item-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {inView.map((v) => {
          const row = rows[v.index];
          // Still being fetched: an empty row keeps the scroll size.
          if (!row) return <div key={`pending-${v.index}`} className="item-row pending" aria-hidden="true" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }} />;
          const isPicked = picked.has(row.id);
          const when = showDate === 'last-used' ? row.lastUsedAt : row.updatedAt;
          return (
            <div
              key={row.id}
              id={`row-${row.id}`}
              role="option"
              aria-selected={isPicked}
              aria-posinset={v.index + 1}
              aria-setsize={total}
              className={`item-row${isPicked ? ' selected' : ''}${row.id === selectedId ? ' active' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              onMouseDown={(e) => {
                // Shift-click would otherwise select the rows' text.
                if (e.shiftKey) e.preventDefault();
              }}
              onClick={(e) => {
                const how = e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'one';
                onSelect(row.id, how);
                if (how === 'one') onActivate(row.id);
              }}
              onDoubleClick={() => onOpen(row.id)}
              onContextMenu={(e) => {
                e.preventDefault();
                onMenu({ x: e.clientX, y: e.clientY }, row.id);
              }}
            >
              <Monogram row={row} />
              <span className="item-text">
                <span className="item-title">{row.title}</span>
                <span className="item-sub">{row.subtitle || '\u00a0'}</span>
              </span>
              <span className="item-meta">
                {row.favorite ? <Star size={14} className="star" aria-label="Favorite" /> : null}
                <span className="item-date">{when ? formatShort(when) : showDate === 'last-used' ? 'never' : ''}</span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
