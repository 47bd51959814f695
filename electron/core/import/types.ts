// The shapes the import pipeline passes around: format ids, what a format makes of one row,
// and the preview and result a caller (CLI, IPC handler) shows to the person importing.
import type { CustomField, ItemInput, ItemType, PasswordHistoryEntry } from '../../../shared/domain';
import type { Row } from './row';

export const IMPORT_FORMATS = [
  'bitwarden',
  'chrome',
  'firefox',
  'safari',
  'keepassxc',
  'lastpass',
  '1password',
  'protonpass',
  'dashlane',
  'keystash',
  'generic',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Targets a generic CSV column can be mapped to. */
export const MAP_TARGETS = ['title', 'username', 'password', 'url', 'notes', 'totp', 'folder', 'favorite', 'tags'] as const;
export type MapTarget = (typeof MAP_TARGETS)[number];
/** Target → the header names of the columns that feed it (`url` may take several). */
export type ColumnMapping = Partial<Record<MapTarget, string[]>>;

/** One item as an import will save it, before validation. */
export interface ImportedItem {
  input: ItemInput;
  createdAt?: number;
  updatedAt?: number;
  deletedAt?: number | null;
  passwordHistory?: PasswordHistoryEntry[];
}

export type MapOutcome = ImportedItem | { problem: string };

export interface FormatSpec {
  id: ImportFormat;
  label: string;
  /** Headers (normalized) that must all be present for this format. */
  required: readonly string[];
  /** True when the normalized header set is this format's. */
  detect(headers: ReadonlySet<string>): boolean;
  /** Columns deliberately not imported, for the preview and the README. */
  ignored?: readonly string[];
  map(row: Row): MapOutcome;
}

export interface ImportProblem {
  line: number;
  reason: string;
}

/** A row as the preview shows it: secrets are reduced to "has one". */
export interface PreviewRow {
  line: number;
  type: ItemType;
  title: string;
  username: string;
  urls: string[];
  folder: string;
  favorite: boolean;
  hasPassword: boolean;
  hasTotp: boolean;
  hasSecret: boolean;
  notes: string;
  fields: { name: string; concealed: boolean; value: string | null }[];
}

export interface DuplicateRow {
  line: number;
  title: string;
  /** Where the row's twin is: an item already in the vault, or an earlier row of this file. */
  of: 'vault' | 'file';
}

export interface ImportPreview {
  format: ImportFormat;
  formatLabel: string;
  /** True when the format was recognised from the header rather than chosen. */
  detected: boolean;
  encrypted: boolean;
  headers: string[];
  /** The mapping in use (generic CSV only). */
  mapping: ColumnMapping | null;
  ignoredColumns: string[];
  rows: number;
  counts: Record<ItemType, number>;
  sample: PreviewRow[];
  problems: ImportProblem[];
  duplicates: DuplicateRow[];
}

export interface ImportResult {
  format: ImportFormat;
  imported: number;
  /** Rows not imported: skipped duplicates plus problem rows. */
  skipped: number;
  duplicates: number;
  problems: ImportProblem[];
  /** False for a dry run, or when problems were found and not accepted (nothing changed). */
  committed: boolean;
}

export type FieldList = CustomField[];
