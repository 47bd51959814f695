// Reads an import file from disk, once, under the one size limit every importer shares (the
// CLI and the desktop app alike). The size is checked on the open file before its content is
// read, and the read stops one byte past that size, so a file that grows after the check is
// refused instead of being read whole. Only a regular file is read: a named pipe (FIFO), a
// device or a socket could block forever or never end, so it is refused at once.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { KeystashError } from '../../errors';

/** The largest import file: far beyond any real password export, small enough to hold in memory. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

function tooLarge(): KeystashError {
  return new KeystashError('invalid-input', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it and import the parts.`);
}

function readError(file: string, err: unknown): KeystashError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new KeystashError('not-found', `No file at ${file}.`);
  return new KeystashError('io', `Could not read ${file} (${code ?? 'unknown error'}).`);
}

/** What a non-regular file is, for the refusal message. */
function kindOf(stat: { isFIFO(): boolean; isDirectory(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}

function notRegular(file: string, kind: string): KeystashError {
  return new KeystashError('invalid-input', `${file} is ${kind}, not a regular file; save the export to a file and import that.`);
}

/**
 * Opening a FIFO for reading waits for a writer, in a thread Node cannot cancel. O_NONBLOCK
 * makes that open return at once (it changes nothing for a regular file), and the kind is
 * then checked on the open handle, so a path swapped for a FIFO after any earlier look is
 * still refused. Windows has no FIFOs at a path and no O_NONBLOCK.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The file's bytes; throws `invalid-input` for a file over MAX_IMPORT_BYTES without reading it. */
export async function readImportFile(file: string): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (err) {
    throw readError(file, err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegular(file, kindOf(stat));
    if (stat.size > MAX_IMPORT_BYTES) throw tooLarge();
    // One byte of room past the size seen: reading it means the file grew meanwhile.
    const buffer = new Uint8Array(stat.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        buffer.fill(0);
        throw new KeystashError('io', `${file} changed while it was being read; try again when it is complete.`);
      }
    }
    return buffer.subarray(0, length);
  } catch (err) {
    throw err instanceof KeystashError ? err : readError(file, err);
  } finally {
    await handle.close();
  }
}
