// The sidebar footer's sync line: when this vault last synced, or what went wrong, in plain
// words. Nothing when the vault does not sync. It is mounted whenever the vault is open, so
// it is also what tells the views to reload when a sync run in main (in the background, on
// its own timers) pulled changes: the list, the open item and its conflict banner.
import { useEffect, useRef } from 'react';
import { CloudOff, RefreshCw, TriangleAlert, Cloud } from 'lucide-react';
import { agoText } from '../../../../shared/sync';
import { useVaultData } from '../../state/vault-data';
import { useSyncView } from './useSyncView';
import './sync.css';

export function SyncStatusLine() {
  const { view } = useSyncView();
  const { changed } = useVaultData();
  const lastRun = view?.configured ? view.status.lastSync : null;
  const seenRun = useRef<number | null>(null);
  useEffect(() => {
    if (!lastRun || seenRun.current === lastRun.at) return;
    seenRun.current = lastRun.at;
    // The first run seen may have pulled before this line was there to see it: reloading once more is harmless.
    if ((lastRun.report?.pulled ?? 0) > 0) changed();
  }, [lastRun, changed]);
  if (!view || !view.configured) return null;
  const { status, running } = view;
  const last = status.lastSync;
  let Icon = Cloud;
  let text = 'Not synced yet';
  let tone = '';
  if (running) {
    Icon = RefreshCw;
    text = 'Syncing…';
  } else if (last && last.error) {
    Icon = CloudOff;
    text = `Sync failed: ${last.error}`;
    tone = ' sync-line-warn';
  } else if (last && last.report && last.report.quarantined.length > 0) {
    Icon = TriangleAlert;
    text = `Synced ${agoText(last.at, Date.now())}; ${last.report.quarantined.length} bad file${last.report.quarantined.length === 1 ? '' : 's'} set aside`;
    tone = ' sync-line-warn';
  } else if (last) {
    text = `Synced ${agoText(last.at, Date.now())}`;
  }
  return (
    <div className={`sync-line${tone}`} role="status" data-testid="sync-status" title={text}>
      <Icon size={14} aria-hidden="true" />
      <span className="sync-line-text">{text}</span>
    </div>
  );
}
