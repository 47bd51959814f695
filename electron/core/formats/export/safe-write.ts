// Writes an export file so that it is never half-written and never readable by others: the
// content goes to a temporary file (mode 0600, created exclusively) in the target's folder,
// is flushed to disk, and only then takes the target's name. An existing file is replaced only
// when the caller says so; otherwise the final step is a hard link, which fails atomically if
// something appeared at the target meanwhile.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeystashError } from '../../errors';

export interface WriteOptions {
  /** Replace an existing file (the person confirmed it). */
  overwrite?: boolean;
}

function ioError(target: string, err: unknown): KeystashError {
  const code = (err as { code?: string }).code ?? 'unknown';
  return new KeystashError('io', `Could not write ${target} (${code}); no export file was left behind.`);
}

export function existsError(target: string): KeystashError {
  return new KeystashError('exists', `${target} already exists; Keystash will not overwrite it without confirmation.`);
}

export function writeExportFile(target: string, content: string | Uint8Array, opts: WriteOptions = {}): void {
  const abs = path.resolve(target);
  if (!opts.overwrite && fs.existsSync(abs)) throw existsError(target);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new KeystashError('not-found', `The folder ${dir} does not exist.`);
  const tmp = path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (opts.overwrite) {
      fs.renameSync(tmp, abs);
    } else {
      try {
        fs.linkSync(tmp, abs);
      } catch (err) {
        if ((err as { code?: string }).code === 'EEXIST') throw existsError(target);
        // File systems without hard links: fall back to a checked rename.
        if (fs.existsSync(abs)) throw existsError(target);
        fs.renameSync(tmp, abs);
      }
    }
  } catch (err) {
    if (err instanceof KeystashError) throw err;
    throw ioError(target, err);
  } finally {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
  }
}
