// Keystash's own CSV format: one column per item field, lists and custom fields as JSON,
// timestamps as ISO 8601 with milliseconds, password history included. Every cell is
// formula-guarded in the lossless way (see csv/write.ts), so export → import is exact.
import { z } from 'zod';
import { customFieldSchema, HISTORY_FIELDS, type Item, type PasswordHistoryEntry } from '../../../../shared/domain';
import { csvLine } from '../csv/write';

export const KEYSTASH_CSV_COLUMNS = [
  'type',
  'title',
  'username',
  'password',
  'urls',
  'totp',
  'notes',
  'tags',
  'folder',
  'favorite',
  'fields',
  'service',
  'key_id',
  'secret',
  'environment',
  'expires_at',
  'rotation_days',
  'created_at',
  'updated_at',
  'password_history',
] as const;
export type KeystashColumn = (typeof KEYSTASH_CSV_COLUMNS)[number];

export const jsonColumns = {
  urls: z.array(z.string()),
  tags: z.array(z.string()),
  fields: z.array(customFieldSchema),
  password_history: z.array(z.object({ field: z.enum(HISTORY_FIELDS), value: z.string(), changedAt: z.number().int() }).strict()),
};

export function keystashCsvHeader(): string {
  return csvLine(KEYSTASH_CSV_COLUMNS, true);
}

export function keystashCsvRow(item: Item, history: PasswordHistoryEntry[]): string {
  const cells: Record<KeystashColumn, string> = {
    type: item.type,
    title: item.title,
    username: item.username,
    password: item.password,
    urls: JSON.stringify(item.urls),
    totp: item.totp,
    notes: item.notes,
    tags: JSON.stringify(item.tags),
    folder: item.folder,
    favorite: item.favorite ? 'true' : 'false',
    fields: JSON.stringify(item.fields),
    service: item.service,
    key_id: item.keyId,
    secret: item.secret,
    environment: item.environment,
    expires_at: item.expiresAt ?? '',
    rotation_days: item.rotationDays === null ? '' : String(item.rotationDays),
    created_at: new Date(item.createdAt).toISOString(),
    updated_at: new Date(item.updatedAt).toISOString(),
    password_history: JSON.stringify(history),
  };
  return csvLine(
    KEYSTASH_CSV_COLUMNS.map((c) => cells[c]),
    true,
  );
}
