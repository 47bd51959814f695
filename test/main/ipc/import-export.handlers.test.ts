// The import:* and export:* handlers over a real vault: main chooses and reads the file (the
// dialog is a stand-in that picks the path the test sets), what crosses IPC holds no secret
// and no file bytes, the commit saves what the preview checked without reading the file
// again, kept files and previews go on lock, and an export needs the master password and a
// save path.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../electron/core/formats/import';
import { makeUnlockedHarness, ok, PASSWORD, type Harness } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'csv');
const fixture = (name: string) => path.join(FIXTURES, name);

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

/** Picks `file` in the open dialog's stand-in and returns the kept file's id. */
async function choose(file: string): Promise<string> {
  h.fileChooser.path = file;
  const r = ok(await h.api['import:choose-file']({}));
  if ('cancelled' in r) throw new Error('the dialog was cancelled');
  return r.sourceId;
}

async function preview(sourceId: string, extra: Record<string, unknown> = {}) {
  return ok(await h.api['import:preview']({ sourceId, ...extra }));
}

const titles = () => h.services.vault.unlocked().items.list({}).map((s) => s.title).sort();

describe('import', () => {
  it('chooses a file in main, previews it without secret values, then commits the preview', async () => {
    h.fileChooser.path = fixture('bitwarden.csv');
    const chosen = ok(await h.api['import:choose-file']({}));
    expect(chosen).toEqual({ sourceId: expect.any(String), fileName: 'bitwarden.csv', size: fs.statSync(fixture('bitwarden.csv')).size });
    if ('cancelled' in chosen) return;
    const p = await preview(chosen.sourceId);
    expect(p).toMatchObject({ format: 'bitwarden', detected: true, counts: { login: 3, note: 2, api_key: 0 }, problemsTotal: 0 });
    for (const secret of ['p@ss', 'JBSWY3DPEHPK3PXP', '4111111111111111']) expect(JSON.stringify(p)).not.toContain(secret);
    const c = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(c).toMatchObject({ ok: true, value: { imported: 5, committed: true } });
    const again = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The commit drops the kept file too.
    expect(await h.api['import:preview']({ sourceId: chosen.sourceId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('imports nothing from a file with problems unless the problem rows are skipped', async () => {
    const p = await preview(await choose(fixture('broken-unterminated.csv')));
    expect(p.problems).toEqual([{ line: 4, reason: 'A quoted field is never closed (unterminated quote).' }]);
    const refused = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(refused).toMatchObject({ ok: true, value: { imported: 0, committed: false } });
    const accepted = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: true });
    expect(accepted).toMatchObject({ ok: true, value: { imported: 2, committed: true } });
  });

  it('commits what the preview checked, even after the file changed on disk and then vanished', async () => {
    const file = path.join(h.dir, 'export.csv');
    fs.copyFileSync(fixture('bitwarden.csv'), file);
    const sourceId = await choose(file);
    // Read once, when chosen: previews (and re-previews) use what was read then.
    fs.copyFileSync(fixture('chrome.csv'), file);
    const first = await preview(sourceId);
    expect(first).toMatchObject({ format: 'bitwarden', rows: 5 });
    fs.rmSync(file);
    const second = await preview(sourceId, { format: 'bitwarden' });
    expect(second).toMatchObject({ format: 'bitwarden', detected: false, rows: 5 });
    fs.copyFileSync(fixture('chrome.csv'), file);
    const c = ok(await h.api['import:commit']({ previewId: second.previewId, skipDuplicates: true, skipProblemRows: false }));
    expect(c).toMatchObject({ format: 'bitwarden', imported: 5, committed: true });
    expect(titles()).toEqual(['github.com', 'Twitter', 'Visa ✨', 'Wi-Fi at home', 'メール 📧'].sort());
  });

  it('refuses a file over the size limit with a clear error, and keeps nothing', async () => {
    const earlier = await choose(fixture('chrome.csv'));
    const huge = path.join(h.dir, 'huge.csv');
    fs.writeFileSync(huge, 'name,url,username,password\n');
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    h.fileChooser.path = huge;
    const r = await h.api['import:choose-file']({});
    expect(r).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The file is larger than 100 MB; split it and import the parts.' } });
    expect(await h.api['import:preview']({ sourceId: earlier })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    h.fileChooser.path = path.join(h.dir, 'missing.csv');
    expect(await h.api['import:choose-file']({})).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const sourceId = await choose(fixture('chrome.csv'));
    const p = await preview(sourceId);
    h.fileChooser.path = null;
    expect(await h.api['import:choose-file']({})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await preview(sourceId)).toMatchObject({ format: 'chrome', rows: 3 });
    // The newer preview replaced the first one; it is the one that commits.
    expect(await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(titles()).toEqual([]);
  });

  it('asks for the password of an encrypted export, then previews and imports it', async () => {
    ok(await h.api['item:create']({ item: { type: 'login', title: 'Exported', username: 'ana', password: 'pw-1', urls: [] } }));
    const file = path.join(h.dir, 'backup.keystash-export');
    h.services.importExport.chooseSavePath = async () => file;
    ok(await h.api['export:save']({ format: 'keystash', masterPassword: PASSWORD, exportPassword: 'export-pass', acknowledgedUnencrypted: false }));
    const sourceId = await choose(file);
    expect(await h.api['import:preview']({ sourceId })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(await h.api['import:preview']({ sourceId, password: 'not-the-pass' })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const p = await preview(sourceId, { password: 'export-pass' });
    expect(p).toMatchObject({ format: 'keystash', encrypted: true, rows: 1, duplicatesTotal: 1 });
    const c = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: false, skipProblemRows: false });
    expect(c).toMatchObject({ ok: true, value: { imported: 1, duplicates: 1, committed: true } });
    expect(titles()).toEqual(['Exported', 'Exported']);
  });

  it('answers progress requests while a large commit runs, batch by batch, and refuses other writes meanwhile', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `Site ${i},https://s${i}.example,user${i},pw-${i}`).join('\n');
    const file = path.join(h.dir, 'big.csv');
    fs.writeFileSync(file, `name,url,username,password\n${rows}\n`);
    const p = await preview(await choose(file));
    expect(await h.api['import:progress']({ previewId: p.previewId })).toEqual({ ok: true, value: null });
    const commit = h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false });
    let done = false;
    void commit.then(() => (done = true));
    const seen: { fraction: number; imported: number; phase: string }[] = [];
    let busy: unknown = null;
    let chooseBusy: unknown = null;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const r = await h.api['import:progress']({ previewId: p.previewId });
      if (r.ok && r.value) seen.push(r.value);
      busy ??= await h.api['item:create']({ item: { type: 'note', title: 'During the import' } });
      chooseBusy ??= await h.api['import:choose-file']({});
    }
    expect(await commit).toMatchObject({ ok: true, value: { imported: 6_000, committed: true } });
    expect(busy).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(chooseBusy).toMatchObject({ ok: false, error: { code: 'busy' } });
    const partial = seen.filter((s) => s.fraction > 0 && s.fraction < 1);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial[0]?.imported).toBeGreaterThan(0);
    expect(partial[0]?.imported).toBeLessThan(6_000);
    expect(seen.map((s) => s.fraction)).toEqual([...seen.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(await h.api['import:progress']({ previewId: p.previewId })).toEqual({ ok: true, value: null });
    const listed = await h.api['item:counts']({});
    expect(listed).toMatchObject({ ok: true, value: { all: 6_000 } });
  });

  it('forgets the chosen file and its preview when the vault locks', async () => {
    const sourceId = await choose(fixture('chrome.csv'));
    const p = await preview(sourceId);
    await h.services.lock('manual');
    await h.api['vault:unlock']({ password: PASSWORD });
    const c = await h.api['import:commit']({ previewId: p.previewId, skipDuplicates: true, skipProblemRows: false });
    expect(c).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await h.api['import:preview']({ sourceId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('takes no file bytes from the renderer', async () => {
    const r = await h.api['import:preview']({ fileName: 'x.csv', bytes: Buffer.from('name,url\na,b\n').toString('base64') });
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
