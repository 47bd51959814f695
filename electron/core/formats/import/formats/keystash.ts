// Reads Keystash's own CSV export back exactly: the formula guard is undone on every cell,
// JSON columns are checked with zod, and timestamps and password history are kept.
import type { ItemInput } from '../../../../../shared/domain';
import { unguardFormula } from '../../csv/write';
import { jsonColumns, KEYSTASH_CSV_COLUMNS } from '../../keystash-csv/columns';
import type { Row } from '../row';
import type { FormatSpec, ImportedItem, MapOutcome } from '../types';
import { hasAll } from './shared';

type JsonColumn = keyof typeof jsonColumns;

function readJson(row: Row, col: JsonColumn): { ok: true; value: unknown } | { ok: false } {
  const raw = unguardFormula(row.take(col));
  if (raw === '') return { ok: true, value: [] };
  try {
    const r = jsonColumns[col].safeParse(JSON.parse(raw));
    return r.success ? { ok: true, value: r.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function time(row: Row, col: 'created_at' | 'updated_at'): number | undefined {
  const v = unguardFormula(row.take(col));
  const ms = v === '' ? NaN : Date.parse(v);
  return Number.isFinite(ms) ? ms : undefined;
}

function mapKeystash(row: Row): MapOutcome {
  const text = (col: string): string => unguardFormula(row.take(col));
  const json: Partial<Record<JsonColumn, unknown>> = {};
  for (const col of Object.keys(jsonColumns) as JsonColumn[]) {
    const r = readJson(row, col);
    if (!r.ok) return { problem: `the ${col} column is not valid JSON of the expected shape` };
    json[col] = r.value;
  }
  const rotation = text('rotation_days');
  const created = time(row, 'created_at');
  const updated = time(row, 'updated_at');
  const input = {
    type: text('type'),
    title: text('title'),
    username: text('username'),
    password: text('password'),
    urls: json.urls,
    totp: text('totp'),
    notes: text('notes'),
    tags: json.tags,
    folder: text('folder'),
    favorite: text('favorite') === 'true',
    fields: json.fields as unknown[],
    service: text('service'),
    keyId: text('key_id'),
    secret: text('secret'),
    environment: text('environment'),
    expiresAt: text('expires_at') || null,
    rotationDays: rotation === '' ? null : Number(rotation),
  };
  // Columns a newer Keystash might add are kept as custom fields (read after every known one).
  input.fields = [...input.fields, ...row.extras()];
  // The planner validates `input` against itemInputSchema before anything is saved.
  const out: ImportedItem = { input: input as unknown as ItemInput, passwordHistory: json.password_history as ImportedItem['passwordHistory'] };
  if (created !== undefined) out.createdAt = created;
  if (updated !== undefined) out.updatedAt = updated;
  return out;
}

export const keystash: FormatSpec = {
  id: 'keystash',
  label: 'Keystash',
  required: ['type', 'title', 'key_id', 'rotation_days', 'password_history'],
  detect: (h) => hasAll(h, KEYSTASH_CSV_COLUMNS),
  map: mapKeystash,
};
