// "New item" with a small menu of the three types. Arrow keys move inside the menu and Esc
// closes it, returning focus to the button.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronDown, FileText, KeyRound, Plus, UserRound } from 'lucide-react';
import type { ItemType } from '../../../../shared/domain';
import { Button } from '../../components/Button';

const CHOICES: { type: ItemType; label: string; icon: typeof Plus }[] = [
  { type: 'login', label: 'Login', icon: UserRound },
  { type: 'api_key', label: 'API key', icon: KeyRound },
  { type: 'note', label: 'Secure note', icon: FileText },
];

export function NewItemMenu({ onPick }: { onPick: (t: ItemType) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="menu-anchor" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <Button ref={button} variant="primary" icon={Plus} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        New <ChevronDown size={14} aria-hidden="true" />
      </Button>
      {open ? (
        <div ref={menu} className="menu" role="menu" aria-label="New item" onKeyDown={onKeyDown}>
          {CHOICES.map(({ type, label, icon: Icon }) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                setOpen(false);
                onPick(type);
              }}
            >
              <Icon size={16} aria-hidden="true" /> {label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
