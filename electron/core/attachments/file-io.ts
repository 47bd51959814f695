// Reading a file into an attachment and writing one out, a chunk at a time, so a 100 MB file
// is never whole in memory. Reading refuses anything but a regular file under the size limit
// and notices a file that changes while it is read; writing goes to a temporary file (mode
// 0600) in the target's folder, renamed into place only once complete.
import { randomBytes } from 'node:crypto';
import fs, { constants } from 'node:fs';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/attachments';
import { KeystashError } from '../errors';
import { CHUNK_BYTES, chunkCount, chunkLength } from './chunks';

/** An open file to read into an attachment: its size, then each chunk in order. */
export interface SourceFile {
  size: number;
  total: number;
  /** Chunk `index`'s bytes, in a buffer reused for the next chunk (copy it to keep it). */
  chunk(index: number): Uint8Array;
  /** Throws when the file grew past the size seen at open. */
  assertEnded(): void;
  close(): void;
}

function ioError(file: string, err: unknown): KeystashError {
  if (err instanceof KeystashError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new KeystashError('not-found', `No file at ${file}.`);
  if (code === 'EISDIR') return new KeystashError('invalid-input', `${file} is a folder, not a file.`);
  return new KeystashError('io', `Could not read ${file} (${code ?? 'unknown error'}).`);
}

export function openSourceFile(file: string): SourceFile {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
    fd = fs.openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw ioError(file, err);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new KeystashError('invalid-input', `${file} is not a regular file.`);
    if (stat.size > MAX_ATTACHMENT_BYTES) {
      throw new KeystashError('invalid-input', `${path.basename(file)} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB, the most an attachment can hold.`);
    }
    const size = stat.size;
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, size));
    const changed = (): KeystashError => new KeystashError('io', `${file} changed while it was being read; try again when it is complete.`);
    return {
      size,
      total: chunkCount(size),
      chunk(index) {
        const want = chunkLength(size, index);
        let got = 0;
        try {
          while (got < want) {
            const n = fs.readSync(fd, buffer, got, want - got, index * CHUNK_BYTES + got);
            if (n === 0) throw changed();
            got += n;
          }
        } catch (err) {
          throw ioError(file, err);
        }
        return buffer.subarray(0, want);
      },
      assertEnded() {
        if (fs.readSync(fd, Buffer.alloc(1), 0, 1, size) !== 0) throw changed();
      },
      close() {
        buffer.fill(0);
        fs.closeSync(fd);
      },
    };
  } catch (err) {
    fs.closeSync(fd);
    throw ioError(file, err);
  }
}

/**
 * Writes chunks to `target` through a temporary file beside it, created with mode 0600 and
 * renamed into place when every chunk is written and synced. An existing target is refused
 * unless `force`. On any failure (an integrity error mid-way included) the temporary file is
 * removed and the target is untouched.
 */
export function writeFileFromChunks(target: string, chunks: Iterable<Uint8Array>, opts: { force?: boolean } = {}): number {
  const dir = path.dirname(path.resolve(target));
  if (!opts.force && fs.existsSync(target)) throw new KeystashError('exists', `${target} already exists; choose another name, or pass --force to replace it.`);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
  } catch (err) {
    throw new KeystashError('io', `Could not write in ${dir} (${(err as { code?: string }).code ?? 'unknown error'}).`);
  }
  let written = 0;
  try {
    for (const c of chunks) {
      fs.writeSync(fd, c);
      written += c.length;
      c.fill(0);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (opts.force) fs.renameSync(tmp, target);
    else {
      // link() refuses an existing target, so a file that appeared since the check is kept.
      fs.linkSync(tmp, target);
      fs.rmSync(tmp);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') {
      fs.rmSync(tmp, { force: true });
      throw new KeystashError('exists', `${target} already exists; choose another name, or pass --force to replace it.`);
    }
    try {
      fs.closeSync(fd);
    } catch {
      // already closed before the rename failed
    }
    fs.rmSync(tmp, { force: true });
    if (err instanceof KeystashError) throw err;
    throw new KeystashError('io', `Could not write ${target} (${(err as { code?: string }).code ?? 'unknown error'}).`);
  }
  return written;
}
