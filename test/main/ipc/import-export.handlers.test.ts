// The import:* and export:* handlers over a real vault: what crosses IPC holds no secret,
// previews expire on lock, and an export needs the master password and a save path.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnlockedHarness, PASSWORD, type Harness } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'csv');
const b64 = (name: string) => fs.readFileSync(path.join(FIXTURES, name)).toString('base64');

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

describe('import', () => {
  it('previews without secret values, then commits the previewed file', async () => {
    const p = await h.api['import:preview']({ fileName: 'bitwarden.csv', bytes: b64('bitwarden.csv') });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value).toMatchObject({ format: 'bitwarden', detected: true, counts: { login: 3, note: 2, api_key: 0 }, problemsTotal: 0 });
    for (const secret of ['p@ss', 'JBSWY3DPEHPK3PXP', '4111111111111111']) expect(JSON.stringify(p.value)).not.toContain(secret);
    const c = await h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(c).toMatchObject({ ok: true, value: { imported: 5, committed: true } });
    const again = await h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('imports nothing from a file with problems unless the problem rows are skipped', async () => {
    const p = await h.api['import:preview']({ fileName: 'x.csv', bytes: b64('broken-unterminated.csv') });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.problems).toEqual([{ line: 4, reason: 'A quoted field is never closed (unterminated quote).' }]);
    const refused = await h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(refused).toMatchObject({ ok: true, value: { imported: 0, committed: false } });
    const ok = await h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: true });
    expect(ok).toMatchObject({ ok: true, value: { imported: 2, committed: true } });
  });

  it('answers progress requests while a large commit runs, batch by batch, and refuses other writes meanwhile', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `Site ${i},https://s${i}.example,user${i},pw-${i}`).join('\n');
    const bytes = Buffer.from(`name,url,username,password\n${rows}\n`).toString('base64');
    const p = await h.api['import:preview']({ fileName: 'big.csv', bytes });
    if (!p.ok) throw new Error(p.error.message);
    expect(await h.api['import:progress']({ previewId: p.value.previewId })).toEqual({ ok: true, value: null });
    const commit = h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: false });
    let done = false;
    void commit.then(() => (done = true));
    const seen: { fraction: number; imported: number; phase: string }[] = [];
    let busy: unknown = null;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const r = await h.api['import:progress']({ previewId: p.value.previewId });
      if (r.ok && r.value) seen.push(r.value);
      busy ??= await h.api['item:create']({ item: { type: 'note', title: 'During the import' } });
    }
    expect(await commit).toMatchObject({ ok: true, value: { imported: 6_000, committed: true } });
    expect(busy).toMatchObject({ ok: false, error: { code: 'busy' } });
    const partial = seen.filter((s) => s.fraction > 0 && s.fraction < 1);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial[0]?.imported).toBeGreaterThan(0);
    expect(partial[0]?.imported).toBeLessThan(6_000);
    expect(seen.map((s) => s.fraction)).toEqual([...seen.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(await h.api['import:progress']({ previewId: p.value.previewId })).toEqual({ ok: true, value: null });
    const listed = await h.api['item:counts']({});
    expect(listed).toMatchObject({ ok: true, value: { all: 6_000 } });
  });

  it('forgets a preview when the vault locks', async () => {
    const p = await h.api['import:preview']({ fileName: 'c.csv', bytes: b64('chrome.csv') });
    if (!p.ok) throw new Error(p.error.message);
    await h.services.lock('manual');
    await h.api['vault:unlock']({ password: PASSWORD });
    const c = await h.api['import:commit']({ previewId: p.value.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(c).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('rejects a request that is not base64', async () => {
    const r = await h.api['import:preview']({ fileName: 'x.csv', bytes: 'not base64!' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('export', () => {
  it('needs the master password again and the unencrypted warning acknowledged', async () => {
    const file = path.join(h.dir, 'out.csv');
    h.services.importExport.chooseSavePath = async () => file;
    const wrong = await h.api['export:save']({ format: 'csv', masterPassword: 'wrong password', acknowledgedUnencrypted: true });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const unack = await h.api['export:save']({ format: 'csv', masterPassword: PASSWORD, acknowledgedUnencrypted: false });
    expect(unack).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(fs.existsSync(file)).toBe(false);
    const ok = await h.api['export:save']({ format: 'csv', masterPassword: PASSWORD, acknowledgedUnencrypted: true });
    expect(ok).toMatchObject({ ok: true, value: { format: 'csv', file, count: 0, encrypted: false } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports a cancelled save dialog and writes nothing', async () => {
    const r = await h.api['export:save']({ format: 'keystash', masterPassword: PASSWORD, exportPassword: 'export-pass', acknowledgedUnencrypted: false });
    expect(r).toEqual({ ok: true, value: { cancelled: true } });
    expect(h.services.vault.unlocked().history.query({ kinds: ['export'] })).toEqual([]);
  });
});
