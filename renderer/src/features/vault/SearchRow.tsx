// The list's search box and sort order. While a search is typed, the title order is the
// search's best-match order, and the sort menu says so.
import type { KeyboardEvent, Ref } from 'react';
import { Search } from 'lucide-react';
import type { SortOrder } from '../../../../shared/domain';

const SORTS: { value: SortOrder; label: string }[] = [
  { value: 'title', label: 'Title' },
  { value: 'updated', label: 'Last updated' },
  { value: 'last-used', label: 'Last used' },
];

interface SearchRowProps {
  inputRef: Ref<HTMLInputElement>;
  text: string;
  onText: (text: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
}

export function SearchRow({ inputRef, text, onText, onKeyDown, sort, onSort }: SearchRowProps) {
  const searching = text.trim() !== '';
  return (
    <div className="search-row">
      <div className="search-box">
        <Search size={16} aria-hidden="true" className="search-icon" />
        <input
          ref={inputRef}
          type="search"
          className="input search-input"
          aria-label="Search items"
          placeholder="Search"
          title="Search (Ctrl+F)"
          aria-keyshortcuts="Control+F"
          value={text}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
        />
      </div>
      <select className="input select" aria-label="Sort by" value={sort} onChange={(e) => onSort(e.target.value as SortOrder)}>
        {SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.value === 'title' && searching ? 'Best match' : s.label}
          </option>
        ))}
      </select>
    </div>
  );
}
