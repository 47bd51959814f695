// Loads the rows for the current filter, search text and sort. The first window of rows (and
// the number of matches) comes at once, so a keystroke paints its result without waiting for
// a large vault's whole list; the rest follows once typing pauses, for scrolling and range
// selection. Replies can arrive out of order while the user types, so only the newest request
// may set the rows; the old rows stay on screen until then, which keeps the list from flashing.
import { useEffect, useRef, useState } from 'react';
import type { SortOrder } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';
import { call } from '../../lib/ipc';
import { filterQuery, type VaultFilter } from '../../state/routes';

/** Rows in the first reply: a few screens' worth. */
export const FIRST_WINDOW = 200;
/** How long typing must pause before the rest of a long list is fetched. */
const REST_AFTER_MS = 250;

interface RowsState {
  /** The rows loaded so far, from the top of the list; null before the first reply. */
  rows: ItemListRow[] | null;
  /** How many items match in all (rows past `rows.length` are still on their way). */
  total: number;
  error: string;
}

export function useItemRows(filter: VaultFilter, text: string, sort: SortOrder, revision: number): RowsState {
  const [state, setState] = useState<RowsState>({ rows: null, total: 0, error: '' });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const q = text.trim();
    // With search text and no explicit choice, the best match comes first.
    const order: SortOrder = q && sort === 'title' ? 'relevance' : sort;
    const query = { ...filterQuery(filter), ...(q ? { text: q } : {}), sort: order };
    let timer = 0;
    void call('item:list', { ...query, limit: FIRST_WINDOW }).then((r) => {
      if (mine !== seq.current) return;
      if (!r.ok) return setState((s) => ({ ...s, error: r.error.message }));
      setState({ rows: r.value.rows, total: r.value.total, error: '' });
      if (r.value.total <= r.value.rows.length) return;
      timer = window.setTimeout(() => {
        void call('item:list', { ...query, offset: r.value.rows.length }).then((rest) => {
          if (mine !== seq.current || !rest.ok) return;
          setState((s) => (s.rows ? { rows: [...s.rows, ...rest.value.rows], total: rest.value.total + r.value.rows.length, error: '' } : s));
        });
      }, REST_AFTER_MS);
    });
    return () => window.clearTimeout(timer);
  }, [filter, text, sort, revision]);
  return state;
}
