// The activity charts: events per day for the last 90 days, stacked by kind, and the most-used
// credentials. Only counts reach the window (history:charts); colours come from CSS variables
// so both themes stay readable.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EventKind } from '../../../../shared/domain';
import type { ActivityCharts as Charts } from '../../../../shared/history';
import { EVENT_LABEL, TYPE_LABEL } from '../../lib/format';
import { KIND_COLOR, STACK_ORDER } from './kinds';

const axis = { stroke: 'var(--text-3)', fontSize: 11 } as const;
const tooltipStyle = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)', fontSize: 12 },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text-2)' },
  cursor: { fill: 'var(--surface-hover)' },
} as const;

const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (day: string): string => shortDay.format(new Date(`${day}T00:00:00Z`));

export function PerDayChart({ charts }: { charts: Charts }) {
  const present = STACK_ORDER.filter((k) => charts.perDay.some((d) => (d.counts[k] ?? 0) > 0));
  const data = charts.perDay.map((d) => ({ day: d.day, ...d.counts }));
  const total = charts.perDay.reduce((n, d) => n + d.total, 0);
  return (
    <figure className="chart-card card" aria-label="Events per day, last 90 days" data-testid="chart-per-day">
      <figcaption className="card-title">
        Events per day <span className="chart-sub">last {charts.perDay.length} days · {total.toLocaleString()} events</span>
      </figcaption>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="day" tickFormatter={dayLabel} tick={axis} stroke="var(--border-strong)" minTickGap={24} />
            <YAxis allowDecimals={false} tick={axis} stroke="var(--border-strong)" width={48} />
            <Tooltip {...tooltipStyle} labelFormatter={(d) => dayLabel(String(d))} formatter={(v, k) => [Number(v).toLocaleString(), EVENT_LABEL[k as EventKind] ?? String(k)]} />
            <Legend formatter={(k: string) => <span className="chart-legend">{EVENT_LABEL[k as EventKind] ?? k}</span>} iconSize={10} />
            {present.map((k) => (
              <Bar key={k} dataKey={k} stackId="day" fill={KIND_COLOR[k]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function TopItemsChart({ charts, onPick }: { charts: Charts; onPick: (itemId: string) => void }) {
  const data = charts.topItems.map((t) => ({ ...t, label: t.exists ? t.title : `${t.title} (purged)` }));
  return (
    <figure className="chart-card card" aria-label="Most-used credentials" data-testid="chart-top-items">
      <figcaption className="card-title">
        Most used <span className="chart-sub">copies, reveals and CLI uses, last 90 days</span>
      </figcaption>
      {data.length === 0 ? (
        <p className="field-hint">Nothing has been copied, revealed or used yet.</p>
      ) : (
        <>
          <div className="chart-box chart-box-top" style={{ height: Math.max(120, data.length * 28 + 24) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid horizontal={false} stroke="var(--border)" />
                <XAxis type="number" allowDecimals={false} tick={axis} stroke="var(--border-strong)" />
                <YAxis type="category" dataKey="label" width={150} tick={{ ...axis, fill: 'var(--text-2)' }} stroke="var(--border-strong)" interval={0} />
                <Tooltip {...tooltipStyle} formatter={(v, _k, p) => [Number(v).toLocaleString(), p.payload?.type ? TYPE_LABEL[p.payload.type as keyof typeof TYPE_LABEL] : 'uses']} />
                <Bar dataKey="count" name="Uses" fill="var(--kind-use)" radius={[0, 4, 4, 0]} isAnimationActive={false} cursor="pointer" onClick={(d: { payload?: { itemId?: string } }) => d.payload?.itemId && onPick(d.payload.itemId)} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ol className="activity-sr-only">
            {data.map((t) => (
              <li key={t.itemId}>
                {t.label}: {t.count}
              </li>
            ))}
          </ol>
        </>
      )}
    </figure>
  );
}
