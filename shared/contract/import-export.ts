// import:* and export:* — choose a file, preview it, commit it while the window follows its
// progress, and save an export after the master password is entered again.
import { z } from 'zod';
import {
  columnMappingSchema,
  VAULT_EXPORT_FORMATS,
  IMPORT_FORMATS,
  type ExportResult,
  type ImportFileInfo,
  type ImportPreviewReply,
  type ImportProgress,
  type ImportResult,
} from '../import-export';
import { channel, empty, id, password, type DomainChannels } from './kit';

// No file bytes cross IPC: main opens the file in its own dialog, reads it once and keeps
// it under a source id; the renderer only ever names that id (and then the preview's id).
export const importPreviewSchema = z
  .object({
    sourceId: id,
    format: z.enum(IMPORT_FORMATS).optional(),
    mapping: columnMappingSchema.optional(),
    /** Password of an encrypted Keystash export, a KeePass database or a protected Bitwarden export. */
    password: z.string().min(1).max(1024).optional(),
  })
  .strict();

export const importCommitSchema = z
  .object({ previewId: id, skipDuplicates: z.boolean(), skipProblemRows: z.boolean() })
  .strict();

export const importProgressSchema = z.object({ previewId: id }).strict();

export const exportSaveSchema = z
  .object({
    format: z.enum(VAULT_EXPORT_FORMATS),
    /** The master password, entered again. */
    masterPassword: password,
    /** Password for the encrypted `keystash` and `kdbx` formats. */
    exportPassword: z.string().min(8, 'The export password needs at least 8 characters').max(1024).optional(),
    /** The person saw that csv, bitwarden and json files are not encrypted. */
    acknowledgedUnencrypted: z.boolean(),
  })
  .strict();

export const importExportChannels = {
  'import:choose-file': channel(empty).returns<ImportFileInfo | { cancelled: true }>(),
  /** A KeePass database's key file, read by main and kept with the chosen source for its previews. */
  'import:choose-key-file': channel(z.object({ sourceId: id }).strict()).returns<{ fileName: string } | { cancelled: true }>(),
  'import:preview': channel(importPreviewSchema).returns<ImportPreviewReply>(),
  'import:commit': channel(importCommitSchema).returns<ImportResult & { problemsTotal: number }>(),
  'import:progress': channel(importProgressSchema).returns<ImportProgress | null>(),
  'export:save': channel(exportSaveSchema).returns<ExportResult | { cancelled: true }>(),
} satisfies DomainChannels<'import' | 'export'>;
