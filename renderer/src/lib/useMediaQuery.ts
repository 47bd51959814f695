// Whether a CSS media query matches now, kept current as the window is resized. For layout
// choices CSS alone cannot make (a different set of components, a back button).
import { useEffect, useState } from 'react';

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const onChange = () => setMatches(m.matches);
    onChange();
    m.addEventListener('change', onChange);
    return () => m.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** The width below which the vault shows the list or the item, one at a time. */
export const SINGLE_PANE_QUERY = '(max-width: 859px)';
/** The width below which the sidebar shows only its icons. */
export const ICON_SIDEBAR_QUERY = '(max-width: 999px)';
