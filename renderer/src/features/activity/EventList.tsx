// The virtualised event list: only the rows in view exist in the DOM, so a million events
// scroll like ten. Rows not loaded yet show a placeholder and ask for their page.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VaultEvent } from '../../../../shared/domain';
import { EVENT_LABEL, fieldLabel, formatDateTime } from '../../lib/format';
import { KIND_COLOR } from './kinds';

const ROW = 36;

function EventRow({ e, flagged }: { e: VaultEvent; flagged: boolean }) {
  const what = [e.detail.title, e.detail.field ? fieldLabel(e.detail.field, e.detail.note) : null].filter(Boolean).join(' · ');
  const note = e.detail.note ?? (e.detail.count !== undefined ? `${e.detail.count.toLocaleString()} items` : '');
  return (
    <>
      <span role="cell" className="ev-seq">#{e.seq}</span>
      <time role="cell" className="ev-time" dateTime={new Date(e.at).toISOString()}>
        {formatDateTime(e.at)}
      </time>
      <span role="cell" className="ev-kind">
        <span className="ev-dot" style={{ background: KIND_COLOR[e.kind] }} aria-hidden="true" />
        {EVENT_LABEL[e.kind]}
      </span>
      <span role="cell" className="ev-source" title={e.detail.device !== undefined ? `${e.source === 'cli' ? 'CLI' : 'App'} on ${e.detail.device}` : undefined}>
        {e.source === 'cli' ? <span className="badge badge-muted">CLI</span> : 'App'}
        {/* Synced from another device: that device's name. */}
        {e.detail.device !== undefined ? <span className="ev-device"> on {e.detail.device}</span> : null}
      </span>
      <span role="cell" className="ev-what" title={what}>
        {what}
      </span>
      <span role="cell" className="ev-note" title={note}>
        {flagged ? <span className="badge badge-warn">Unusual</span> : null} {note}
      </span>
    </>
  );
}

export function EventList({ count, row, want, flagged, label }: { count: number; row: (i: number) => VaultEvent | undefined; want: (i: number) => void; flagged: ReadonlySet<number>; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count, getScrollElement: () => ref.current, estimateSize: () => ROW, overscan: 20 });
  const items = v.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;
  useEffect(() => {
    if (first === undefined || last === undefined) return;
    want(first);
    want(last);
  }, [first, last, want]);
  return (
    // Focusable, so the keyboard can scroll it (it holds no controls of its own).
    <div className="activity-list" ref={ref} role="table" aria-label={label} aria-rowcount={count} data-testid="activity-list" tabIndex={0}>
      <div role="rowgroup" style={{ height: v.getTotalSize(), position: 'relative' }}>
        {items.map((it) => {
          const e = row(it.index);
          return (
            <div key={it.key} role="row" aria-rowindex={it.index + 1} className={`ev-row${e && flagged.has(e.seq) ? ' ev-flagged' : ''}`} style={{ transform: `translateY(${it.start}px)`, height: ROW }}>
              {e ? <EventRow e={e} flagged={flagged.has(e.seq)} /> : <span className="ev-loading">Loading…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
