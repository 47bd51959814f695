// history:* — the usage log for the activity page and the item detail pane, read from the
// unlocked vault: pages, counts, search, chart counts, flags, the tamper-evidence check,
// retention and export (to a path the user picks in the save dialog).
import type { HistoryExportFormat } from '../../../shared/history';
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

type HistoryChannel =
  | 'history:list'
  | 'history:page'
  | 'history:count'
  | 'history:search'
  | 'history:charts'
  | 'history:flags'
  | 'history:sparkline'
  | 'history:status'
  | 'history:verify'
  | 'history:set-retention'
  | 'history:export';

const SUGGESTED: Record<HistoryExportFormat, string> = { csv: 'keystash-activity.csv', json: 'keystash-activity.json' };

export function historyHandlers(s: Services): HandlerMap<HistoryChannel> {
  const act = () => s.vault.unlocked().activity();
  return {
    'history:list': handler('history:list', (q) => s.vault.unlocked().history(q)),
    'history:page': handler('history:page', (q) => act().page(q)),
    'history:count': handler('history:count', (f) => ({ total: act().count(f) })),
    'history:search': handler('history:search', (q) => act().search(q)),
    'history:charts': handler('history:charts', (q) => act().charts(q)),
    'history:flags': handler('history:flags', (q) => act().flags(q.days)),
    'history:sparkline': handler('history:sparkline', (q) => act().sparkline(q.itemId, q.days, q.tzOffsetMinutes)),
    'history:status': handler('history:status', () => act().status()),
    'history:verify': handler('history:verify', (q) => act().verify(q.full ? 'full' : 'incremental')),
    'history:set-retention': handler('history:set-retention', (q) => ({ pruned: act().setRetention(q.retention) })),
    'history:export': handler('history:export', async (q) => {
      act(); // locked → no dialog
      const file = await s.importExport.chooseSavePath(SUGGESTED[q.format]);
      if (!file) return { cancelled: true as const };
      return { path: file, count: act().exportTo(file, q.format, q.filter ?? {}, s.vault.unlocked().source) };
    }),
  };
}
