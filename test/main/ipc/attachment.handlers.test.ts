// The attachment:* handlers over a real vault: adding from the dialog (main reads the path; the
// window gets the info only), a dropped file, saving through the save dialog, a preview that is
// logged and refused for files that are not images or text, trash, restore and purge; bad
// requests change nothing. Also the KeePass key file the import wizard picks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKdbx } from '../../../electron/core/formats/kdbx/write';
import { FAST_KDF } from '../../support/kit';
import { makeUnlockedHarness, ok, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

async function newItem(): Promise<string> {
  return ok(await h.api['item:create']({ item: { type: 'login', title: 'Holder', username: 'u' } })).id;
}

describe('attachment handlers', () => {
  it('adds from the dialog and by drop, lists, saves through the dialog, previews (logged), trashes, restores, purges', async () => {
    const id = await newItem();
    const src = path.join(h.dir, 'notes.txt');
    fs.writeFileSync(src, 'hello from a file');
    h.fileChooser.attachment = src;
    const added = ok(await h.api['attachment:add']({ id }));
    expect(added).toMatchObject({ name: 'notes.txt', size: 17, mime: 'text/plain' });
    const dropped = ok(await h.api['attachment:add-dropped']({ id, name: 'dot.png', data: Buffer.from([137, 80, 78, 71]).toString('base64') }));
    expect(ok(await h.api['attachment:list']({ id })).map((a) => a.name)).toEqual(['notes.txt', 'dot.png']);
    if ('cancelled' in added) return;

    const preview = ok(await h.api['attachment:preview']({ id, attachmentId: added.id }));
    expect(Buffer.from(preview.data, 'base64').toString()).toBe('hello from a file');
    const events = h.services.vault.unlocked().history.query({ itemId: id }).map((e) => e.kind);
    expect(events).toContain('attachment-open');

    h.fileChooser.saveTo = path.join(h.dir, 'out.txt');
    expect(ok(await h.api['attachment:save']({ id, attachmentId: added.id }))).toEqual({ saved: true });
    expect(fs.readFileSync(path.join(h.dir, 'out.txt'), 'utf8')).toBe('hello from a file');
    h.fileChooser.saveTo = null;
    expect(ok(await h.api['attachment:save']({ id, attachmentId: added.id }))).toEqual({ cancelled: true });

    expect(ok(await h.api['attachment:trash']({ id, attachmentId: dropped.id })).deletedAt).not.toBeNull();
    expect(ok(await h.api['attachment:restore']({ id, attachmentId: dropped.id })).deletedAt).toBeNull();
    expect(ok(await h.api['attachment:purge']({ id, attachmentId: dropped.id }))).toBeNull();
    expect(ok(await h.api['attachment:list']({ id })).map((a) => a.name)).toEqual(['notes.txt']);
  });

  it('refuses to preview a file that is not an image or text, and bad requests', async () => {
    const id = await newItem();
    const bin = ok(await h.api['attachment:add-dropped']({ id, name: 'tool.exe', data: Buffer.from('MZ').toString('base64') }));
    const r = await h.api['attachment:preview']({ id, attachmentId: bin.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await h.api['attachment:add-dropped']({ id, name: 'x.bin', data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await h.api['attachment:list']({ id, extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ok(await h.api['attachment:list']({ id })).map((a) => a.name)).toEqual(['tool.exe']);
  });

  it('the import wizard’s key file opens a KeePass database with a password and key file', async () => {
    const key = path.join(h.dir, 'db.keyx');
    fs.writeFileSync(key, Buffer.alloc(32, 3));
    const db = path.join(h.dir, 'db.kdbx');
    const item = { id: 'x', type: 'login' as const, title: 'From KeePass', username: 'k', password: 'p', urls: [], totp: '', notes: '', tags: [], folder: '', favorite: false, fields: [], service: '', keyId: '', secret: '', environment: '', expiresAt: null, rotationDays: null, createdAt: 1, updatedAt: 1, deletedAt: null };
    fs.writeFileSync(db, await writeKdbx([{ item, passwordHistory: [], files: [] }], { password: 'kdbx-pass-1', keyFile: fs.readFileSync(key), kdf: FAST_KDF }));
    h.fileChooser.path = db;
    const chosen = ok(await h.api['import:choose-file']({}));
    if ('cancelled' in chosen) throw new Error('cancelled');
    expect(await h.api['import:preview']({ sourceId: chosen.sourceId, password: 'kdbx-pass-1' })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    h.fileChooser.keyFile = key;
    expect(ok(await h.api['import:choose-key-file']({ sourceId: chosen.sourceId }))).toEqual({ fileName: 'db.keyx' });
    const p = ok(await h.api['import:preview']({ sourceId: chosen.sourceId, password: 'kdbx-pass-1' }));
    expect(p).toMatchObject({ format: 'kdbx', counts: { login: 1 } });
  });
});
