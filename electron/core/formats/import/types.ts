// The shapes the import pipeline passes around: format ids, what a format makes of one row,
// and the preview and result a caller (CLI, IPC handler) shows to the person importing.
import type { ItemInput, PasswordHistoryEntry } from '../../../../shared/domain';
import type { Row } from './row';

export {
  IMPORT_FORMATS,
  MAP_TARGETS,
  type ColumnMapping,
  type DuplicateRow,
  type ImportFormat,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type MapTarget,
  type PreviewRow,
} from '../../../../shared/import-export';
import type { ImportFormat } from '../../../../shared/import-export';

/** A file an imported item brings along (KDBX, .1pux, CXF, an encrypted Keystash export). */
export interface ImportedAttachment {
  name: string;
  content: Uint8Array;
  createdAt?: number;
  /** Set when it was in the item's trash (encrypted Keystash exports). */
  deletedAt?: number | null;
}

/** One item as an import will save it, before validation. */
export interface ImportedItem {
  input: ItemInput;
  createdAt?: number;
  updatedAt?: number;
  deletedAt?: number | null;
  passwordHistory?: PasswordHistoryEntry[];
  attachments?: ImportedAttachment[];
}

/** What a format makes of a row: an item, a problem (listed by line), or a row that holds no item (a folder row). */
export type MapOutcome = ImportedItem | { problem: string } | { skip: string };

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

/** Told each row's outcome, in file order, with how far through the file it is (0–1). */
export type RowVisitor = (line: number, outcome: MapOutcome, progress: number) => void;
