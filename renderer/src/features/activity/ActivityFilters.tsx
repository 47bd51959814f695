// The activity page's filter bar: search over event details, item, item type, event kind,
// source and a date range. Every control is labelled, so keyboard and screen-reader users
// reach all of it.
import { useEffect, useState } from 'react';
import type { EventKind, EventSource, ItemType } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';
import { call } from '../../lib/ipc';
import { EVENT_LABEL, TYPE_LABEL } from '../../lib/format';
import { ALL_KINDS } from './kinds';

export interface FilterState {
  text: string;
  itemId: string;
  itemType: '' | ItemType;
  kind: '' | EventKind;
  source: '' | EventSource;
  from: string;
  to: string;
}

export const NO_FILTERS: FilterState = { text: '', itemId: '', itemType: '', kind: '', source: '', from: '', to: '' };

export function ActivityFilters({ value, onChange, revision }: { value: FilterState; onChange: (f: FilterState) => void; revision: number }) {
  const [items, setItems] = useState<ItemListRow[]>([]);
  const [text, setText] = useState(value.text);
  useEffect(() => {
    void call('item:list', { sort: 'title' }).then((r) => r.ok && setItems(r.value.rows));
  }, [revision]);
  useEffect(() => setText(value.text), [value.text]);
  // Search as you type, but not on every keystroke.
  useEffect(() => {
    if (text === value.text) return;
    const t = setTimeout(() => onChange({ ...value, text }), 250);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  const set = <K extends keyof FilterState>(k: K, v: FilterState[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="activity-filters" role="search" aria-label="Filter activity">
      <input className="input activity-search" type="search" aria-label="Search activity" placeholder="Search titles, fields, notes…" value={text} onChange={(e) => setText(e.target.value)} />
      <select className="input select" aria-label="Item" value={value.itemId} onChange={(e) => set('itemId', e.target.value)}>
        <option value="">All items</option>
        {value.itemId && !items.some((i) => i.id === value.itemId) ? <option value={value.itemId}>Purged item</option> : null}
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </select>
      <select className="input select" aria-label="Item type" value={value.itemType} onChange={(e) => set('itemType', e.target.value as FilterState['itemType'])}>
        <option value="">All types</option>
        {(Object.keys(TYPE_LABEL) as ItemType[]).map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]}
          </option>
        ))}
      </select>
      <select className="input select" aria-label="Event" value={value.kind} onChange={(e) => set('kind', e.target.value as FilterState['kind'])}>
        <option value="">All events</option>
        {ALL_KINDS.map((k) => (
          <option key={k} value={k}>
            {EVENT_LABEL[k]}
          </option>
        ))}
      </select>
      <select className="input select" aria-label="Source" value={value.source} onChange={(e) => set('source', e.target.value as FilterState['source'])}>
        <option value="">App and CLI</option>
        <option value="app">App</option>
        <option value="cli">CLI</option>
      </select>
      <label className="activity-date">
        <span>From</span>
        <input className="input" type="date" aria-label="From date" value={value.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="activity-date">
        <span>To</span>
        <input className="input" type="date" aria-label="To date" value={value.to} onChange={(e) => set('to', e.target.value)} />
      </label>
    </div>
  );
}
