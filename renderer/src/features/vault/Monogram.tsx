// A row's icon: the first letter of the item's site (or its title) on a colour derived from
// the same text, so rows are told apart at a glance. Nothing is fetched from the network.
import type { ItemListRow } from '../../../../shared/item-views';

/** A stable hue (0–359) from a string (FNV-1a). */
function hueOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 360;
}

/** The site's own name in a host: "fastmail" in app.fastmail.com, "bbc" in www.bbc.co.uk. */
function siteName(host: string): string {
  if (/^[\d.:]+$/.test(host)) return '';
  const labels = host.split('.');
  if (labels.length < 2) return host;
  const second = labels.at(-2) ?? '';
  return second.length <= 3 && labels.length >= 3 ? (labels.at(-3) ?? second) : second;
}

export function Monogram({ row }: { row: ItemListRow }) {
  const name = siteName(row.host) || row.title;
  const source = name.toLowerCase();
  const letter = [...name].find((c) => /[\p{L}\p{N}]/u.test(c))?.toUpperCase() ?? '?';
  return (
    <span className={`item-icon monogram type-${row.type}`} style={{ backgroundColor: `hsl(${hueOf(source)} 55% 34%)` }} aria-hidden="true">
      {letter}
    </span>
  );
}
