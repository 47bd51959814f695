// Exports the vault: gathers the items (with secrets; they stay in this process until they
// are written), renders the chosen format, writes the file safely (safe-write.ts) and records
// the export in usage history. CSV, Bitwarden and JSON hold the items that are not in the
// trash; the encrypted Keystash format holds everything, trash and password history included.
import { DEFAULT_KDF, type KdfParams } from '../../../../shared/domain';
import type { ExportFormat, ExportResult } from '../../../../shared/import-export';
import { KeystashError } from '../../errors';
import type { Vault } from '../../vault';
import { bitwardenHeader, bitwardenRow } from './bitwarden-csv';
import { MIN_EXPORT_PASSWORD_LENGTH, sealExport, toExported, type ExportRecord } from '../encrypted/envelope';
import { writeKdbx } from '../kdbx/write';
import { writeCxf } from '../cxf/write';
import { jsonItemWithSecrets } from '../json-item';
import { keystashCsvHeader, keystashCsvRow } from '../keystash-csv/columns';
import { writeExportFile } from './safe-write';

export { VAULT_EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../../../shared/import-export';

export interface ExportOptions {
  format: ExportFormat;
  /** Required for the encrypted `keystash` format and for `kdbx`. */
  password?: string;
  /** A key file the KeePass database also needs to open (kdbx only). */
  keyFile?: Uint8Array;
  kdf?: KdfParams;
  overwrite?: boolean;
}


function ids(vault: Vault, includeTrash: boolean): string[] {
  return [...vault.items.list({}), ...(includeTrash ? vault.items.list({ trash: true }) : [])].map((s) => s.id);
}

function records(vault: Vault, includeTrash: boolean): ExportRecord[] {
  return ids(vault, includeTrash).map((id) => {
    const { item, passwordHistory } = vault.items.record(id);
    return { item, passwordHistory };
  });
}

/** Records with every file, the items' trash included: the encrypted export carries everything. */
function recordsWithFiles(vault: Vault): ExportRecord[] {
  return records(vault, true).map((r) => {
    const files = vault.attachments.forExport(r.item.id, { trash: true });
    return files.length === 0 ? r : { ...r, attachments: files.map((f) => toExported(f.info, f.content)) };
  });
}

/** The file's content; exported separately so tests can check it without touching disk. */
/** A KeePass database of the vault (KDBX 4, Argon2id), its recycle bin holding the trash. */
export async function renderKdbx(vault: Vault, opts: Omit<ExportOptions, 'format'>): Promise<{ content: Uint8Array; count: number }> {
  if (!opts.password && !opts.keyFile) throw new KeystashError('invalid-input', 'A KeePass database needs a password (or a key file) to protect it.');
  if (!opts.keyFile && (opts.password ?? '').length < MIN_EXPORT_PASSWORD_LENGTH) {
    throw new KeystashError('invalid-input', `The database password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long (or add a key file).`);
  }
  const rs = ids(vault, true).map((id) => ({ ...vault.items.record(id), files: vault.attachments.forExport(id).map((f) => ({ name: f.info.name, content: f.content })) }));
  const content = await writeKdbx(rs, { password: opts.password ?? '', ...(opts.keyFile ? { keyFile: opts.keyFile } : {}), kdf: opts.kdf ?? DEFAULT_KDF });
  return { content, count: rs.length };
}

/** CXF 1.0 of the items not in the trash: the JSON, or a zip with their files. Not encrypted. */
export function renderCxf(vault: Vault): { content: Uint8Array; count: number; zipped: boolean } {
  const rs = ids(vault, false).map((id) => {
    const { item, passwordHistory } = vault.items.record(id);
    return { item, passwordHistory, files: vault.attachments.forExport(id).map((f) => ({ name: f.info.name, content: f.content })) };
  });
  const { content, zipped } = writeCxf(rs);
  return { content, count: rs.length, zipped };
}

export async function renderExport(vault: Vault, opts: ExportOptions & { format: Exclude<ExportFormat, 'kdbx' | 'cxf'> }): Promise<{ content: string; count: number }> {
  switch (opts.format) {
    case 'csv': {
      const rs = records(vault, false);
      return { content: keystashCsvHeader() + rs.map((r) => keystashCsvRow(r.item, r.passwordHistory)).join(''), count: rs.length };
    }
    case 'bitwarden': {
      const rs = records(vault, false);
      return { content: bitwardenHeader() + rs.map((r) => bitwardenRow(r.item)).join(''), count: rs.length };
    }
    case 'json': {
      const rs = records(vault, false);
      const items = rs.map((r) => jsonItemWithSecrets(r.item, vault.items.listedItem(r.item.id).lastUsedAt));
      return { content: `${JSON.stringify({ items }, null, 2)}\n`, count: rs.length };
    }
    case 'keystash': {
      if (!opts.password) throw new KeystashError('invalid-input', 'An encrypted export needs a password to protect the file.');
      const rs = recordsWithFiles(vault);
      return { content: await sealExport(rs, opts.password, opts.kdf ?? DEFAULT_KDF), count: rs.length };
    }
  }
}

export async function exportVault(vault: Vault, file: string, opts: ExportOptions): Promise<ExportResult> {
  const { content, count } = opts.format === 'kdbx' ? await renderKdbx(vault, opts) : opts.format === 'cxf' ? renderCxf(vault) : await renderExport(vault, { ...opts, format: opts.format });
  writeExportFile(file, content, { overwrite: opts.overwrite ?? false });
  const encrypted = opts.format === 'keystash' || opts.format === 'kdbx';
  vault.history.record({ kind: 'export', detail: { note: `format ${opts.format}${encrypted ? ' (encrypted)' : ' (not encrypted)'}`, count } });
  return { format: opts.format, file, count, encrypted };
}
