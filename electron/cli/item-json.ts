// The stable --json shape of an item (documented in the README). Secret values are null
// unless the caller revealed them through Vault.useField, which logs each reveal.
import type { ItemSummary, ItemType } from '../../shared/domain';
import type { Vault } from '../core/vault';
import { isoTime } from './format';

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
    createdAt: isoTime(s.createdAt),
    updatedAt: isoTime(s.updatedAt),
    lastUsedAt: isoTime(s.lastUsedAt),
    deletedAt: isoTime(s.deletedAt),
  };
}

/**
 * Reveals every secret of one item through Vault.useField, so each value that leaves the
 * vault is written to usage history as a `reveal` by the CLI. Empty secrets are skipped.
 */
export function revealAll(vault: Vault, id: string): Revealed {
  const item = vault.getItem(id);
  const out: Revealed = { fields: new Map() };
  for (const field of ['password', 'secret', 'totp'] as const) {
    if (item[field] !== '') out[field] = vault.useField(id, field, 'reveal');
  }
  item.fields.forEach((f, i) => {
    if (!f.concealed) return;
    out.fields.set(i, f.value === '' ? '' : vault.useField(id, `field:${i}`, 'reveal'));
  });
  return out;
}
