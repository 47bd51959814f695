// The JSON export: {items: [...]} in the same item shape as the CLI's --json output, with
// every secret value included (the person asked for a plain export).
import type { Item, ItemType } from '../../../shared/domain';

export interface ExportJsonItem {
  id: string;
  type: ItemType;
  title: string;
  username: string;
  password: string;
  urls: string[];
  totp: string;
  notes: string;
  tags: string[];
  folder: string;
  favorite: boolean;
  fields: { name: string; value: string; concealed: boolean }[];
  service: string;
  keyId: string;
  secret: string;
  environment: string;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  deletedAt: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function jsonExportItem(item: Item, lastUsedAt: number | null): ExportJsonItem {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    username: item.username,
    password: item.password,
    urls: [...item.urls],
    totp: item.totp,
    notes: item.notes,
    tags: [...item.tags],
    folder: item.folder,
    favorite: item.favorite,
    fields: item.fields.map((f) => ({ name: f.name, value: f.value, concealed: f.concealed })),
    service: item.service,
    keyId: item.keyId,
    secret: item.secret,
    environment: item.environment,
    expiresAt: item.expiresAt,
    createdAt: new Date(item.createdAt).toISOString(),
    updatedAt: new Date(item.updatedAt).toISOString(),
    lastUsedAt: iso(lastUsedAt),
    deletedAt: iso(item.deletedAt),
  };
}
