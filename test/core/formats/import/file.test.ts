// Reading an import file: one size limit for every importer, checked before the content is
// read, and clear errors for a missing file or a folder.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../../electron/core/formats/import';
import { caught, tempDir } from '../../fixtures/vault-helpers';
import { FIXTURES } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the bytes read through file handles opened by the code under test. */
function countReads(): { bytes: number } {
  const seen = { bytes: 0 };
  const open = fsp.open.bind(fsp);
  vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    const handle = await open(...args);
    const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
    Object.defineProperty(handle, 'read', {
      value: async (...a: unknown[]) => {
        const r = await read(...a);
        seen.bytes += r.bytesRead;
        return r;
      },
    });
    return handle;
  });
  return seen;
}

describe('readImportFile', () => {
  it('reads a file whole, once', async () => {
    const file = path.join(FIXTURES, 'bitwarden.csv');
    const reads = countReads();
    expect(Buffer.from(await readImportFile(file))).toEqual(fs.readFileSync(file));
    expect(reads.bytes).toBe(fs.statSync(file).size);
  });

  it('refuses a file over the limit without reading its content', async () => {
    const file = path.join(tempDir(), 'huge.csv');
    // Sparse: a size past the limit without the disk space.
    fs.writeFileSync(file, 'name,url,username,password\n');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
    const reads = countReads();
    const err = await caught(() => readImportFile(file));
    expect(err).toMatchObject({ code: 'invalid-input', message: 'The file is larger than 100 MB; split it and import the parts.' });
    expect(reads.bytes).toBe(0);
  });

  it('accepts a file of exactly the limit', { timeout: 30_000 }, async () => {
    const file = path.join(tempDir(), 'at-limit.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES);
    expect((await readImportFile(file)).length).toBe(MAX_IMPORT_BYTES);
  });

  it('says which file is missing, and that a folder is not a file', async () => {
    const dir = tempDir();
    expect(await caught(() => readImportFile(path.join(dir, 'nope.csv')))).toMatchObject({ code: 'not-found', message: `No file at ${path.join(dir, 'nope.csv')}.` });
    expect(await caught(() => readImportFile(dir))).toMatchObject({ code: 'invalid-input', message: `${dir} is a folder, not a regular file; save the export to a file and import that.` });
  });
});
