// Grouping helpers for health: items that share a value (reused passwords), and items linked
// by any of several keys (duplicates), merged with a small union-find.

/** Groups of two or more ids sharing the same key, each group in input order. */
export function sharedKeyGroups(entries: { id: string; key: string }[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e.id]);
  return [...byKey.values()].filter((g) => g.length > 1);
}

/** Connected groups of ids linked by any shared key; `ids` fixes the output order. */
export function linkedGroups(ids: string[], links: string[][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const group of links) {
    const [first, ...rest] = group;
    if (first === undefined) continue;
    for (const other of rest) parent.set(find(other), find(first));
  }
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    out.set(root, [...(out.get(root) ?? []), id]);
  }
  return [...out.values()].filter((g) => g.length > 1);
}
