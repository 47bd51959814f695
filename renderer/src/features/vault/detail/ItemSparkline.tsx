// A 30-day sparkline of one item's events for the detail pane: counts per local day from
// history:sparkline, drawn as a small SVG with a text alternative.
import { useEffect, useState } from 'react';
import { call } from '../../../lib/ipc';
import { plural, tzOffsetMinutes } from '../../../lib/format';

const DAYS = 30;
const W = 180;
const H = 28;

export function ItemSparkline({ itemId, revision }: { itemId: string; revision: number }) {
  const [counts, setCounts] = useState<number[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('history:sparkline', { itemId, days: DAYS, tzOffsetMinutes: tzOffsetMinutes() }).then((r) => live && setCounts(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [itemId, revision]);
  if (!counts) return null;
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  const step = W / Math.max(1, counts.length - 1);
  const points = counts.map((c, i) => `${(i * step).toFixed(1)},${(H - 2 - (c / max) * (H - 4)).toFixed(1)}`).join(' ');
  const label = `${plural(total, 'event')} in the last ${DAYS} days`;
  return (
    <figure className="item-sparkline-wrap" data-testid="item-sparkline" style={{ margin: '4px 0 8px' }}>
      <svg className="item-sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <figcaption className="field-hint">{label}</figcaption>
    </figure>
  );
}
