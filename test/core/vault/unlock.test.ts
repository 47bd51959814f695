// Creating, unlocking, changing the master password and KDF settings of a real vault file.
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../electron/core/vault';
import { apiKey, caught, dumpTables, FAST_KDF, login, newVault, note, openVault, PASSWORD, tempVaultPath } from '../fixtures/vault-helpers';

/** Where the unlock throttle records attempts: the only tables a wrong password may change. */
const THROTTLE_TABLES = ['unlock_failures', 'unlock_state'];

describe('create and unlock', () => {
  it('round-trips items with their secrets through lock, close and reopen', async () => {
    const v = await newVault();
    const a = v.items.create(login('GitHub', { password: 'gh-pass-1', totp: 'JBSWY3DPEHPK3PXP', fields: [{ name: 'PIN', value: '4321', concealed: true }] }));
    const b = v.items.create(apiKey('Stripe live'));
    const c = v.items.create(note('Wi-Fi', { notes: 'ssid: home\npassword: hunter2' }));
    const file = v.file;
    v.close();

    const again = openVault(file);
    expect(again.isUnlocked).toBe(false);
    const report = await again.unlock(PASSWORD);
    expect(report).toEqual({ failedAttempts: [], damagedItemIds: [], integrityProblems: [], rollback: null });
    expect(again.items.withSecrets(a.id)).toMatchObject({ title: 'GitHub', password: 'gh-pass-1', totp: 'JBSWY3DPEHPK3PXP', fields: [{ name: 'PIN', value: '4321', concealed: true }] });
    expect(again.items.withSecrets(b.id)).toMatchObject({ service: 'Stripe', secret: 'sk_live_Stripe live' });
    expect(again.items.withSecrets(c.id).notes).toBe('ssid: home\npassword: hunter2');
    expect(again.items.list().map((s) => s.title)).toEqual(['GitHub', 'Stripe live', 'Wi-Fi']);
  });

  it('summaries never carry secret values', async () => {
    const v = await newVault();
    const s = v.items.create(login('Bank', { password: 'p4ss', totp: 'JBSWY3DPEHPK3PXP', fields: [{ name: 'PIN', value: '9999', concealed: true }, { name: 'Branch', value: 'North', concealed: false }] }));
    const json = JSON.stringify([s, v.items.list(), v.items.summary(s.id)]);
    expect(json).not.toContain('p4ss');
    expect(json).not.toContain('JBSWY3DPEHPK3PXP');
    expect(json).not.toContain('9999');
    expect(json).toContain('North');
    expect(s).toMatchObject({ hasPassword: true, hasTotp: true, hasSecret: false });
  });

  it('refuses a short master password and unsafe KDF settings, leaving no file', async () => {
    const file = tempVaultPath();
    expect((await caught(() => Vault.create(file, 'short', { kdf: FAST_KDF }))).code).toBe('invalid-input');
    for (const kdf of [
      { memoryMiB: 18, iterations: 2, parallelism: 1 },
      { memoryMiB: 19, iterations: 1, parallelism: 1 },
      { memoryMiB: 19, iterations: 2, parallelism: 0 },
      { memoryMiB: 1025, iterations: 2, parallelism: 1 },
      { memoryMiB: 19, iterations: 11, parallelism: 1 },
      { memoryMiB: 19, iterations: 2, parallelism: 17 },
      { memoryMiB: 19.5, iterations: 2, parallelism: 1 },
    ]) {
      const err = await caught(() => Vault.create(file, PASSWORD, { kdf }));
      expect(err.code).toBe('invalid-input');
      expect(err.message).toMatch(/KDF/);
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to overwrite an existing file', async () => {
    const v = await newVault();
    expect((await caught(() => Vault.create(v.file, PASSWORD, { kdf: FAST_KDF }))).code).toBe('exists');
    expect(v.items.list()).toEqual([]);
  });

  it('opening a missing file is not-found; a non-vault file is integrity', async () => {
    expect((await caught(() => Vault.open(tempVaultPath()))).code).toBe('not-found');
    const file = tempVaultPath();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is not a database, just some text that is long enough to look like one '.repeat(20));
    expect((await caught(() => Vault.open(file))).code).toBe('integrity');
  });
});

describe('wrong password', () => {
  it('is wrong-password and changes nothing but the failure record', async () => {
    const v = await newVault();
    v.items.create(login('GitHub'));
    const file = v.file;
    v.close();
    const before = dumpTables(file, THROTTLE_TABLES);
    const locked = openVault(file);
    const err = await caught(() => locked.unlock('not the password'));
    expect(err.code).toBe('wrong-password');
    expect(locked.isUnlocked).toBe(false);
    expect((await caught(() => locked.items.list())).code).toBe('locked');
    locked.close();
    expect(dumpTables(file, THROTTLE_TABLES)).toEqual(before);
  });
});

describe('master password change', () => {
  it('keeps every item and secret; only the new password unlocks', async () => {
    const v = await newVault();
    const ids = [
      v.items.create(login('Mail', { password: 'mail-secret' })).id,
      v.items.create(apiKey('AWS', { secret: 'aws-secret' })).id,
      v.items.create(note('Safe', { notes: 'combination 12-34-56' })).id,
    ];
    const items = ids.map((id) => v.items.withSecrets(id));
    const history = v.items.passwordHistory(ids[0] as string);
    await v.masterPassword.change(PASSWORD, 'a brand new master password');
    // Still unlocked and usable right away.
    expect(ids.map((id) => v.items.withSecrets(id))).toEqual(items);
    const file = v.file;
    v.close();

    const again = openVault(file);
    expect((await caught(() => again.unlock(PASSWORD))).code).toBe('wrong-password');
    await again.unlock('a brand new master password');
    expect(ids.map((id) => again.items.withSecrets(id))).toEqual(items);
    expect(again.items.passwordHistory(ids[0] as string)).toEqual(history);
    expect(again.history.firstBrokenLink()).toBeNull();
  });

  it('a wrong current password or a too-short new one changes nothing', async () => {
    const v = await newVault();
    v.items.create(login('Mail'));
    // The wrong current password is a guess, recorded by the unlock throttle like any other.
    const before = dumpTables(v.file, THROTTLE_TABLES);
    expect((await caught(() => v.masterPassword.change('wrong current password', 'another password 1'))).code).toBe('wrong-password');
    expect((await caught(() => v.masterPassword.change(PASSWORD, 'short'))).code).toBe('invalid-input');
    expect((await caught(() => v.masterPassword.change(PASSWORD, 'another password 1', { memoryMiB: 8, iterations: 1, parallelism: 1 }))).code).toBe('invalid-input');
    expect(dumpTables(v.file, THROTTLE_TABLES)).toEqual(before);
    v.close();
    const again = openVault(v.file);
    await again.unlock(PASSWORD);
    expect(again.items.list()).toHaveLength(1);
  });

  it('changes the KDF parameters, which then apply at the next unlock', async () => {
    const v = await newVault();
    const id = v.items.create(login('Mail', { password: 'kept' })).id;
    const stronger = { memoryMiB: 24, iterations: 3, parallelism: 2 };
    await v.masterPassword.change(PASSWORD, PASSWORD, stronger);
    expect(v.kdfParams()).toEqual(stronger);
    const file = v.file;
    v.close();
    const again = openVault(file);
    expect(again.kdfParams()).toEqual(stronger);
    await again.unlock(PASSWORD);
    expect(again.items.withSecrets(id).password).toBe('kept');
    expect(again.history.query({ kinds: ['password-change'] })[0]?.detail.note).toMatch(/key-derivation/);
  });

  it('requires an unlocked vault', async () => {
    const v = await newVault();
    v.lock();
    expect((await caught(() => v.masterPassword.change(PASSWORD, 'another password 1'))).code).toBe('locked');
  });
});

describe('measureKdf', () => {
  it('returns a positive duration for valid parameters and refuses unsafe ones', async () => {
    const ms = await Vault.measureKdf(FAST_KDF);
    expect(ms).toBeGreaterThan(0);
    expect((await caught(() => Vault.measureKdf({ memoryMiB: 4, iterations: 1, parallelism: 1 }))).code).toBe('invalid-input');
  });
});
