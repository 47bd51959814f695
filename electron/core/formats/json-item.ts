// The one JSON shape of an item, shared by the CLI's --json output and the JSON export
// (documented in the README). Secret values are null unless the caller supplies them: the CLI
// after logged reveals, the export because the person asked for every secret.
import type { Item, ItemSummary, ItemType } from '../../../shared/domain';
import { summarize } from '../items/model';

const isoTime = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export interface JsonField {
  name: string;
  value: string | null;
  concealed: boolean;
}

export interface JsonItem {
  id: string;
  type: ItemType;
  title: string;
  username: string;
  password: string | null;
  urls: string[];
  totp: string | null;
  notes: string;
  tags: string[];
  folder: string;
  favorite: boolean;
  fields: JsonField[];
  service: string;
  keyId: string;
  secret: string | null;
  environment: string;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  deletedAt: string | null;
}

/** Secret values that were revealed; a missing entry stays hidden. */
export interface Revealed {
  password?: string;
  secret?: string;
  totp?: string;
  /** Concealed custom field values by index. */
  fields: Map<number, string>;
}

export function jsonItem(s: ItemSummary, revealed?: Revealed): JsonItem {
  return {
    id: s.id,
    type: s.type,
    title: s.title,
    username: s.username,
    password: revealed?.password ?? null,
    urls: [...s.urls],
    totp: revealed?.totp ?? null,
    notes: s.notes,
    tags: [...s.tags],
    folder: s.folder,
    favorite: s.favorite,
    fields: s.fields.map((f, i) => ({ name: f.name, concealed: f.concealed, value: f.concealed ? (revealed?.fields.get(i) ?? null) : f.value })),
    service: s.service,
    keyId: s.keyId,
    secret: revealed?.secret ?? null,
    environment: s.environment,
    expiresAt: s.expiresAt,
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    lastUsedAt: isoTime(s.lastUsedAt),
    deletedAt: isoTime(s.deletedAt),
  };
}

/** A whole item with every secret, in the same shape (for the plain JSON export). */
export function jsonItemWithSecrets(item: Item, lastUsedAt: number | null): JsonItem {
  const fields = new Map<number, string>();
  item.fields.forEach((f, i) => {
    if (f.concealed) fields.set(i, f.value);
  });
  return jsonItem({ ...summarize(item), lastUsedAt }, { password: item.password, secret: item.secret, totp: item.totp, fields });
}
