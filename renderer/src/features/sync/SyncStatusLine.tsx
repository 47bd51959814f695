// The sidebar footer's sync line: when this vault last synced, or what went wrong, in plain
// words. Nothing when the vault does not sync.
import { CloudOff, RefreshCw, TriangleAlert, Cloud } from 'lucide-react';
import { agoText } from '../../../../shared/sync';
import { useSyncView } from './useSyncView';
import './sync.css';

export function SyncStatusLine() {
  const { view } = useSyncView();
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
