// How each event kind looks in the activity charts and list: a label and a colour that reads
// on both themes (CSS custom properties in activity.css), grouped so 14 kinds stay legible.
import { EVENT_KINDS, type EventKind } from '../../../../shared/domain';

export const KIND_COLOR: Record<EventKind, string> = {
  unlock: 'var(--kind-session)',
  lock: 'var(--kind-session-2)',
  'unlock-failed': 'var(--kind-alert)',
  create: 'var(--kind-change)',
  edit: 'var(--kind-change-2)',
  delete: 'var(--kind-remove)',
  restore: 'var(--kind-change-3)',
  purge: 'var(--kind-remove-2)',
  copy: 'var(--kind-use)',
  reveal: 'var(--kind-use-2)',
  'cli-use': 'var(--kind-use-3)',
  import: 'var(--kind-move)',
  export: 'var(--kind-alert-2)',
  'password-change': 'var(--kind-move-2)',
  attach: 'var(--kind-change)',
  'attachment-open': 'var(--kind-use-2)',
  'attachment-save': 'var(--kind-use-3)',
};

/** Chart stacking order: uses at the bottom (the usual bulk), then changes, then sessions. */
export const STACK_ORDER: readonly EventKind[] = ['copy', 'reveal', 'cli-use', 'attachment-open', 'attachment-save', 'create', 'attach', 'edit', 'restore', 'delete', 'purge', 'import', 'export', 'password-change', 'unlock', 'lock', 'unlock-failed'];

export const ALL_KINDS: readonly EventKind[] = EVENT_KINDS;

export const DAY_MS = 86_400_000;

/** Local midnight of a YYYY-MM-DD input value, or undefined when empty/invalid. */
export function localDayStart(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = new Date(`${value}T00:00:00`).getTime();
  return Number.isNaN(t) ? undefined : t;
}
