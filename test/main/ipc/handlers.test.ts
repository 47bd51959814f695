// The IPC handlers over a real vault file: what the renderer can and cannot get out of main.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { SettingsStore } from '../../../electron/main/services/settings.store';
import { FAST_KDF, PASSWORD, makeHarness, ok, settle, type Harness } from './helpers';

let h: Harness;

beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

async function createVault(): Promise<void> {
  ok(await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
}

async function addLogin(extra: Record<string, unknown> = {}): Promise<string> {
  const item = ok(
    await h.api['item:create']({
      item: { type: 'login', title: 'Mail', username: 'ada@example.com', password: 's3cret-pass', urls: ['https://mail.example.com/login'], ...extra },
    }),
  );
  return item.id;
}

describe('vault lifecycle', () => {
  it('reports no vault, creates one unlocked, and refuses a second create', async () => {
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ exists: false, unlocked: false });
    await createVault();
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ exists: true, unlocked: true, failedCount: 0 });
    const again = await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('unlock before create is not-found, not a crash', async () => {
    expect(await h.api['vault:unlock']({ password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(fs.readdirSync(h.dir)).toEqual([]);
  });

  it('locks, refuses a wrong password, and unlocks with the right one', async () => {
    await createVault();
    const id = await addLogin();
    ok(await h.api['vault:lock']({}));
    expect(await h.api['item:list']({})).toMatchObject({ ok: false, error: { code: 'locked' } });
    const wrong = await h.api['vault:unlock']({ password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ unlocked: false, failedCount: 1 });
    const report = ok(await h.api['vault:unlock']({ password: PASSWORD }));
    expect(report.failedAttempts).toHaveLength(1);
    expect(ok(await h.api['item:get']({ id })).title).toBe('Mail');
  });

  it('a call without an argument on an empty request works like {}', async () => {
    expect(ok(await h.api['vault:status'](undefined)).exists).toBe(false);
  });
});

describe('item list rows', () => {
  it('carry a subtitle and no secret values', async () => {
    await createVault();
    await addLogin();
    ok(await h.api['item:create']({ item: { type: 'api_key', title: 'Stripe', service: 'stripe', secret: 'sk_live_abcdef' } }));
    ok(await h.api['item:create']({ item: { type: 'note', title: 'Wifi', notes: 'Guest network\nkey: hunter2-hunter2' } }));
    const { rows } = ok(await h.api['item:list']({ sort: 'title' }));
    expect(rows.map((r) => [r.title, r.subtitle])).toEqual([
      ['Mail', 'ada@example.com'],
      ['Stripe', 'stripe'],
      ['Wifi', 'Guest network'],
    ]);
    const wire = JSON.stringify(rows);
    for (const secret of ['s3cret-pass', 'sk_live_abcdef', 'hunter2']) expect(wire).not.toContain(secret);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['deletedAt', 'favorite', 'hasTotp', 'hasUrl', 'host', 'id', 'lastUsedAt', 'subtitle', 'title', 'type', 'updatedAt']);
    expect(rows[0]).toMatchObject({ host: 'mail.example.com', hasUrl: true, hasTotp: false });
  });
});

describe('reveal and copy', () => {
  it('reveal returns the value and is written to usage history', async () => {
    await createVault();
    const id = await addLogin();
    expect(ok(await h.api['item:reveal']({ id, field: 'password' })).value).toBe('s3cret-pass');
    const events = ok(await h.api['history:list']({ itemId: id, kinds: ['reveal'] }));
    expect(events).toHaveLength(1);
    expect(events[0]?.detail.field).toBe('password');
  });

  it('copy goes through the clipboard adapter, is logged, and is cleared after the timeout', async () => {
    await createVault();
    ok(await h.api['settings:set']({ clipboardClearSeconds: 12 }));
    const id = await addLogin();
    const res = ok(await h.api['item:copy-field']({ id, field: 'password' }));
    expect(res.clearsInMs).toBe(12_000);
    expect(h.clipboard.text).toBe('s3cret-pass');
    expect(h.clipboard.secretWrites).toBe(1);
    expect([...h.timers.pending.values()].map((t) => t.ms)).toContain(12_000);
    expect(ok(await h.api['history:list']({ itemId: id, kinds: ['copy'] }))).toHaveLength(1);
    expect(ok(await h.api['item:get']({ id })).lastUsedAt).not.toBeNull();

    h.timers.fireAll();
    await settle();
    expect(h.clipboard.text).toBe('');
  });

  it('does not clear the clipboard when the user copied something else meanwhile', async () => {
    await createVault();
    const id = await addLogin();
    ok(await h.api['item:copy-field']({ id, field: 'password' }));
    h.clipboard.text = 'something the user copied';
    h.timers.fireAll();
    await settle();
    expect(h.clipboard.text).toBe('something the user copied');
  });

  it('locking clears our copy from the clipboard at once', async () => {
    await createVault();
    const id = await addLogin();
    ok(await h.api['item:copy-field']({ id, field: 'username' }));
    expect(h.clipboard.text).toBe('ada@example.com');
    ok(await h.api['vault:lock']({}));
    expect(h.clipboard.text).toBe('');
    expect(h.timers.pending.size).toBe(0);
  });

  it('copying an empty field fails and leaves the clipboard alone', async () => {
    await createVault();
    const id = ok(await h.api['item:create']({ item: { type: 'login', title: 'No password' } })).id;
    h.clipboard.text = 'mine';
    const r = await h.api['item:copy-field']({ id, field: 'password' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(h.clipboard.text).toBe('mine');
  });
});

describe('password history and edits', () => {
  it('previous passwords are listed without values and revealed with a log entry', async () => {
    await createVault();
    const id = await addLogin();
    ok(await h.api['item:update']({ id, patch: { password: 'new-password-2' } }));
    const meta = ok(await h.api['item:password-history']({ id }));
    expect(meta).toEqual([{ index: 0, field: 'password', changedAt: expect.any(Number) }]);
    expect(ok(await h.api['item:reveal-history']({ id, index: 0 })).value).toBe('s3cret-pass');
    const reveals = ok(await h.api['history:list']({ itemId: id, kinds: ['reveal'] }));
    expect(reveals[0]?.detail.field).toBe('history:password');
  });

  it('trash, restore and purge', async () => {
    await createVault();
    const id = await addLogin();
    expect(ok(await h.api['item:trash']({ id })).deletedAt).not.toBeNull();
    expect(ok(await h.api['item:counts']({})).trash).toBe(1);
    expect(ok(await h.api['item:restore']({ id })).deletedAt).toBeNull();
    expect(ok(await h.api['item:purge']({ id }))).toBeNull();
    expect(await h.api['item:get']({ id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('open-url', () => {
  it('opens an http(s) URL of the item', async () => {
    await createVault();
    const id = await addLogin();
    ok(await h.api['item:open-url']({ id, index: 0 }));
    expect(h.opened).toEqual(['https://mail.example.com/login']);
  });

  it('opens an address saved without a scheme as https', async () => {
    await createVault();
    const id = await addLogin({ urls: ['192.168.1.1:8443/admin'] });
    ok(await h.api['item:open-url']({ id, index: 0 }));
    expect(h.opened).toEqual(['https://192.168.1.1:8443/admin']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ssh://host', 'mailto:ada@example.com', 'https://user:pw@example.com/'])(
    'refuses %s',
    async (url) => {
      await createVault();
      const id = await addLogin({ urls: [url] });
      expect(await h.api['item:open-url']({ id, index: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(h.opened).toEqual([]);
    },
  );

  it('an index past the item URLs is not-found', async () => {
    await createVault();
    const id = await addLogin();
    expect(await h.api['item:open-url']({ id, index: 3 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('settings', () => {
  it('persist next to the vault and survive a restart of the services', async () => {
    expect(ok(await h.api['settings:get']({}))).toEqual({ autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'system' });
    ok(await h.api['settings:set']({ theme: 'dark', autoLockMinutes: 2 }));
    const saved = JSON.parse(fs.readFileSync(h.services.settings.file, 'utf8')) as unknown;
    expect(saved).toEqual({ autoLockMinutes: 2, clipboardClearSeconds: 30, theme: 'dark' });
    expect(new SettingsStore(h.dir).get()).toEqual(saved);
  });

  it('a damaged settings file falls back per setting instead of failing', () => {
    fs.writeFileSync(h.services.settings.file, JSON.stringify({ theme: 'dark', autoLockMinutes: 'soon' }));
    expect(new SettingsStore(h.dir).get()).toEqual({ autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'dark' });
    fs.writeFileSync(h.services.settings.file, '{ not json');
    expect(new SettingsStore(h.dir).get()).toEqual({ autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'system' });
  });
});

describe('vault:change-password and KDF', () => {
  it('changes the password; the old one stops working', async () => {
    await createVault();
    ok(await h.api['vault:change-password']({ current: PASSWORD, next: 'another password 2', kdf: FAST_KDF }));
    ok(await h.api['vault:lock']({}));
    expect(await h.api['vault:unlock']({ password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    ok(await h.api['vault:unlock']({ password: 'another password 2' }));
    expect(ok(await h.api['vault:kdf-params']({}))).toEqual(FAST_KDF);
  });

  it('measures the KDF in whole milliseconds and refuses parameters below the floor', async () => {
    const { ms } = ok(await h.api['vault:measure-kdf']({ kdf: FAST_KDF }));
    expect(Number.isInteger(ms)).toBe(true);
    const weak = await h.api['vault:measure-kdf']({ kdf: { ...FAST_KDF, memoryMiB: 1 } });
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
