// history:* — the usage log for the activity page and the item detail pane, read from the
// unlocked vault: pages, counts, search, chart counts, flags, the tamper-evidence check (its
// headline from the background full check, and acknowledging its alarm),
// retention and export (to a path the user picks in the save dialog).
import type { HistoryExportFormat } from '../../../shared/history';
import type { Services } from '../services';
import { handlers } from './handler';

const SUGGESTED: Record<HistoryExportFormat, string> = { csv: 'keystash-activity.csv', json: 'keystash-activity.json' };

export function historyHandlers(s: Services) {
  const act = () => s.vault.unlocked().activity;
  return handlers<'history'>({
    'history:list': (q) => s.vault.unlocked().history.query(q),
    'history:page': (q) => act().page(q),
    'history:count': (f) => ({ total: act().count(f) }),
    'history:search': (q) => act().search(q),
    'history:charts': (q) => act().charts(q),
    'history:flags': (q) => act().flags(q.days),
    'history:sparkline': (q) => act().sparkline(q.itemId, q.days, q.tzOffsetMinutes),
    'history:status': () => {
      const status = act().status();
      return { ...status, headline: s.historyCheck.headline(status.lastCheck) };
    },
    'history:verify': (q) => {
      const report = act().verify(q.full ? 'full' : 'incremental');
      s.historyCheck.recordFull(report);
      return report;
    },
    'history:acknowledge': () => act().acknowledge(),
    'history:set-retention': (q) => ({ pruned: act().setRetention(q.retention) }),
    'history:export': async (q) => {
      act(); // locked → no dialog
      const file = await s.importExport.chooseSavePath(SUGGESTED[q.format]);
      if (!file) return { cancelled: true as const };
      return { path: file, count: act().exportTo(file, q.format, q.filter ?? {}, s.vault.unlocked().source) };
    },
  });
}
