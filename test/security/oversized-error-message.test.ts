// Attack: an error message that quotes input without limit. A CSV whose header has a million
// columns, imported with a mapping that names a column it lacks, printed an 8.9 MB error that
// listed every column. Every error that quotes input now shows a shortened, printable copy
// (shared/input-text.ts), and no error message is longer than MESSAGE_MAX characters.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_MAX, QUOTE_MAX } from '../../shared/input-text';
import { KeystashError } from '../../electron/core/errors';
import { loadFile, parseMapSpec, runImport } from '../../electron/core/formats/import';
import { buildCli, newVault as newCliVault, runCli } from '../cli/cli-harness';
import { caught, newVault, tempDir } from '../core/fixtures/vault-helpers';
import { makeUnlockedHarness, ok, type Harness } from '../main/ipc/helpers';

const COLUMNS = 1_000_000;

/** A header of a million columns and one data row: about 6.9 MB. */
function millionColumnCsv(): string {
  const header = Array.from({ length: COLUMNS }, (_, i) => `column${i}`).join(',');
  return `${header}\n${'x,'.repeat(COLUMNS - 1)}x\n`;
}

function writeCsv(): string {
  const file = path.join(tempDir(), 'wide.csv');
  fs.writeFileSync(file, millionColumnCsv());
  return file;
}

describe('oversized error message', () => {
  it('import with a mapping to a missing column: the message names it, lists a few columns and stays short', async () => {
    const vault = await newVault();
    const err = await caught(() => runImport(vault, loadFile(Buffer.from(millionColumnCsv())), { mapping: { title: ['Missing'] } }));
    expect(err.code).toBe('invalid-input');
    expect(err.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(err.message).toMatch(/^The mapping sends “Missing” to title, but the file has no such column \(it has: “column0”, “column1”, .* and 999,980 more\)\.$/);
    expect(vault.items.list({})).toEqual([]);
  });

  it('a quoted value is cut to QUOTE_MAX and made printable, and any message is capped at MESSAGE_MAX', async () => {
    const huge = `\u001b[31m${'y'.repeat(5_000_000)}`;
    const err = await caught(() => parseMapSpec(huge));
    expect(err.message).toBe(`--map expects target=Column pairs, not “�[31m${'y'.repeat(QUOTE_MAX - 6)}…”.`);
    expect(new KeystashError('invalid-input', huge).message.length).toBeLessThanOrEqual(MESSAGE_MAX);
  });

  describe('in the CLI (the exact scenario)', () => {
    beforeAll(() => buildCli(), 120_000);

    it('keystash import wide.csv --map title=Missing exits 1 with a short stderr', async () => {
      const { cli } = await newCliVault();
      const r = await cli.run(['import', writeCsv(), '--map', 'title=Missing']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/The mapping sends “Missing” to title, but the file has no such column/);
      expect(r.stderr.length).toBeLessThan(MESSAGE_MAX + 100);
      expect(await cli.json<{ items: unknown[] }>(['list'])).toEqual({ items: [] });
    }, 60_000);

    it('a 100 kB argument quoted in a usage error is cut too', async () => {
      const { cli } = await newCliVault();
      // A single argument can hold at most 128 KiB on Linux.
      const long = `\u001b]0;pwned\u0007${'z'.repeat(100_000)}`;
      const r = await runCli(['--vault', cli.file, '--password-stdin', 'import', writeCsv(), '--map', long], { stdin: `${cli.password}\n`, env: cli.env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('--map expects target=Column pairs, not “');
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr.length).toBeLessThan(QUOTE_MAX + 200);
    }, 60_000);

    it('any other error quoting an argument is capped and printable on stderr (the last guard)', async () => {
      const { cli } = await newCliVault();
      const r = await cli.run(['show', `\u001b]0;pwned\u0007${'q'.repeat(100_000)}`]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/^keystash: No item matches “/);
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr.length).toBeLessThanOrEqual('keystash: \n'.length + MESSAGE_MAX);
    }, 60_000);
  });

  describe('in the app (the real IPC handlers)', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await makeUnlockedHarness();
    });
    afterEach(() => h.cleanup());

    it('import:preview with the mapping answers invalid-input with a short message', async () => {
      h.fileChooser.path = writeCsv();
      const chosen = ok(await h.api['import:choose-file']({}));
      if ('cancelled' in chosen) throw new Error('cancelled');
      const r = await h.api['import:preview']({ sourceId: chosen.sourceId, format: 'generic', mapping: { title: ['Missing'] } });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toMatch(/no such column \(it has: “column0”/);
      expect(r.error.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    }, 60_000);
  });
});
