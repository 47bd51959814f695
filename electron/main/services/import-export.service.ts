// Import and export for the desktop app. An import starts in main: an injected adapter asks
// which file (the OS open dialog in the app, a set path in tests), main reads it once under
// the core's size limit and keeps it under a random source id. Each preview of that source
// (another format, mapping or password) reuses the kept content, and keeps its checked items
// under a preview id; the commit saves those items batch by batch while the window polls
// `import:progress` for a real progress bar. Only the latest source and preview are kept,
// dropped on lock, on commit and when replaced. The renderer gets names, sizes, counts,
// sample rows without secrets, problems and duplicates, never the file's bytes. An export asks
// for the master password again and a save path from another injected adapter, then writes
// the file through the core's safe writer.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportFormat, ExportResult, ImportFileInfo, ImportPreviewReply, ImportProgress, ImportResult } from '../../../shared/import-export';
import { KeystashError } from '../../core/errors';
import { exportVault } from '../../core/formats/export/run';
import { commitImport, loadFile, previewImport, readImportFile, type CheckedImport, type LoadedFile, type SourceOptions } from '../../core/formats/import';
import type { VaultService } from './vault.service';

/** Lists longer than this are cut before they cross IPC; the totals say how many there were. */
export const LIST_LIMIT = 500;

/** Asks where to save; null when the person cancels. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

/** Asks which file to import; null when the person cancels. */
export type ChooseOpenPath = () => Promise<string | null>;

const SUGGESTED: Record<ExportFormat, string> = {
  csv: 'keystash-export.csv',
  bitwarden: 'keystash-bitwarden.csv',
  json: 'keystash-export.json',
  keystash: 'keystash-backup.keystash-export',
  kdbx: 'keystash.kdbx',
  cxf: 'keystash.cxf.json',
};

/** A chosen file, read and loaded once. */
interface KeptSource {
  id: string;
  file: LoadedFile;
  /** A KeePass database's key file, once chosen. */
  keyFile?: Uint8Array;
}

/** A preview of the kept source, with the checked items its commit saves. */
interface KeptPreview {
  id: string;
  checked: CheckedImport;
}

const sourceGone = (): KeystashError => new KeystashError('not-found', 'That file is no longer open; choose it again.');
const busy = (): KeystashError => new KeystashError('busy', 'An import is in progress; try again when it has finished.');

export class ImportExportService {
  private source: KeptSource | null = null;
  private pending: KeptPreview | null = null;
  private running: ImportProgress | null = null;

  constructor(
    private readonly vault: VaultService,
    /** Replaceable so tests (and the e2e harness) can answer the save dialog. */
    public chooseSavePath: ChooseSavePath = async () => null,
    /** Replaceable so tests (and the e2e harness) can answer the open dialog. */
    public chooseOpenPath: ChooseOpenPath = async () => null,
    /** Replaceable so tests (and the e2e harness) can pick a key file. */
    public chooseKeyFilePath: ChooseOpenPath = async () => null,
  ) {}

  /** Reads a key file for the kept KeePass database; its previews then use it. */
  async chooseKeyFile(sourceId: string): Promise<{ fileName: string } | { cancelled: true }> {
    this.vault.unlocked();
    const source = this.source;
    if (!source || source.id !== sourceId) throw sourceGone();
    if (!(source.file.encrypted && source.file.kind === 'kdbx')) throw new KeystashError('invalid-input', 'Only a KeePass database takes a key file.');
    const file = await this.chooseKeyFilePath();
    if (!file) return { cancelled: true };
    const bytes = await readImportFile(file);
    if (this.source !== source) throw sourceGone();
    source.keyFile?.fill(0);
    source.keyFile = bytes;
    return { fileName: path.basename(file) };
  }

  /**
   * Asks for a file, reads it (refused over the size limit before it is read whole), and
   * keeps it for previews. A cancelled dialog changes nothing; any other choice replaces the
   * kept file and preview, even when the new file cannot be read.
   */
  async chooseFile(): Promise<ImportFileInfo | { cancelled: true }> {
    this.vault.unlocked();
    if (this.running) throw busy();
    const file = await this.chooseOpenPath();
    if (!file) return { cancelled: true };
    if (this.running) throw busy();
    this.discard();
    const bytes = await readImportFile(file);
    let loaded: LoadedFile | null = null;
    try {
      loaded = loadFile(bytes);
      // The vault may have locked while the dialog was open or the file was read.
      this.vault.unlocked();
    } finally {
      // A CSV lives on as decoded text; only an encrypted export still needs its bytes.
      if (!loaded?.encrypted) bytes.fill(0);
    }
    // Another choice may have finished while this file was read; the latest one is kept.
    this.discard();
    this.source = { id: randomUUID(), file: loaded };
    return { sourceId: this.source.id, fileName: path.basename(file), size: bytes.length, ...(loaded.encrypted ? { protectedBy: loaded.kind } : {}) };
  }

  /** Previews the kept file with these options; the preview and its items are kept for the commit. */
  async preview(req: { sourceId: string } & SourceOptions): Promise<ImportPreviewReply> {
    const vault = this.vault.unlocked();
    if (this.running) throw busy();
    const source = this.source;
    if (!source || source.id !== req.sourceId) throw sourceGone();
    const opts: SourceOptions = {
      ...(req.format ? { format: req.format } : {}),
      ...(req.mapping ? { mapping: req.mapping } : {}),
      ...(req.password ? { password: req.password } : {}),
      ...(source.keyFile ? { keyFile: source.keyFile } : {}),
    };
    const checked = await previewImport(vault, source.file, opts);
    // The rows are read in slices: the vault may have locked, or another file been chosen, meanwhile.
    this.vault.unlocked();
    if (this.source !== source) throw sourceGone();
    this.pending = { id: randomUUID(), checked };
    const { preview } = checked;
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
    if (this.running) throw busy();
    const running: ImportProgress = { previewId: p.id, fraction: 0, imported: 0, phase: 'saving' };
    this.running = running;
    try {
      const result = await commitImport(vault, p.checked, {
        skipDuplicates: req.skipDuplicates,
        acceptProblems: req.skipProblemRows,
        onProgress: (fraction, imported) => {
          running.fraction = fraction;
          running.imported = imported;
          // After the last batch come the commit and the reload of the item list.
          if (fraction >= 1) running.phase = 'finishing';
        },
      });
      // Saved: the file and preview are done with (unless another file was chosen meanwhile).
      if (result.committed && this.pending === p) this.discard();
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

  /** Forgets the kept file and preview (they hold secrets in plain text). */
  discard(): void {
    const file = this.source?.file;
    if (file?.encrypted) file.bytes.fill(0);
    this.source?.keyFile?.fill(0);
    this.source = null;
    this.pending = null;
  }

  async export(req: { format: ExportFormat; masterPassword: string; exportPassword?: string | undefined; acknowledgedUnencrypted: boolean }): Promise<ExportResult | { cancelled: true }> {
    const vault = this.vault.unlocked();
    const encrypted = req.format === 'keystash' || req.format === 'kdbx';
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
