// The unlocked app: sidebar on the left, the routed page on the right, the unlock report
// on top. Ctrl/Cmd+L locks from anywhere (after asking about unsaved edits). Features never
// import each other, so this is where one shows another's parts (the vault's editor).
import { useCallback, useEffect, useState } from 'react';
import type { UnlockReport } from '../../../shared/unlock-report';
import { call } from '../lib/ipc';
import { useConfirm } from '../components/Confirm';
import { UnsavedGuardProvider, useUnsavedGuard } from '../state/unsaved-guard';
import { VaultDataProvider } from '../state/vault-data';
import { VaultPage } from '../features/vault/VaultPage';
import type { EditorProps } from '../features/vault/VaultDetail';
import { ItemEditor } from '../features/editor/ItemEditor';
import { InlineGenerator } from '../features/generator/InlineGenerator';
import { UnlockNotice } from '../features/unlock/UnlockNotice';
import { DueKeysNotice } from '../features/health/DueKeysNotice';
import { Sidebar } from './Sidebar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useToast } from '../components/Toast';
import { TOOL_PAGES } from './pages';
import { HOME, sameRoute, type Route } from '../state/routes';

interface ShellProps {
  report: UnlockReport;
  onLocked: () => void;
}

/** The vault's editor, with the inline generator under its password field. */
function VaultEditor(props: EditorProps) {
  return <ItemEditor {...props} PasswordGenerator={InlineGenerator} />;
}

export function Shell(props: ShellProps) {
  const confirm = useConfirm();
  const askDiscard = useCallback(
    () =>
      confirm({
        title: 'Discard unsaved changes?',
        message: 'This item has changes that are not saved yet.',
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        danger: true,
      }),
    [confirm],
  );
  return (
    <UnsavedGuardProvider askDiscard={askDiscard}>
      <VaultDataProvider>
        <ShellLayout {...props} />
      </VaultDataProvider>
    </UnsavedGuardProvider>
  );
}

function ShellLayout({ report, onLocked }: ShellProps) {
  const [route, setRoute] = useState<Route>(HOME);
  const guard = useUnsavedGuard();
  const toast = useToast();
  // A notice belongs to the page it was shown on (the clipboard countdown stays in the sidebar).
  useEffect(() => toast.dismiss(), [route, toast]);

  const navigate = useCallback(
    async (next: Route) => {
      if (sameRoute(next, route)) return;
      if (await guard.confirmDiscard()) setRoute(next);
    },
    [guard, route],
  );

  const lock = useCallback(async () => {
    if (!(await guard.confirmDiscard())) return;
    await call('vault:lock', {});
    onLocked();
  }, [guard, onLocked]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const tool = route.page === 'tool' ? TOOL_PAGES.find((p) => p.id === route.id) : undefined;
  const openItem = (id: string) => void navigate({ page: 'vault', filter: { kind: 'all' }, select: id });
  return (
    <div className="shell">
      <Sidebar route={route} onNavigate={(r) => void navigate(r)} onLock={() => void lock()} />
      <main className="main" aria-label="Main">
        <UnlockNotice report={report} />
        <DueKeysNotice onOpen={openItem} />
        {route.page === 'vault' ? (
          <VaultPage key={route.select ?? ''} filter={route.filter} select={route.select} Editor={VaultEditor} onImport={() => void navigate({ page: 'tool', id: 'import-export' })} />
        ) : tool ? (
          <tool.Component openItem={openItem} />
        ) : null}
      </main>
      <ShortcutsDialog />
    </div>
  );
}
