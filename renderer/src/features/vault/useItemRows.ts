// The rows for the current filter, search text and sort, fetched a window at a time: main
// answers each request with up to PAGE rows from an offset and the number of matches, so a
// keystroke paints its result from one small reply and a 100,000-item list never crosses IPC
// whole. The list asks for the windows it scrolls to (ensure); range selection and Ctrl+A ask
// for what they cover (load). Replies can arrive out of order while the user types, so only
// replies to the newest query may set rows; the old rows stay on screen until the new ones
// come, which keeps the list from flashing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemQuery, SortOrder } from '../../../../shared/domain';
import { LIST_WINDOW_ROWS, type ItemListRow } from '../../../../shared/item-views';
import { call } from '../../lib/ipc';
import { filterQuery, type VaultFilter } from '../../state/routes';

/** Rows per request (shared/item-views.ts): the bench asks for its first window the same way. */
export const PAGE = LIST_WINDOW_ROWS;

export interface ItemRows {
  /** Rows by position; a hole is a row not fetched yet. Null before the first reply. */
  rows: (ItemListRow | undefined)[] | null;
  /** How many items match in all. */
  total: number;
  /** Changes when rows for a new query (or a reload) arrive; not when a page fills a hole. */
  generation: number;
  error: string;
  /** Where the row with this id is among the rows fetched so far; -1 when not (yet) there. */
  indexOf(id: string | null): number;
  /** Fetches the windows covering [from, to) that are not here yet. */
  ensure(from: number, to: number): void;
  /** The rows [from, to), fetching what is missing. */
  load(from: number, to: number): Promise<ItemListRow[]>;
}

interface Loaded {
  seq: number;
  rows: (ItemListRow | undefined)[] | null;
  /** Position by id of the rows fetched: a lookup instead of a scan of up to 100,000 slots. */
  index: Map<string, number>;
  total: number;
  error: string;
}

export function useItemRows(filter: VaultFilter, text: string, sort: SortOrder, revision: number): ItemRows {
  const [state, setState] = useState<Loaded>({ seq: 0, rows: null, index: new Map(), total: 0, error: '' });
  const data = useRef<Loaded>(state);
  const seq = useRef(0);
  const query = useRef<ItemQuery>({});
  /** Pages asked for under the current query (in flight or here). */
  const pages = useRef(new Map<number, Promise<void>>());

  const fetchPage = useCallback((page: number, mine: number): Promise<void> => {
    const known = pages.current.get(page);
    if (known) return known;
    const p = call('item:list', { ...query.current, offset: page * PAGE, limit: PAGE }).then((r) => {
      if (mine !== seq.current) return;
      if (!r.ok) {
        pages.current.delete(page);
        data.current = { ...data.current, error: r.error.message };
        return setState(data.current);
      }
      // The first reply to a new query replaces the old rows; later pages fill holes. The ref
      // is current at once (load reads it); the state copy re-renders the list.
      const d = data.current;
      const fresh = d.seq !== mine || !d.rows;
      const rows = fresh || !d.rows ? new Array<ItemListRow | undefined>(r.value.total) : [...d.rows];
      const index = fresh ? new Map<string, number>() : new Map(d.index);
      rows.length = r.value.total;
      r.value.rows.forEach((row, i) => {
        rows[page * PAGE + i] = row;
        index.set(row.id, page * PAGE + i);
      });
      data.current = { seq: mine, rows, index, total: r.value.total, error: '' };
      setState(data.current);
    });
    pages.current.set(page, p);
    return p;
  }, []);

  useEffect(() => {
    const mine = ++seq.current;
    const q = text.trim();
    // With search text and no explicit choice, the best match comes first.
    const order: SortOrder = q && sort === 'title' ? 'relevance' : sort;
    query.current = { ...filterQuery(filter), ...(q ? { text: q } : {}), sort: order };
    pages.current = new Map();
    void fetchPage(0, mine);
  }, [filter, text, sort, revision, fetchPage]);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(Math.max(0, from) / PAGE); page * PAGE < to; page++) void fetchPage(page, seq.current);
    },
    [fetchPage],
  );

  const load = useCallback(
    async (from: number, to: number): Promise<ItemListRow[]> => {
      const mine = seq.current;
      const wanted: Promise<void>[] = [];
      for (let page = Math.floor(Math.max(0, from) / PAGE); page * PAGE < to; page++) wanted.push(fetchPage(page, mine));
      await Promise.all(wanted);
      return (data.current.rows ?? []).slice(from, to).filter((r): r is ItemListRow => r !== undefined);
    },
    [fetchPage],
  );

  const { index } = state;
  const indexOf = useCallback((id: string | null) => (id === null ? -1 : (index.get(id) ?? -1)), [index]);

  return { rows: state.rows, total: state.total, generation: state.seq, error: state.error, indexOf, ensure, load };
}
