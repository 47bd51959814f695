// Attack: a named pipe (FIFO) given to import, by the CLI or through the app's open dialog.
// Opening a FIFO for reading waits for a writer that never comes, so the import hung forever
// (in the app, holding the import busy). It must be refused at once with a clear message.
// Each check runs under a short deadline: without the fix it fails instead of hanging.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/core/formats/import';
import { buildCli, newVault, runCli } from '../cli/cli-harness';
import { makeUnlockedHarness, type Harness } from '../main/ipc/helpers';
import { tempDir } from '../core/fixtures/vault-helpers';

const DEADLINE_MS = 3_000;
const REFUSAL = /is a named pipe \(FIFO\), not a regular file; save the export to a file and import that/;

const fifos: string[] = [];

function makeFifo(): string {
  const file = path.join(tempDir(), 'export.csv');
  execFileSync('mkfifo', [file]);
  fifos.push(file);
  return file;
}

/** Rejects when `p` has not settled within the deadline (the hang this test is about). */
function within<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${DEADLINE_MS} ms`)), DEADLINE_MS))]);
}

afterEach(() => {
  // Should an open have blocked after all, a writer lets it finish so the worker can exit.
  for (const f of fifos.splice(0)) fs.closeSync(fs.openSync(f, fs.constants.O_RDWR | fs.constants.O_NONBLOCK));
});

describe('import from a FIFO', () => {
  it('readImportFile refuses a FIFO at once', async () => {
    const err = await within(readImportFile(makeFifo()).then(() => null, (e: unknown) => e));
    expect(err).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(REFUSAL) });
  });

  it('a folder or a device is refused the same way', async () => {
    expect(await within(readImportFile(tempDir()).catch((e: unknown) => e))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/is a folder, not a regular file/) });
    expect(await within(readImportFile('/dev/null').catch((e: unknown) => e))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/is a device, not a regular file/) });
  });

  describe('in the app (the open dialog picks a FIFO)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeUnlockedHarness();
    });
    afterAll(() => h.cleanup());

    it('import:choose-file answers invalid-input at once and the app can import a real file next', async () => {
      h.fileChooser.path = makeFifo();
      const r = await within(h.api['import:choose-file']({}));
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(REFUSAL) } });
      // Nothing is left half-done: the next choice works.
      const real = path.join(tempDir(), 'real.csv');
      fs.writeFileSync(real, 'name,login_username,login_password\nSite,alice,pw\n');
      h.fileChooser.path = real;
      expect(await within(h.api['import:choose-file']({}))).toMatchObject({ ok: true, value: { fileName: 'real.csv' } });
    });
  });

  describe('in the CLI', () => {
    beforeAll(() => buildCli(), 120_000);

    it('keystash import FIFO exits 1 at once with the message, and the vault is unchanged', async () => {
      const { cli } = await newVault();
      const fifo = makeFifo();
      const started = Date.now();
      const r = await runCli(['--vault', cli.file, '--password-stdin', 'import', fifo], { stdin: `${cli.password}\n`, env: cli.env, timeoutMs: 15_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(REFUSAL);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await cli.json<{ items: unknown[] }>(['list'])).toEqual({ items: [] });
    });
  });
});
