// A master-password change travelling between synced devices (docs/security.md, "Sync targets"):
// once a device has taken it in, the old password fails there like any wrong password; nobody
// without the sync key can plant a change; an old change copied back in is refused; and the
// waiting header cannot be edited into something else.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPath, sealBatch } from '../../electron/core/sync/batch-file';
import { sealEnvelope } from '../../electron/core/sync/envelope';
import { randomBytes } from '../../electron/core/crypto/cipher';
import type { Vault } from '../../electron/core/vault';
import { caught, FAST_KDF, login, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';
import { firstDevice, joinedDevice, sharedFolder, type Device } from '../core/sync/sync-kit';

const SECOND = 'second master password';
const THIRD = 'third master password';

/** A and B share a folder and know each other's public keys. */
async function pair(): Promise<{ folder: string; a: Device; b: Device }> {
  const folder = sharedFolder();
  const a = await firstDevice(folder, 'laptop');
  a.vault.items.create(login('Bank'));
  await a.sync();
  const b = await joinedDevice(folder, 'desktop');
  await a.sync();
  return { folder, a, b };
}

async function opensWith(vault: Vault, password: string): Promise<boolean> {
  vault.lock();
  try {
    await vault.unlock(password);
    return true;
  } catch {
    return false;
  }
}

describe('master-password change across synced devices', () => {
  it('an old password after a change elsewhere: refused with the ordinary wrong-password error', async () => {
    const { a, b } = await pair();
    await a.vault.masterPassword.change(PASSWORD, SECOND);
    await a.sync();
    await b.sync();
    b.vault.lock();
    const err = await caught(() => b.vault.unlock(PASSWORD));
    expect(err.code).toBe('wrong-password');
    expect(err.message).toMatch(/^Wrong master password\./);
    // Counted by the unlock throttle like any other wrong guess.
    expect(b.vault.lockState().failedCount).toBe(1);
    expect((await b.vault.unlock(SECOND)).passwordChangedOn).toBe('laptop');
  });

  it('a forged password-change record (sealed without the sync key) is quarantined and changes nothing', async () => {
    const { folder, a, b } = await pair();
    const s = a.vault.sync.requireState();
    const seq = s.ownSeq + 1;
    // Everything a forger can know or make up: the ids from the target's file names, a key of their own.
    const forgedKey = randomBytes(32);
    const envelope = await sealEnvelope('attacker password', FAST_KDF, s.syncId, forgedKey, { epoch: `9-${s.deviceId}`, earlier: {}, passwordChange: true });
    const body = {
      name: 'laptop',
      at: Date.now(),
      rotation: { epoch: `9-${s.deviceId}`, revoked: [], wraps: {}, passwordChange: { stamp: `${String(Date.now() + 1e9).padStart(15, '0')}-000000-${s.deviceId}`, envelope: Buffer.from(envelope).toString('base64') } },
      changes: [],
    };
    fs.writeFileSync(path.join(folder, batchPath(s.deviceId, seq)), sealBatch(forgedKey, s.syncId, s.deviceId, seq, s.epoch, body));
    const r = await b.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'forged' })]);
    expect(r.passwordChangedOn).toBeUndefined();
    expect(await opensWith(b.vault, 'attacker password')).toBe(false);
    expect(await opensWith(b.vault, PASSWORD)).toBe(true);
  });

  it('a replayed old password change (an earlier change batch copied in under a later name) is refused', async () => {
    const { folder, a, b } = await pair();
    const aId = a.vault.sync.requireState().deviceId;
    await a.vault.masterPassword.change(PASSWORD, SECOND);
    await a.sync();
    const firstChange = a.vault.sync.requireState().ownSeq;
    await b.sync();
    await a.vault.masterPassword.change(SECOND, THIRD);
    await a.sync();
    expect((await b.sync()).passwordChangedOn).toBe('laptop');
    const next = a.vault.sync.requireState().ownSeq + 1;
    fs.copyFileSync(path.join(folder, batchPath(aId, firstChange)), path.join(folder, batchPath(aId, next)));
    const r = await b.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'replayed' })]);
    expect(r.passwordChangedOn).toBeUndefined();
    expect(await opensWith(b.vault, SECOND)).toBe(false);
    expect(await opensWith(b.vault, THIRD)).toBe(true);
  });

  it('the waiting hand-over in a header cannot be edited: a changed device name fails even with the new password', async () => {
    const { a, b } = await pair();
    await a.vault.masterPassword.change(PASSWORD, SECOND);
    await a.sync();
    await b.sync();
    b.vault.lock();
    withRaw(b.vault.file, (db) => {
      const row = db.prepare('SELECT * FROM header').get() as Record<string, unknown> & { wrapped_key: Buffer; salt: Buffer };
      const text = row.wrapped_key.toString('utf8');
      const edited = text.replace('"by":"laptop"', '"by":"your IT department"');
      expect(edited).not.toBe(text);
      // A careful forger also recomputes the header digest (the canonical header text of vault/header.ts).
      const h = JSON.parse(edited.slice(edited.indexOf('\n') + 1)) as { syncId: string; epoch: string; by: string };
      const canonical = [
        'keystash-header',
        `format=${String(row.format_version)}`,
        `vault=${String(row.vault_id)}`,
        `salt=${row.salt.toString('hex')}`,
        `m=${String(row.kdf_memory_mib)}`,
        `t=${String(row.kdf_iterations)}`,
        `p=${String(row.kdf_parallelism)}`,
        `handover=${JSON.stringify([h.syncId, h.epoch, h.by])}`,
      ].join('|');
      db.prepare('UPDATE header SET wrapped_key = ?, header_digest = ? WHERE id = 1').run(Buffer.from(edited), createHash('sha256').update(canonical).digest());
    });
    const err = await caught(() => b.vault.unlock(SECOND));
    expect(err.code).toBe('wrong-password');
  });
});
