// Exports the vault: gathers the items (with secrets; they stay in this process until they
// are written), renders the chosen format, writes the file safely (safe-write.ts) and records
// the export in usage history. CSV, Bitwarden and JSON hold the items that are not in the
// trash; the encrypted Keystash format holds everything, trash and password history included.
import { DEFAULT_KDF, type KdfParams } from '../../../../shared/domain';
import type { ExportFormat, ExportResult } from '../../../../shared/import-export';
import { KeystashError } from '../../errors';
import type { Vault } from '../../vault';
import { bitwardenHeader, bitwardenRow } from './bitwarden-csv';
import { sealExport, type ExportRecord } from '../encrypted/envelope';
import { jsonItemWithSecrets } from '../json-item';
import { keystashCsvHeader, keystashCsvRow } from '../keystash-csv/columns';
import { writeExportFile } from './safe-write';

export { VAULT_EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../../../shared/import-export';

export interface ExportOptions {
  format: ExportFormat;
  /** Required for the encrypted `keystash` format. */
  password?: string;
  kdf?: KdfParams;
  overwrite?: boolean;
}


function records(vault: Vault, includeTrash: boolean): ExportRecord[] {
  const ids = [...vault.items.list({}), ...(includeTrash ? vault.items.list({ trash: true }) : [])].map((s) => s.id);
  return ids.map((id) => vault.items.record(id));
}

/** The file's content; exported separately so tests can check it without touching disk. */
export async function renderExport(vault: Vault, opts: ExportOptions): Promise<{ content: string; count: number }> {
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
      const rs = records(vault, true);
      return { content: await sealExport(rs, opts.password, opts.kdf ?? DEFAULT_KDF), count: rs.length };
    }
  }
}

export async function exportVault(vault: Vault, file: string, opts: ExportOptions): Promise<ExportResult> {
  const { content, count } = await renderExport(vault, opts);
  writeExportFile(file, content, { overwrite: opts.overwrite ?? false });
  const encrypted = opts.format === 'keystash';
  vault.history.record({ kind: 'export', detail: { note: `format ${opts.format}${encrypted ? ' (encrypted)' : ' (not encrypted)'}`, count } });
  return { format: opts.format, file, count, encrypted };
}
