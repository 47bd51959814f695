// The virtualised item list: only the rows in view exist in the DOM, so 100,000 items
// scroll as smoothly as 10. It is one listbox with aria-activedescendant: focus stays on
// the list while the arrow keys move the selection.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { FileText, KeyRound, Star, UserRound } from 'lucide-react';
import type { ItemListRow } from '../../../../shared/item-views';
import { formatShort } from '../../lib/format';

const ROW_HEIGHT = 56;
const ICONS = { login: UserRound, api_key: KeyRound, note: FileText } as const;

interface ItemListProps {
  rows: ItemListRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onEscape: () => void;
  listRef: RefObject<HTMLDivElement | null>;
  label: string;
  showDate: 'updated' | 'last-used';
}

export function ItemList({ rows, selectedId, onSelect, onOpen, onEscape, listRef, label, showDate }: ItemListProps) {
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;
  const lastScrolled = useRef<string | null>(null);

  useEffect(() => {
    if (selectedIndex >= 0 && lastScrolled.current !== selectedId) {
      lastScrolled.current = selectedId;
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }, [selectedIndex, selectedId, virtualizer]);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, to));
    const row = rows[i];
    if (row) onSelect(row.id);
  };

  const pageSize = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1),
      ArrowUp: () => move(selectedIndex < 0 ? 0 : selectedIndex - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(selectedIndex + pageSize),
      PageUp: () => move(selectedIndex - pageSize),
      Enter: () => selectedId && onOpen(selectedId),
      Escape: onEscape,
    };
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
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="item-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const Icon = ICONS[row.type];
          const when = showDate === 'last-used' ? row.lastUsedAt : row.updatedAt;
          return (
            <div
              key={row.id}
              id={`row-${row.id}`}
              role="option"
              aria-selected={row.id === selectedId}
              aria-posinset={v.index + 1}
              aria-setsize={rows.length}
              className={`item-row${row.id === selectedId ? ' selected' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(row.id)}
              onDoubleClick={() => onOpen(row.id)}
            >
              <span className={`item-icon type-${row.type}`} aria-hidden="true">
                <Icon size={16} />
              </span>
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
