// Attack: protection weakened silently. A compromised renderer called
// `settings:set {autoLockMinutes: 720, clipboardClearSeconds: 600}` and it succeeded without
// the master password, keeping the vault open and copied secrets on the clipboard. Now a
// change that weakens protection needs the master password, checked by the vault like an
// unlock (a wrong guess counts toward the unlock delay); shortening either and the theme do not.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { makeUnlockedHarness, ok, PASSWORD, type Harness } from '../main/ipc/helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

const stored = (): unknown => (fs.existsSync(h.services.settings.file) ? JSON.parse(fs.readFileSync(h.services.settings.file, 'utf8')) : null);

describe('protection weakened silently', () => {
  it('refuses the attack without the master password and changes nothing', async () => {
    const before = stored();
    const r = await h.api['settings:set']({ autoLockMinutes: 720, clipboardClearSeconds: 600 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!r.ok) expect(r.error.message).toMatch(/master password/);
    expect(ok(await h.api['settings:get']({}))).toEqual(DEFAULT_SETTINGS);
    expect(stored()).toEqual(before);
    // One weakened setting is enough to need it, even beside a harmless change.
    expect(await h.api['settings:set']({ theme: 'dark', clipboardClearSeconds: 31 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ok(await h.api['settings:get']({})).theme).toBe('system');
  });

  it('a wrong password is refused, changes nothing and counts toward the unlock delay', async () => {
    const r = await h.api['settings:set']({ autoLockMinutes: 720, password: 'not the password' });
    expect(r).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(ok(await h.api['settings:get']({})).autoLockMinutes).toBe(DEFAULT_SETTINGS.autoLockMinutes);
    expect(h.services.vault.status().failedCount).toBe(1);
  });

  it('the master password allows it', async () => {
    const next = ok(await h.api['settings:set']({ autoLockMinutes: 720, clipboardClearSeconds: 600, password: PASSWORD }));
    expect(next).toMatchObject({ autoLockMinutes: 720, clipboardClearSeconds: 600 });
    expect(stored()).toMatchObject({ autoLockMinutes: 720, clipboardClearSeconds: 600 });
    expect(stored()).not.toHaveProperty('password');
  });

  it('shorter times and the theme need no password; weakening while locked is refused', async () => {
    ok(await h.api['settings:set']({ autoLockMinutes: 2, clipboardClearSeconds: 10, theme: 'dark' }));
    // Back up to the old values is a weakening again.
    expect(await h.api['settings:set']({ autoLockMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await h.services.lock('manual');
    ok(await h.api['settings:set']({ theme: 'light' }));
    expect(await h.api['settings:set']({ autoLockMinutes: 720, password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(ok(await h.api['settings:get']({}))).toEqual({ autoLockMinutes: 2, clipboardClearSeconds: 10, theme: 'light' });
  });

  it('turning either off is not possible: out-of-range values are refused even with the password', async () => {
    for (const patch of [{ autoLockMinutes: 0 }, { clipboardClearSeconds: 0 }, { autoLockMinutes: 721 }, { clipboardClearSeconds: 601 }]) {
      expect(await h.api['settings:set']({ ...patch, password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(ok(await h.api['settings:get']({}))).toEqual(DEFAULT_SETTINGS);
  });
});
