// The activity page: alerts (tamper check, failed unlocks, unusual activity), charts, and every
// event in a filterable, searchable, virtualised list. Aggregates are computed in main from the
// plain columns; details are decrypted a page at a time.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { VaultEvent } from '../../../../shared/domain';
import type { ActivityCharts as Charts, ActivityFlag, ChainHeadline, HistoryFilter, HistoryStatus } from '../../../../shared/history';
import { call } from '../../lib/ipc';
import { plural, tzOffsetMinutes } from '../../lib/format';
import { useVaultData } from '../../state/vault-data';
import { PerDayChart, TopItemsChart } from './ActivityCharts';
import { ActivityFilters, NO_FILTERS, type FilterState } from './ActivityFilters';
import { AlertsPanel } from './AlertsPanel';
import { EventList } from './EventList';
import { HistoryTools } from './HistoryTools';
import { localDayStart, DAY_MS } from './kinds';
import { useEventPages } from './useEventPages';
import './activity.css';

function toFilter(f: FilterState): HistoryFilter {
  const since = localDayStart(f.from);
  const toDay = localDayStart(f.to);
  return {
    ...(f.itemId ? { itemId: f.itemId } : {}),
    ...(f.itemType ? { itemType: f.itemType } : {}),
    ...(f.kind ? { kinds: [f.kind] } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(toDay !== undefined ? { until: toDay + DAY_MS - 1 } : {}),
  };
}

const SEARCH_TARGET = 200;

/** Search results, asking main to index further back until enough matches or the whole history. */
function useSearch(text: string, filter: HistoryFilter, revision: number): { events: VaultEvent[]; searching: boolean; complete: boolean } | null {
  const [state, setState] = useState<{ events: VaultEvent[]; searching: boolean; complete: boolean } | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!text) return setState(null);
    let live = true;
    setState({ events: [], searching: true, complete: false });
    const step = async (): Promise<void> => {
      const r = await call('history:search', { ...filter, text, limit: SEARCH_TARGET });
      if (!live) return;
      if (!r.ok) return setState({ events: [], searching: false, complete: true });
      const done = r.value.complete || r.value.events.length >= SEARCH_TARGET;
      setState({ events: r.value.events, searching: !done, complete: r.value.complete });
      if (!done) setTimeout(() => void step(), 0);
    };
    void step();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's JSON is the dependency
  }, [text, key, revision]);
  return state;
}

export function ActivityPage() {
  const { revision, changed } = useVaultData();
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [status, setStatus] = useState<(HistoryStatus & { headline: ChainHeadline }) | null>(null);
  const [statusTick, setStatusTick] = useState(0);
  const [charts, setCharts] = useState<Charts | null>(null);
  const [flags, setFlags] = useState<ActivityFlag[]>([]);
  const [local, setLocal] = useState(0);
  const filter = useMemo(() => toFilter(filters), [filters]);
  const rev = revision + local;
  const pages = useEventPages(filter, rev);
  const search = useSearch(filters.text.trim(), filter, rev);
  const onChange = useCallback((f: FilterState) => setFilters(f), []);

  useEffect(() => {
    let live = true;
    void call('history:charts', { days: 90, tzOffsetMinutes: tzOffsetMinutes() }).then((r) => live && r.ok && setCharts(r.value));
    void call('history:flags', { days: 30 }).then((r) => live && r.ok && setFlags(r.value));
    return () => {
      live = false;
    };
  }, [rev]);

  // The headline follows main's background check: asked again every second while it runs.
  const checking = status?.headline.checking !== null && status?.headline.checking !== undefined;
  useEffect(() => {
    let live = true;
    void call('history:status', {}).then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, [rev, statusTick]);
  useEffect(() => {
    if (!checking) return;
    const t = setTimeout(() => setStatusTick((n) => n + 1), 1000);
    return () => clearTimeout(t);
  }, [checking, status]);

  const flaggedSeqs = useMemo(() => new Set(flags.flatMap((f) => f.seqs)), [flags]);
  const showFlag = (f: ActivityFlag) => {
    const day = (t: number) => {
      const d = new Date(t);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    setFilters({ ...NO_FILTERS, kind: f.reason === 'export' ? 'export' : '', from: day(f.from), to: day(f.to) });
  };
  const refresh = () => {
    setLocal((n) => n + 1);
    changed();
  };

  const total = search ? search.events.length : (pages.total ?? 0);
  return (
    <div className="page activity-page">
      <header className="activity-head">
        <h1 className="page-title">Activity</h1>
        {status ? <HistoryTools retention={status.retention} filter={filter} onChanged={refresh} /> : null}
      </header>
      {status ? <AlertsPanel status={status} flags={flags} onChanged={() => setStatusTick((n) => n + 1)} onShowSeqs={showFlag} /> : null}
      {charts ? (
        <div className="activity-charts">
          <PerDayChart charts={charts} />
          <TopItemsChart charts={charts} onPick={(itemId) => setFilters({ ...NO_FILTERS, itemId })} />
        </div>
      ) : null}
      <section className="activity-events" aria-label="Events">
        <ActivityFilters value={filters} onChange={onChange} revision={rev} />
        <p className="activity-count" data-testid="activity-count" aria-live="polite">
          {search
            ? `${plural(search.events.length, 'match', 'matches')}${search.searching ? ' — searching older events…' : search.complete ? '' : ' (newest shown)'}`
            : pages.total === null
              ? 'Loading…'
              : plural(pages.total, 'event')}
          {pages.error ? <span className="field-error"> {pages.error}</span> : null}
        </p>
        <EventList
          count={total}
          row={search ? (i) => search.events[i] : pages.row}
          want={search ? noop : pages.want}
          flagged={flaggedSeqs}
          label={search ? 'Search results' : 'Events, newest first'}
        />
      </section>
    </div>
  );
}

const noop = (): void => undefined;
