// The virtualised item list: only the rows in view exist in the DOM, so 100,000 items
// scroll as smoothly as 10. It is one multi-select listbox with aria-activedescendant: focus
// stays on the list while the arrow keys move the active row; Shift and Ctrl/Cmd with a click
// or the arrows pick several, Ctrl+A all; Delete and the context menu act on the picked rows.
import { memo, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
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
  /** Where the selected row is (-1: not among the rows fetched). */
  selectedIndex: number;
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

/** What a row does when clicked; read at the time of the click, so rows need not re-render for new handlers. */
type RowActions = Pick<ItemListProps, 'onSelect' | 'onActivate' | 'onOpen' | 'onMenu'>;

export function ItemList({ rows, total, onRange, onMoveTo, selectedId, selectedIndex, picked, onSelect, onOpen, onEscape, onSelectAll, onActivate, onMenu, listRef, label, showDate }: ItemListProps) {
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const actions = useRef<RowActions>({ onSelect, onActivate, onOpen, onMenu });
  actions.current = { onSelect, onActivate, onOpen, onMenu };
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
          return (
            <ItemRow
              key={row.id}
              row={row}
              index={v.index}
              start={v.start}
              total={total}
              picked={picked.has(row.id)}
              active={row.id === selectedId}
              showDate={showDate}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}

interface ItemRowProps {
  row: ItemListRow;
  index: number;
  start: number;
  total: number;
  picked: boolean;
  active: boolean;
  showDate: 'updated' | 'last-used';
  actions: RefObject<RowActions>;
}

/** Same row content (every field is a plain value): a new reply's copy of an unchanged row. */
function sameRow(a: ItemListRow, b: ItemListRow): boolean {
  if (a === b) return true;
  for (const k of Object.keys(a) as (keyof ItemListRow)[]) if (a[k] !== b[k]) return false;
  return true;
}

function sameRowProps(a: ItemRowProps, b: ItemRowProps): boolean {
  return a.index === b.index && a.start === b.start && a.total === b.total && a.picked === b.picked && a.active === b.active && a.showDate === b.showDate && a.actions === b.actions && sameRow(a.row, b.row);
}

/**
 * One row. Memoised: a keystroke re-renders the list with the rows it already shows, and a
 * new reply re-renders only the rows whose content or place changed.
 */
const ItemRow = memo(function ItemRow({ row, index, start, total, picked, active, showDate, actions }: ItemRowProps) {
  const when = showDate === 'last-used' ? row.lastUsedAt : row.updatedAt;
  return (
    <div
      id={`row-${row.id}`}
      role="option"
      aria-selected={picked}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`item-row${picked ? ' selected' : ''}${active ? ' active' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onMouseDown={(e) => {
        // Shift-click would otherwise select the rows' text.
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => {
        const how = e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'one';
        actions.current.onSelect(row.id, how);
        if (how === 'one') actions.current.onActivate(row.id);
      }}
      onDoubleClick={() => actions.current.onOpen(row.id)}
      onContextMenu={(e) => {
        e.preventDefault();
        actions.current.onMenu({ x: e.clientX, y: e.clientY }, row.id);
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
}, sameRowProps);
