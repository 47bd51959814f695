// The top of the renderer: decides between first run, the unlock screen and the unlocked
// shell. Leaving the unlocked phase unmounts the shell, which wipes every piece of vault
// state the renderer held (rows, summaries, revealed values).
import { useCallback, useEffect, useState } from 'react';
import type { UnlockReport } from '../../../shared/unlock-report';
import type { VaultStatus } from '../../../shared/vault-status';
import { call, onLocked } from '../lib/ipc';
import { ToastProvider } from '../components/Toast';
import { ConfirmProvider } from '../components/Confirm';
import { Spinner } from '../components/EmptyState';
import { SettingsProvider } from '../state/settings';
import { CreateVaultScreen } from '../features/unlock/CreateVaultScreen';
import { JoinVaultScreen } from '../features/sync/JoinVaultScreen';
import { UnlockScreen } from '../features/unlock/UnlockScreen';
import { Shell } from './Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'create' }
  /** First run, joining a vault another machine syncs (sync/JoinVaultScreen). */
  | { kind: 'join' }
  | { kind: 'locked'; status: VaultStatus }
  | { kind: 'unlocked'; report: UnlockReport };

const NO_REPORT: UnlockReport = { failedAttempts: [], damagedItemIds: [], integrityProblems: [], rollback: null };
// Main locks on idle, sleep or screen lock and reloads the window; this poll is the backstop
// that notices a lock even when no call is in flight.
const LOCK_POLL_MS = 5000;

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const r = await call('vault:status', {});
    if (!r.ok) setPhase({ kind: 'error', message: r.error.message });
    else if (!r.value.exists) setPhase((p) => (p.kind === 'join' ? p : { kind: 'create' }));
    else if (!r.value.unlocked) setPhase({ kind: 'locked', status: r.value });
    else setPhase((p) => (p.kind === 'unlocked' ? p : { kind: 'unlocked', report: NO_REPORT }));
  }, []);

  useEffect(() => {
    void refresh();
    return onLocked(() => void refresh());
  }, [refresh]);

  const unlocked = phase.kind === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const timer = window.setInterval(() => {
      void call('vault:status', {}).then((r) => {
        if (r.ok && !r.value.unlocked) void refresh();
      });
    }, LOCK_POLL_MS);
    return () => window.clearInterval(timer);
  }, [unlocked, refresh]);

  const onUnlocked = useCallback((report: UnlockReport) => setPhase({ kind: 'unlocked', report }), []);

  let screen;
  switch (phase.kind) {
    case 'loading':
      screen = (
        <main className="center-screen">
          <Spinner label="Opening Keystash…" />
        </main>
      );
      break;
    case 'error':
      screen = (
        <main className="center-screen">
          <p className="field-error" role="alert">
            {phase.message}
          </p>
        </main>
      );
      break;
    case 'create':
      screen = <CreateVaultScreen onCreated={onUnlocked} onJoin={() => setPhase({ kind: 'join' })} />;
      break;
    case 'join':
      screen = <JoinVaultScreen onJoined={onUnlocked} onBack={() => setPhase({ kind: 'create' })} />;
      break;
    case 'locked':
      screen = <UnlockScreen status={phase.status} onUnlocked={onUnlocked} />;
      break;
    case 'unlocked':
      screen = <Shell report={phase.report} onLocked={() => void refresh()} />;
      break;
  }

  return (
    <SettingsProvider>
      <ToastProvider>
        <ConfirmProvider>{screen}</ConfirmProvider>
      </ToastProvider>
    </SettingsProvider>
  );
}
