// Which item stays selected as the list's rows change, and which one the item pane shows:
// the selection, or a moment late while a search is being typed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemRows } from './useItemRows';

/** How long typing must pause before the item pane follows the search's best match. */
const DETAIL_SETTLE_MS = 200;

export interface FollowedSelection {
  /** The item the pane shows. */
  detailId: string | null;
  /** Shows this item in the pane at once. */
  setDetailId: (id: string | null) => void;
  /** The user picked an item (click, arrows): the pane no longer waits for typing to pause. */
  userPicked: () => void;
  /** The search text changed: the next new rows select their best match. */
  searchChanged: () => void;
}

export function useFollowedSelection(
  { rows, total, generation, indexOf, ensure }: ItemRows,
  selectedId: string | null,
  setSelectedId: (id: string | null) => void,
): FollowedSelection {
  const [detailId, setDetailId] = useState(selectedId);
  const lastIndex = useRef(0);
  const seenGeneration = useRef(-1);
  const searchChangedRef = useRef(false);
  /** The selection just moved to a search's best match (not the user's own pick). */
  const bestMatchPending = useRef(false);
  const awaitingNeighbour = useRef(false);

  // Keep a selection while there are rows: when the selected item leaves the list (trashed,
  // filtered out), its neighbour takes its place.
  // Only a new set of rows moves the selection: an item just saved may be selected before
  // the reloaded list that contains it arrives.
  // Rows come a window at a time: a neighbour not fetched yet is asked for, and taken when it
  // arrives.
  useEffect(() => {
    if (!rows) return;
    const fresh = seenGeneration.current !== generation;
    seenGeneration.current = generation;
    const i = indexOf(selectedId);
    if (fresh && searchChangedRef.current) {
      // A new search selects its best match, so Enter acts on what the user looked for.
      searchChangedRef.current = false;
      lastIndex.current = 0;
      if (i !== 0) {
        bestMatchPending.current = true;
        setSelectedId(rows[0]?.id ?? null);
      }
    } else if (i >= 0) {
      lastIndex.current = i;
      awaitingNeighbour.current = false;
    } else if (fresh || selectedId === null || awaitingNeighbour.current) {
      const at = Math.min(lastIndex.current, total - 1);
      const neighbour = rows[at];
      awaitingNeighbour.current = at >= 0 && !neighbour;
      if (neighbour || at < 0) setSelectedId(neighbour?.id ?? null);
      else ensure(at, at + 1);
    }
  }, [rows, total, generation, selectedId, setSelectedId, ensure, indexOf]);

  // While the user types a search, each keystroke selects its best match; the item pane (its
  // record, history and code, all read in main) follows once typing pauses, so main answers
  // the next keystroke's list first.
  // A pick of the user's own (click, arrows) shows at once.
  useEffect(() => {
    if (!bestMatchPending.current) return setDetailId(selectedId);
    const timer = window.setTimeout(() => {
      bestMatchPending.current = false;
      setDetailId(selectedId);
    }, DETAIL_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [selectedId]);

  const userPicked = useCallback(() => {
    bestMatchPending.current = false;
  }, []);
  const searchChanged = useCallback(() => {
    searchChangedRef.current = true;
  }, []);
  return { detailId, setDetailId, userPicked, searchChanged };
}
