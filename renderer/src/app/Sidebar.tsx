// Navigation: the vault's views with their counts, tags and folders, then the tool pages,
// the clipboard's clear countdown and the lock button. Every entry is a real button, so Tab
// and Enter reach all of it. Below 1000 px it shows only icons (names stay for screen readers
// and tooltips); "Show labels" or a tag or folder group opens it over the page until the next
// choice or Esc.
import { useEffect, useState, type ReactNode } from 'react';
import {
  ChevronDown,
  ChevronRight,
  Clock,
  FileText,
  Folder,
  Hourglass,
  KeyRound,
  Layers,
  Lock,
  PanelLeftClose,
  PanelLeftOpen,
  Star,
  Tag,
  Trash2,
  UserRound,
  type LucideIcon,
} from 'lucide-react';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';
import { useVaultData } from '../state/vault-data';
import { ClipboardCountdown } from '../components/Toast';
import { ICON_SIDEBAR_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { TOOL_PAGES, type ToolPage } from './pages';
import { sameRoute, type Route, type VaultFilter } from '../state/routes';
import './sidebar.css';

interface SidebarProps {
  route: Route;
  onNavigate: (r: Route) => void;
  onLock: () => void;
}

function NavItem({ icon: Icon, label, count, active, onClick, indent }: { icon: LucideIcon; label: string; count?: number | undefined; active: boolean; onClick: () => void; indent?: boolean }) {
  return (
    <li>
      <button
        type="button"
        className={`nav-item${active ? ' active' : ''}${indent ? ' indent' : ''}`}
        aria-current={active ? 'page' : undefined}
        title={count !== undefined ? `${label} (${count.toLocaleString()})` : label}
        onClick={onClick}
      >
        <Icon size={16} aria-hidden="true" className="nav-icon" />
        <span className="nav-label">{label}</span>
        {count !== undefined ? (
          <span className="nav-count" aria-label={`${count} items`}>
            {count.toLocaleString()}
          </span>
        ) : null}
      </button>
    </li>
  );
}

function Group({ icon: Icon, label, count, children, onCompactOpen }: { icon: LucideIcon; label: string; count: number; children: ReactNode; onCompactOpen?: (() => void) | undefined }) {
  const [open, setOpen] = useState(true);
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <li>
      <button
        type="button"
        className="nav-item nav-group"
        aria-expanded={onCompactOpen ? false : open}
        title={label}
        onClick={() => {
          if (onCompactOpen) {
            setOpen(true);
            onCompactOpen();
          } else setOpen((o) => !o);
        }}
      >
        <Icon size={16} aria-hidden="true" className="nav-icon" />
        <span className="nav-label">{label}</span>
        <span className="nav-count" aria-label={`${count} ${label.toLowerCase()}`}>
          {count}
        </span>
        <Chevron size={14} aria-hidden="true" className="nav-chevron" />
      </button>
      {open ? <ul className="nav-list">{children}</ul> : null}
    </li>
  );
}

const noCount = (): number | undefined => undefined;

/** A tool page's entry; its count hook is fixed per page, so hook order never changes. */
function ToolNavItem({ page, active, onClick }: { page: ToolPage; active: boolean; onClick: () => void }) {
  const count = (page.useCount ?? noCount)();
  return <NavItem icon={page.icon} label={page.label} count={count} active={active} onClick={onClick} />;
}

export function Sidebar({ route, onNavigate: navigate, onLock }: SidebarProps) {
  const { counts } = useVaultData();
  const compact = useMediaQuery(ICON_SIDEBAR_QUERY);
  const [flyout, setFlyout] = useState(false);
  const iconsOnly = compact && !flyout;
  useEffect(() => {
    if (!flyout) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setFlyout(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flyout]);
  const onNavigate = (r: Route) => {
    setFlyout(false);
    navigate(r);
  };
  const go = (filter: VaultFilter) => onNavigate({ page: 'vault', filter });
  const is = (filter: VaultFilter) => sameRoute(route, { page: 'vault', filter });
  const tags = Object.entries(counts?.tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const folders = Object.entries(counts?.folders ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <nav className={`sidebar${compact ? ' compact' : ''}${flyout ? ' flyout' : ''}`} aria-label="Vault navigation">
      <div className="sidebar-brand">
        <KeyRound size={18} aria-hidden="true" />
        <span className="sidebar-name">Keystash</span>
        {compact ? (
          <button type="button" className="icon-btn sidebar-toggle" aria-label={flyout ? 'Hide labels' : 'Show labels'} title={flyout ? 'Hide labels (Esc)' : 'Show labels'} aria-expanded={flyout} onClick={() => setFlyout((f) => !f)}>
            {flyout ? <PanelLeftClose size={16} aria-hidden="true" /> : <PanelLeftOpen size={16} aria-hidden="true" />}
          </button>
        ) : null}
      </div>
      <div className="sidebar-scroll">
        <ul className="nav-list">
          <NavItem icon={Layers} label="All items" count={counts?.all} active={is({ kind: 'all' })} onClick={() => go({ kind: 'all' })} />
          <NavItem icon={Star} label="Favorites" count={counts?.favorites} active={is({ kind: 'favorites' })} onClick={() => go({ kind: 'favorites' })} />
          <NavItem icon={UserRound} label="Logins" count={counts?.login} active={is({ kind: 'type', type: 'login' })} onClick={() => go({ kind: 'type', type: 'login' })} />
          <NavItem icon={KeyRound} label="API keys" count={counts?.api_key} active={is({ kind: 'type', type: 'api_key' })} onClick={() => go({ kind: 'type', type: 'api_key' })} />
          <NavItem icon={FileText} label="Notes" count={counts?.note} active={is({ kind: 'type', type: 'note' })} onClick={() => go({ kind: 'type', type: 'note' })} />
          <NavItem icon={Clock} label="Recently used" active={is({ kind: 'recent' })} onClick={() => go({ kind: 'recent' })} />
          <NavItem icon={Hourglass} label="Not used in 180 days" active={is({ kind: 'stale' })} onClick={() => go({ kind: 'stale' })} />
          <NavItem icon={Trash2} label="Trash" count={counts?.trash} active={is({ kind: 'trash' })} onClick={() => go({ kind: 'trash' })} />
        </ul>
        <ul className="nav-list nav-section">
          <Group icon={Tag} label="Tags" count={tags.length} onCompactOpen={iconsOnly ? () => setFlyout(true) : undefined}>
            {tags.length === 0 ? <li className="nav-empty">No tags yet</li> : null}
            {tags.map(([tag, n]) => (
              <NavItem key={tag} indent icon={Tag} label={tag} count={n} active={is({ kind: 'tag', tag })} onClick={() => go({ kind: 'tag', tag })} />
            ))}
          </Group>
          <Group icon={Folder} label="Folders" count={folders.length} onCompactOpen={iconsOnly ? () => setFlyout(true) : undefined}>
            {folders.length === 0 ? <li className="nav-empty">No folders yet</li> : null}
            {folders.map(([folder, n]) => (
              <NavItem key={folder} indent icon={Folder} label={folder} count={n} active={is({ kind: 'folder', folder })} onClick={() => go({ kind: 'folder', folder })} />
            ))}
          </Group>
        </ul>
        <ul className="nav-list nav-section" aria-label="Tools">
          {TOOL_PAGES.map((p) => (
            <ToolNavItem key={p.id} page={p} active={route.page === 'tool' && route.id === p.id} onClick={() => onNavigate({ page: 'tool', id: p.id })} />
          ))}
        </ul>
      </div>
      <div className="sidebar-footer">
        <SyncStatusLine />
        <ClipboardCountdown />
        <button type="button" className="nav-item" onClick={onLock} title="Lock vault (Ctrl+L)">
          <Lock size={16} aria-hidden="true" className="nav-icon" />
          <span className="nav-label">Lock vault</span>
          <kbd className="kbd nav-kbd">Ctrl L</kbd>
        </button>
      </div>
    </nav>
  );
}
