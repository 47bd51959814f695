// Loads the rows for the current filter, search text and sort. Replies can arrive out of
// order while the user types, so only the newest request may set the rows; the old rows
// stay on screen until then, which keeps the list from flashing.
import { useEffect, useRef, useState } from 'react';
import type { SortOrder } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';
import { call } from '../../lib/ipc';
import { filterQuery, type VaultFilter } from '../../state/routes';

interface RowsState {
  rows: ItemListRow[] | null;
  error: string;
}

export function useItemRows(filter: VaultFilter, text: string, sort: SortOrder, revision: number): RowsState {
  const [state, setState] = useState<RowsState>({ rows: null, error: '' });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const q = text.trim();
    // With search text and no explicit choice, the best match comes first.
    const order: SortOrder = q && sort === 'title' ? 'relevance' : sort;
    void call('item:list', { ...filterQuery(filter), ...(q ? { text: q } : {}), sort: order }).then((r) => {
      if (mine !== seq.current) return;
      setState(r.ok ? { rows: r.value.rows, error: '' } : (s) => ({ rows: s.rows, error: r.error.message }));
    });
  }, [filter, text, sort, revision]);
  return state;
}
