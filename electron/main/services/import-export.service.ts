// Import and export for the desktop app. An import is previewed first: main keeps the file's
// bytes under a random preview id (only the latest one, dropped on lock), and the renderer
// gets counts, sample rows without secrets, problems and duplicates. The commit then saves
// batch by batch while the window polls `import:progress` for a real progress bar. An export asks for the
// master password again and a save path from an injected adapter (the OS dialog in the app,
// a fixed path in tests), then writes the file through the core's safe writer.
import { randomUUID } from 'node:crypto';
import type { ExportFormat, ExportResult, ImportPreviewReply, ImportProgress, ImportResult } from '../../../shared/import-export';
import { KeystashError } from '../../core/errors';
import { exportVault } from '../../core/formats/export/run';
import { commitImport, previewImport, type SourceOptions } from '../../core/formats/import';
import type { VaultService } from './vault.service';

/** Lists longer than this are cut before they cross IPC; the totals say how many there were. */
export const LIST_LIMIT = 500;

/** Asks where to save; null when the person cancels. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

const SUGGESTED: Record<ExportFormat, string> = {
  csv: 'keystash-export.csv',
  bitwarden: 'keystash-bitwarden.csv',
  json: 'keystash-export.json',
  keystash: 'keystash-backup.keystash-export',
};

interface Pending {
  id: string;
  bytes: Uint8Array;
  opts: SourceOptions;
}

export class ImportExportService {
  private pending: Pending | null = null;
  private running: ImportProgress | null = null;

  constructor(
    private readonly vault: VaultService,
    /** Replaceable so tests (and the e2e harness) can answer the save dialog. */
    public chooseSavePath: ChooseSavePath = async () => null,
  ) {}

  async preview(req: { fileName: string; bytes: string } & SourceOptions): Promise<ImportPreviewReply> {
    const vault = this.vault.unlocked();
    const bytes = new Uint8Array(Buffer.from(req.bytes, 'base64'));
    const opts: SourceOptions = {
      ...(req.format ? { format: req.format } : {}),
      ...(req.mapping ? { mapping: req.mapping } : {}),
      ...(req.password ? { password: req.password } : {}),
    };
    const preview = await previewImport(vault, bytes, opts);
    this.discard();
    this.pending = { id: randomUUID(), bytes, opts };
    return {
      ...preview,
      previewId: this.pending.id,
      problems: preview.problems.slice(0, LIST_LIMIT),
      duplicates: preview.duplicates.slice(0, LIST_LIMIT),
      problemsTotal: preview.problems.length,
      duplicatesTotal: preview.duplicates.length,
    };
  }

  async commit(req: { previewId: string; skipDuplicates: boolean; skipProblemRows: boolean }): Promise<ImportResult & { problemsTotal: number }> {
    const vault = this.vault.unlocked();
    const p = this.pending;
    if (!p || p.id !== req.previewId) throw new KeystashError('not-found', 'That import preview has expired; choose the file again.');
    if (this.running) throw new KeystashError('busy', 'An import is in progress; try again when it has finished.');
    const running: ImportProgress = { previewId: p.id, fraction: 0, imported: 0, phase: 'saving' };
    this.running = running;
    try {
      const result = await commitImport(vault, p.bytes, {
        ...p.opts,
        skipDuplicates: req.skipDuplicates,
        acceptProblems: req.skipProblemRows,
        onProgress: (fraction, imported) => {
          running.fraction = fraction;
          running.imported = imported;
          // After the last batch come the commit and the reload of the item list.
          if (fraction >= 1) running.phase = 'finishing';
        },
      });
      if (result.committed) this.discard();
      return { ...result, problems: result.problems.slice(0, LIST_LIMIT), problemsTotal: result.problems.length };
    } finally {
      this.running = null;
    }
  }

  /** The running import's progress, or null when that preview is not being imported. */
  progress(previewId: string): ImportProgress | null {
    const r = this.running;
    return r && r.previewId === previewId ? { ...r } : null;
  }

  /** Forgets the previewed file (its bytes hold secrets in plain text). */
  discard(): void {
    this.pending?.bytes.fill(0);
    this.pending = null;
  }

  async export(req: { format: ExportFormat; masterPassword: string; exportPassword?: string | undefined; acknowledgedUnencrypted: boolean }): Promise<ExportResult | { cancelled: true }> {
    const vault = this.vault.unlocked();
    const encrypted = req.format === 'keystash';
    if (!encrypted && !req.acknowledgedUnencrypted) {
      throw new KeystashError('invalid-input', 'Confirm that you understand the export file is not encrypted.');
    }
    if (encrypted && !req.exportPassword) throw new KeystashError('invalid-input', 'Choose a password for the encrypted export.');
    await vault.masterPassword.verify(req.masterPassword);
    const file = await this.chooseSavePath(SUGGESTED[req.format]);
    if (!file) return { cancelled: true };
    // The dialog already asked before replacing an existing file, so overwriting is confirmed.
    return exportVault(vault, file, { format: req.format, ...(req.exportPassword ? { password: req.exportPassword } : {}), overwrite: true });
  }
}
