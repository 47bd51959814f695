// The right-click menu of the item list (also Shift+F10 or the menu key): what the selection
// can do, one item or many. A real menu: arrow keys move, Enter picks, Esc or a click outside
// closes, and focus goes back to the list.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { LucideIcon } from 'lucide-react';

export interface MenuEntry {
  label: string;
  icon: LucideIcon;
  run: () => void;
  danger?: boolean;
  /** The key that does the same, shown at the right ("Del"). */
  keys?: string;
}

interface Props {
  x: number;
  y: number;
  label: string;
  entries: MenuEntry[];
  onClose: () => void;
}

export function ItemContextMenu({ x, y, label, entries, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', away);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    }
  };

  // Keep the menu inside the window.
  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - (entries.length * 32 + 16));
  return (
    <div ref={menu} className="menu context-menu" role="menu" aria-label={label} style={{ left: Math.max(4, left), top: Math.max(4, top) }} onKeyDown={onKeyDown}>
      {entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          className={`menu-item${entry.danger ? ' danger' : ''}`}
          onClick={() => {
            onClose();
            entry.run();
          }}
        >
          <entry.icon size={16} aria-hidden="true" />
          <span className="menu-item-label">{entry.label}</span>
          {entry.keys ? <kbd className="kbd">{entry.keys}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
