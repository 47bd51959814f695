// Any other CSV: the person maps columns to fields (in the UI, or `--map` in the CLI). A
// first guess comes from common header names; unmapped columns become custom fields.
import { quote, quoteList } from '../../../../../shared/input-text';
import { KeystashError } from '../../../errors';
import { cleanTotp, parseBool, splitList, splitUrls } from '../fields';
import { buildItem } from '../record';
import { normalizeHeader, type Row } from '../row';
import { MAP_TARGETS, type ColumnMapping, type FormatSpec, type MapTarget } from '../types';

const SYNONYMS: Record<MapTarget, string[]> = {
  title: ['title', 'name', 'account', 'entry', 'site name', 'item name'],
  username: ['username', 'user', 'user name', 'login', 'login name', 'email', 'e-mail', 'userid', 'user id'],
  password: ['password', 'pass', 'passwd', 'pwd', 'passphrase'],
  url: ['url', 'urls', 'website', 'web site', 'site', 'uri', 'login_uri', 'address', 'hostname', 'link'],
  notes: ['notes', 'note', 'comments', 'comment', 'extra', 'description', 'memo'],
  totp: ['totp', 'otp', 'otpauth', '2fa', 'one-time password', 'authenticator', 'mfa'],
  folder: ['folder', 'group', 'category', 'grouping', 'vault', 'collection', 'path'],
  favorite: ['favorite', 'favourite', 'fav', 'starred'],
  tags: ['tags', 'labels', 'tag', 'label'],
};

/** Headers that can only be an address; "site" may be a name ("Site;Login;Password"). */
const ADDRESS_ONLY = new Set(['url', 'urls', 'uri', 'login_uri', 'link', 'hostname', 'web address']);

/**
 * A first mapping from header names people commonly use. "Site" names the item when nothing
 * else does ("Site;Login;Password"); the address then comes from a column that can only be
 * one, if the file has it.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const target of MAP_TARGETS) {
    for (const h of headers) {
      const n = normalizeHeader(h);
      if (!taken.has(n) && SYNONYMS[target].includes(n)) {
        mapping[target] = [h];
        taken.add(n);
        break;
      }
    }
  }
  const urlColumn = mapping.url?.[0];
  if (!mapping.title && urlColumn !== undefined && normalizeHeader(urlColumn) === 'site') {
    mapping.title = [urlColumn];
    const address = headers.find((h) => ADDRESS_ONLY.has(normalizeHeader(h)));
    if (address !== undefined) mapping.url = [address];
    else delete mapping.url;
  }
  return mapping;
}

/** Parses `title=Name,username=Login,url=Site,url=Site 2` (header names may contain spaces). */
export function parseMapSpec(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    const target = part.slice(0, at).trim().toLowerCase() as MapTarget;
    const column = part.slice(at + 1).trim();
    if (at <= 0 || column === '') throw new KeystashError('invalid-input', `--map expects target=Column pairs, not ${quote(part.trim())}.`);
    if (!(MAP_TARGETS as readonly string[]).includes(target)) {
      throw new KeystashError('invalid-input', `--map: ${quote(target)} is not a field; use ${MAP_TARGETS.join(', ')}.`);
    }
    mapping[target] = [...(mapping[target] ?? []), column];
  }
  return mapping;
}

/** Refuses a mapping that names a column the file does not have. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): void {
  const have = new Set(headers.map(normalizeHeader));
  for (const [target, cols] of Object.entries(mapping)) {
    for (const c of cols ?? []) {
      if (!have.has(normalizeHeader(c))) {
        throw new KeystashError('invalid-input', `The mapping sends ${quote(c)} to ${target}, but the file has no such column (it has: ${quoteList(headers)}).`);
      }
    }
  }
}

export function genericFormat(mapping: ColumnMapping): FormatSpec {
  const one = (row: Row, target: MapTarget): string => {
    const col = mapping[target]?.[0];
    return col ? row.take(col) : '';
  };
  return {
    id: 'generic',
    label: 'Other CSV (columns mapped by you)',
    required: [],
    detect: () => true,
    map: (row) =>
      buildItem(
        {
          title: one(row, 'title'),
          username: one(row, 'username'),
          password: one(row, 'password'),
          urls: (mapping.url ?? []).flatMap((c) => splitUrls(row.take(c))),
          notes: one(row, 'notes'),
          totp: cleanTotp(one(row, 'totp')),
          folder: one(row, 'folder'),
          favorite: parseBool(one(row, 'favorite')),
          tags: splitList(one(row, 'tags')),
          fields: row.extras(),
        },
        row.line,
      ),
  };
}
