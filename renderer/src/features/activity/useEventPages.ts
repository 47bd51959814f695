// Pages of events for the virtual list. The list learns its length from a cheap count and
// fetches 200 rows at a time as they scroll into view. Without filters, row i is event
// (newest - i) because sequence numbers are contiguous, so any page loads directly; with
// filters, pages load in order, each one starting below the last row of the one before.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VaultEvent } from '../../../../shared/domain';
import type { HistoryFilter } from '../../../../shared/history';
import { call } from '../../lib/ipc';

const PAGE = 200;

interface EventPages {
  total: number | null;
  row(index: number): VaultEvent | undefined;
  /** Asks for the page holding `index` (and the ones before it, when filtered). */
  want(index: number): void;
  error: string | null;
}

export function useEventPages(filter: HistoryFilter, revision: number): EventPages {
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const pages = useRef(new Map<number, VaultEvent[]>());
  const loading = useRef(new Set<number>());
  const newest = useRef<number | null>(null);
  const generation = useRef(0);
  const key = JSON.stringify(filter);
  const filtered = Object.keys(filter).length > 0;

  useEffect(() => {
    const gen = ++generation.current;
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    setError(null);
    void Promise.all([call('history:count', filter), call('history:page', { ...filter, limit: PAGE })]).then(([count, first]) => {
      if (gen !== generation.current) return;
      if (!count.ok || !first.ok) {
        setError((!count.ok ? count.error : !first.ok ? first.error : null)?.message ?? 'Could not load the history.');
        return;
      }
      pages.current.set(0, first.value);
      newest.current = first.value[0]?.seq ?? null;
      setTotal(count.value.total);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's JSON is the dependency
  }, [key, revision]);

  const load = useCallback(
    async (page: number): Promise<void> => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      const gen = generation.current;
      let beforeSeq: number | undefined;
      if (!filtered && newest.current !== null) beforeSeq = newest.current - page * PAGE + 1;
      else {
        const prev = pages.current.get(page - 1);
        if (!prev) {
          await load(page - 1);
          return load(page);
        }
        beforeSeq = prev[prev.length - 1]?.seq;
        if (beforeSeq === undefined) return;
      }
      loading.current.add(page);
      const r = await call('history:page', { ...filter, beforeSeq, limit: PAGE });
      loading.current.delete(page);
      if (gen !== generation.current) return;
      if (!r.ok) return setError(r.error.message);
      pages.current.set(page, r.value);
      setTick((t) => t + 1);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's JSON is the dependency
    [key, filtered],
  );

  return {
    total,
    error,
    row: (i) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    want: (i) => void load(Math.floor(i / PAGE)),
  };
}
