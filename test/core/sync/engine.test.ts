// Two and three real vaults sharing one real folder: what one device writes reaches the others,
// and the per-field merge rules hold.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncStatus } from '../../../electron/core/sync/devices';
import { login, PASSWORD } from '../fixtures/vault-helpers';
import { contents, firstDevice, joinedDevice, sharedFolder } from './sync-kit';

describe('sync through a folder', () => {
  it('join creates a vault with every item of the target, and later changes flow both ways', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    const gh = a.vault.items.create({ ...login('GitHub'), password: 'pw-1' });
    await a.sync();
    const b = await joinedDevice(folder);
    expect(b.joined.pulled).toBe(1);
    expect(b.vault.items.withSecrets(gh.id).password).toBe('pw-1');

    const mail = b.vault.items.create(login('Mail'));
    b.vault.items.update(gh.id, { username: 'octocat' });
    const pushed = await b.sync();
    expect(pushed.pushed).toBe(2);
    const pulled = await a.sync();
    expect(pulled).toMatchObject({ pulled: 2, conflicts: 0, quarantined: [] });
    expect(a.vault.items.withSecrets(gh.id).username).toBe('octocat');
    expect(a.vault.items.listedItem(mail.id).title).toBe('Mail');
    expect(contents(a.vault)).toEqual(contents(b.vault));
  });

  it('keeps concurrent edits to different fields of one item', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    const item = a.vault.items.create(login('Bank'));
    await a.sync();
    const b = await joinedDevice(folder);
    a.vault.items.update(item.id, { username: 'alice' });
    b.vault.items.update(item.id, { notes: 'call first' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const got = d.vault.items.withSecrets(item.id);
      expect(got.username).toBe('alice');
      expect(got.notes).toBe('call first');
    }
    expect(a.vault.sync.conflictedIds()).toEqual([]);
  });

  it('on the same field the later change wins, the other password goes to history and the item is marked conflicted', async () => {
    const folder = sharedFolder();
    let t = 1_000_000;
    const a = await firstDevice(folder, 'laptop', { now: () => t++ });
    const item = a.vault.items.create({ ...login('Bank'), password: 'old' });
    await a.sync();
    const b = await joinedDevice(folder, 'desktop', { now: () => t++ });
    a.vault.items.update(item.id, { password: 'from-a' });
    await a.sync();
    b.vault.items.update(item.id, { password: 'from-b' }); // later on the clock, and without seeing a's change
    const rb = await b.sync();
    expect(rb.conflicts).toBe(1);
    const ra = await a.sync();
    expect(ra.conflicts).toBe(1);
    for (const d of [a, b]) {
      expect(d.vault.items.withSecrets(item.id).password).toBe('from-b');
      const history = d.vault.items.record(item.id).passwordHistory.map((h) => h.value);
      expect(history).toEqual(expect.arrayContaining(['from-a', 'old']));
      expect(d.vault.sync.conflictedIds()).toEqual([item.id]);
      expect(d.vault.sync.conflicts(item.id)).toEqual([expect.objectContaining({ field: 'password', value: 'from-a' })]);
    }
    expect(contents(a.vault)).toEqual(contents(b.vault));
  });

  it('a sequential edit on top of a synced one is not a conflict', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    const item = a.vault.items.create(login('Shop'));
    await a.sync();
    const b = await joinedDevice(folder);
    a.vault.items.update(item.id, { title: 'Shop 1' });
    await a.sync();
    await b.sync();
    b.vault.items.update(item.id, { title: 'Shop 2' });
    await b.sync();
    const r = await a.sync();
    expect(r.conflicts).toBe(0);
    expect(a.vault.items.listedItem(item.id).title).toBe('Shop 2');
  });

  it('trash, restore and purge reach the other devices; a purge is final', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    const x = a.vault.items.create(login('X'));
    const y = a.vault.items.create(login('Y'));
    await a.sync();
    const b = await joinedDevice(folder);
    const c = await joinedDevice(folder, 'phone');
    a.vault.items.trash(x.id);
    b.vault.items.purge(y.id);
    await a.sync();
    await b.sync();
    c.vault.items.update(y.id, { title: 'Y edited after the purge' });
    await c.sync();
    await a.sync();
    await b.sync();
    for (const d of [a, b, c]) {
      expect(d.vault.items.listedItem(x.id).deletedAt).not.toBeNull();
      expect(() => d.vault.items.listedItem(y.id)).toThrow(/No item/);
    }
    b.vault.items.restore(x.id);
    await b.sync();
    await a.sync();
    await c.sync();
    for (const d of [a, b, c]) expect(d.vault.items.listedItem(x.id).deletedAt).toBeNull();
  });

  it('status names the target, the devices and what is pending; nothing of the vault is readable in the folder', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    a.vault.items.create({ ...login('Canary title zebra'), password: 'canary-password-9f3' });
    expect(syncStatus(a.vault).pendingChanges).toBe(1);
    await a.sync();
    const b = await joinedDevice(folder);
    await a.sync();
    const st = syncStatus(a.vault);
    expect(st.pendingChanges).toBe(0);
    expect(st.target).toEqual({ kind: 'folder', path: folder });
    expect(st.devices.map((d) => d.name).sort()).toEqual(['desktop', 'laptop']);
    expect(st.devices.find((d) => d.current)?.id).toBe(st.device.id);
    expect(syncStatus(b.vault).devices.find((d) => !d.current)?.lastSeenAt).toEqual(expect.any(Number));
    const all = fs.readdirSync(folder, { recursive: true }) as string[];
    for (const f of all) {
      const p = path.join(folder, f);
      if (!fs.statSync(p).isFile()) continue;
      const text = fs.readFileSync(p, 'latin1');
      for (const secret of ['Canary title zebra', 'canary-password-9f3', PASSWORD]) expect(text).not.toContain(secret);
    }
  });
});
