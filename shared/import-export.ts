// Import and export shapes shared by the core, the IPC contract, the CLI and the UI: format
// ids, the column mapping of a generic CSV, the preview (no secret values) and the result.
import { z } from 'zod';
import type { ItemType } from './domain';

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
  'nordpass',
  'enpass',
  'keystash',
  'kdbx',
  'bitwarden-json',
  '1pux',
  'protonpass-json',
  'cxf',
  'generic',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats recognised from a file's content, not from a CSV header: a CSV cannot be read as one. */
export const WHOLE_FILE_FORMATS: readonly ImportFormat[] = ['kdbx', 'bitwarden-json', '1pux', 'protonpass-json', 'cxf'];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  bitwarden: 'Bitwarden',
  chrome: 'Chrome, Chromium, Edge, Brave',
  firefox: 'Firefox',
  safari: 'Safari / Apple Passwords',
  keepassxc: 'KeePassXC',
  lastpass: 'LastPass',
  '1password': '1Password',
  protonpass: 'Proton Pass',
  dashlane: 'Dashlane',
  nordpass: 'NordPass',
  enpass: 'Enpass (CSV)',
  keystash: 'Keystash',
  kdbx: 'KeePass database (.kdbx)',
  'bitwarden-json': 'Bitwarden (.json)',
  '1pux': '1Password (.1pux)',
  'protonpass-json': 'Proton Pass (.zip or .json)',
  cxf: 'Credential Exchange Format (CXF)',
  generic: 'Other CSV (map the columns)',
};

/** Targets a generic CSV column can be mapped to. */
export const MAP_TARGETS = ['title', 'username', 'password', 'url', 'notes', 'totp', 'folder', 'favorite', 'tags'] as const;
export type MapTarget = (typeof MAP_TARGETS)[number];
/** Target → the header names of the columns that feed it (`url` may take several). */
export type ColumnMapping = Partial<Record<MapTarget, string[]>>;

export const columnMappingSchema = z.partialRecord(z.enum(MAP_TARGETS), z.array(z.string().min(1).max(500)).min(1).max(20));

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

/** A file main has read for an import and keeps, named by `sourceId`; its bytes stay in main. */
export interface ImportFileInfo {
  sourceId: string;
  /** The file's name without its folder. */
  fileName: string;
  /** Its size in bytes. */
  size: number;
  /** Set when the file is protected: what asks for its password (a KeePass database may also take a key file). */
  protectedBy?: 'keystash' | 'kdbx' | 'bitwarden-json';
}

/** The preview plus the id to commit it with; long lists are cut, with their full length. */
export interface ImportPreviewReply extends ImportPreview {
  previewId: string;
  problemsTotal: number;
  duplicatesTotal: number;
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

/** How far a running import has got (the window polls for it while `import:commit` runs). */
export interface ImportProgress {
  previewId: string;
  /** Fraction of the file read and saved, 0 to 1. */
  fraction: number;
  /** Rows saved so far, in the still-open transaction. */
  imported: number;
  /** `saving` while rows are written; `finishing` while the transaction commits and the list reloads. */
  phase: 'saving' | 'finishing';
}

/** What the vault's items export to (the activity log's formats are HISTORY_EXPORT_FORMATS). */
export const VAULT_EXPORT_FORMATS = ['csv', 'bitwarden', 'json', 'keystash', 'kdbx', 'cxf'] as const;
export type ExportFormat = (typeof VAULT_EXPORT_FORMATS)[number];

export interface ExportResult {
  format: ExportFormat;
  file: string;
  count: number;
  encrypted: boolean;
}
