// Where the main area points: a filtered view of the vault, or one of the tool pages
// registered in app/pages.tsx.
import type { ItemQuery, ItemType } from '../../../shared/domain';

export type VaultFilter =
  | { kind: 'all' }
  | { kind: 'favorites' }
  | { kind: 'type'; type: ItemType }
  | { kind: 'tag'; tag: string }
  | { kind: 'folder'; folder: string }
  | { kind: 'trash' }
  | { kind: 'recent' }
  | { kind: 'stale' };

const DAY_MS = 86_400_000;

/** `select` opens the vault view with that item selected (links from tool pages). */
export type Route = { page: 'vault'; filter: VaultFilter; select?: string } | { page: 'tool'; id: string };

export const HOME: Route = { page: 'vault', filter: { kind: 'all' } };

export function filterQuery(f: VaultFilter): ItemQuery {
  switch (f.kind) {
    case 'all':
      return {};
    case 'favorites':
      return { favorite: true };
    case 'type':
      return { type: f.type };
    case 'tag':
      return { tag: f.tag };
    case 'folder':
      return { folder: f.folder };
    case 'trash':
      return { trash: true };
    case 'recent':
      return { usedSince: Date.now() - 30 * DAY_MS, sort: 'last-used' };
    case 'stale':
      return { unusedSince: Date.now() - 180 * DAY_MS };
  }
}

export function filterTitle(f: VaultFilter): string {
  switch (f.kind) {
    case 'all':
      return 'All items';
    case 'favorites':
      return 'Favorites';
    case 'type':
      return f.type === 'login' ? 'Logins' : f.type === 'api_key' ? 'API keys' : 'Notes';
    case 'tag':
      return `#${f.tag}`;
    case 'folder':
      return f.folder;
    case 'trash':
      return 'Trash';
    case 'recent':
      return 'Recently used';
    case 'stale':
      return 'Not used in 180 days';
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
