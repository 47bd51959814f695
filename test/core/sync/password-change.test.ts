// A master-password change on one device reaches the others: real vault files, real Argon2id
// (lowest settings), one real folder. Once a device has synced the change, its own file opens
// with the new password only, and it says where the change came from.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSync } from '../../../electron/core/sync/engine';
import { syncStatus } from '../../../electron/core/sync/devices';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import type { Vault } from '../../../electron/core/vault';
import { caught, FAST_KDF, login, PASSWORD, rawDb, tempDir, track } from '../fixtures/vault-helpers';
import { contents, firstDevice, joinedDevice, sharedFolder } from './sync-kit';

const SECOND = 'second master password';
const THIRD = 'third master password';

/** Locks the vault and tries to unlock it with `password`: the error code, or 'ok'. */
async function unlockWith(vault: Vault, password: string): Promise<string> {
  vault.lock();
  try {
    await vault.unlock(password);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

function wrappedKeyOf(vault: Vault): string {
  const db = rawDb(vault.file);
  try {
    return Buffer.from((db.prepare('SELECT wrapped_key FROM header').get() as { wrapped_key: Buffer }).wrapped_key).toString('latin1');
  } finally {
    db.close();
  }
}

describe('a master-password change on one device', () => {
  it('reaches another device: after its next sync only the new password opens it, and the unlock says where it came from', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const item = a.vault.items.create({ ...login('GitHub'), password: 'pw-1' });
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    await a.sync(); // A learns B's public key, so the new sync key can be handed to B

    await a.vault.masterPassword.change(PASSWORD, SECOND);
    expect(syncStatus(a.vault).passwordChange).toMatchObject({ by: 'laptop', here: true });
    await a.sync();
    const taken = await b.sync();
    expect(taken.passwordChangedOn).toBe('laptop');
    expect(taken.quarantined).toEqual([]);
    // B keeps working in the same session, and its edits still flow to A under the new key.
    b.vault.items.update(item.id, { username: 'octocat' });
    await b.sync();
    await a.sync();
    expect(a.vault.items.withSecrets(item.id).username).toBe('octocat');
    expect(syncStatus(b.vault).passwordChange).toMatchObject({ by: 'laptop', here: false });

    // The header now waits for the new password.
    expect(wrappedKeyOf(b.vault)).toMatch(/^keystash-handover1\n/);
    expect(await unlockWith(b.vault, PASSWORD)).toBe('wrong-password');
    b.vault.lock();
    const report = await b.vault.unlock(SECOND);
    expect(report.passwordChangedOn).toBe('laptop');
    // …and is an ordinary wrap again after that first unlock: no second notice, old password still refused.
    expect(wrappedKeyOf(b.vault)).not.toMatch(/^keystash-handover1/);
    b.vault.lock();
    expect((await b.vault.unlock(SECOND)).passwordChangedOn).toBeUndefined();
    expect(await unlockWith(b.vault, PASSWORD)).toBe('wrong-password');
    expect(await unlockWith(a.vault, PASSWORD)).toBe('wrong-password');
    await a.vault.unlock(SECOND);
    await b.vault.unlock(SECOND);
    expect(contents(b.vault)).toEqual(contents(a.vault));
  });

  it('with three devices, two changes in a row reach everyone; a new device joins with the current password only', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    a.vault.items.create(login('Mail'));
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    const c = await joinedDevice(folder, 'phone');
    await a.sync();

    await a.vault.masterPassword.change(PASSWORD, SECOND);
    await a.sync();
    expect((await b.sync()).passwordChangedOn).toBe('laptop');
    // B changes it again before C has synced at all: C takes in both and follows the later one.
    await b.vault.masterPassword.change(SECOND, THIRD);
    await b.sync();
    expect((await a.sync()).passwordChangedOn).toBe('desktop');
    expect((await c.sync()).passwordChangedOn).toBe('desktop');
    for (const d of [a, b, c]) {
      expect(await unlockWith(d.vault, PASSWORD)).toBe('wrong-password');
      expect(await unlockWith(d.vault, SECOND)).toBe('wrong-password');
      expect(await unlockWith(d.vault, THIRD)).toBe('ok');
    }

    const transport = FolderTransport.open(folder);
    const target = { kind: 'folder' as const, path: folder };
    for (const old of [PASSWORD, SECOND]) {
      const file = path.join(tempDir(), 'old.keystash');
      const err = await caught(() => joinSync(file, old, target, transport, { deviceName: 'old', kdf: FAST_KDF }));
      expect(err.code).toBe('wrong-password');
      expect(err.message).toMatch(/earlier master password/);
    }
    const file = path.join(tempDir(), 'new.keystash');
    const { vault: d, report } = await joinSync(file, THIRD, target, transport, { deviceName: 'tablet', kdf: FAST_KDF });
    track(d);
    expect(report.quarantined).toEqual([]);
    // It joined with the current password: nothing to hand over, no notice at its next unlock.
    expect(report.passwordChangedOn).toBeUndefined();
    expect(syncStatus(d).passwordChange).toMatchObject({ by: 'desktop', here: false });
    d.lock();
    expect((await d.unlock(THIRD)).passwordChangedOn).toBeUndefined();
    expect(contents(d)).toEqual(contents(a.vault));
  });

  it('two changes made at once on two devices: the later one wins on every device', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    await a.sync();
    await a.vault.masterPassword.change(PASSWORD, SECOND);
    await new Promise((r) => setTimeout(r, 5)); // B's change is later by the clock
    await b.vault.masterPassword.change(PASSWORD, THIRD);
    await a.sync();
    await b.sync();
    expect((await a.sync()).passwordChangedOn).toBe('desktop');
    expect((await b.sync()).passwordChangedOn).toBeUndefined();
    for (const d of [a, b]) {
      expect(await unlockWith(d.vault, SECOND)).toBe('wrong-password');
      expect(await unlockWith(d.vault, THIRD)).toBe('ok');
    }
    expect(syncStatus(a.vault).passwordChange).toMatchObject({ by: 'desktop', here: false });
    expect(syncStatus(b.vault).passwordChange).toMatchObject({ by: 'desktop', here: true });
  });
});
