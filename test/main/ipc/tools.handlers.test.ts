// generator:*, item:totp / copy-totp / copy-env and health:* over a real vault: what the
// window gets (never a stored secret), what lands on the clipboard, and what is logged.
import { Secret } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/services';
import { MemoryClipboard } from '../../support/kit';
import { FAST_KDF, ManualTimers, PASSWORD, makeHarness, makeUnlockedHarness, ok, settle, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

describe('generator channels', () => {
  it('generates, records history without values, copies an entry from main and clears', async () => {
    const r = ok(await h.api['generator:generate']({ options: { kind: 'password', length: 24 } }));
    expect(r.value).toHaveLength(24);
    expect(r.entropyBits).toBeGreaterThan(150);
    expect([3, 4]).toContain(r.strength.score);
    ok(await h.api['generator:generate']({ options: { kind: 'pin' } }));
    const rows = ok(await h.api['generator:history']({}));
    expect(rows.map((x) => [x.index, x.kind, x.length])).toEqual([[0, 'pin', 6], [1, 'password', 24]]);
    expect(JSON.stringify(rows)).not.toContain(r.value);
    const copied = ok(await h.api['generator:copy']({ index: 1 }));
    expect(copied.clearsInMs).toBeGreaterThan(0);
    expect(await h.clipboard.readText()).toBe(r.value);
    h.timers.fireAll();
    await settle();
    expect(await h.clipboard.readText()).toBe('');
    ok(await h.api['generator:clear-history']({}));
    expect(ok(await h.api['generator:history']({}))).toEqual([]);
    expect((await h.api['generator:copy']({ index: 0 })).ok).toBe(false);
  });

  it('refuses bad options with invalid-input', async () => {
    const r = await h.api['generator:generate']({ options: { kind: 'password', length: 2 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const none = await h.api['generator:generate']({ options: { kind: 'password', lower: false, upper: false, digits: false, symbols: false } });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('TOTP and env channels', () => {
  it('returns a code and countdown (never the secret), copies a code, each use logged', async () => {
    const seed = Secret.fromLatin1('12345678901234567890').base32;
    const item = ok(await h.api['item:create']({ item: { type: 'login', title: 'Site', totp: seed } }));
    const code = ok(await h.api['item:totp']({ id: item.id }));
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.expiresInMs).toBeGreaterThan(0);
    expect(code.expiresInMs).toBeLessThanOrEqual(30_000);
    expect(JSON.stringify(code)).not.toContain(seed);
    const copied = ok(await h.api['item:copy-totp']({ id: item.id }));
    expect(copied.clearsInMs).toBeGreaterThan(0);
    expect(await h.clipboard.readText()).toMatch(/^\d{6}$/);
    const events = ok(await h.api['history:list']({ itemId: item.id, kinds: ['reveal', 'copy'] }));
    expect(events.map((e) => [e.kind, e.detail.field])).toEqual(expect.arrayContaining([['reveal', 'totp'], ['copy', 'totp']]));
    const none = ok(await h.api['item:create']({ item: { type: 'login', title: 'No code' } }));
    expect(await h.api['item:totp']({ id: none.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('copies an API key as an env var or a .env line, named by its format', async () => {
    const secret = `sk_live_${'a1B2c3D4e5'.repeat(3)}`;
    const key = ok(await h.api['item:create']({ item: { type: 'api_key', title: 'Payments', secret } }));
    expect(ok(await h.api['item:copy-env']({ id: key.id, format: 'shell' })).name).toBe('STRIPE_SECRET_KEY');
    expect(await h.clipboard.readText()).toBe(`export STRIPE_SECRET_KEY='${secret}'`);
    ok(await h.api['item:copy-env']({ id: key.id, format: 'dotenv' }));
    expect(await h.clipboard.readText()).toBe(`STRIPE_SECRET_KEY="${secret}"`);
    const copies = ok(await h.api['history:list']({ itemId: key.id, kinds: ['copy'] }));
    expect(copies).toHaveLength(2);
    expect(await h.api['item:copy-env']({ id: key.id, format: 'yaml' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('health channels', () => {
  it('reports findings as ids, titles and reasons only', async () => {
    const a = ok(await h.api['item:create']({ item: { type: 'login', title: 'Forum', password: 'password1' } }));
    const b = ok(await h.api['item:create']({ item: { type: 'login', title: 'Shop', password: 'password1' } }));
    const r = ok(await h.api['health:report']({}));
    expect(r.counts.weak).toBe(2);
    expect(r.counts.reused).toBe(1);
    expect(r.items.map((i) => i.title).sort()).toEqual(['Forum', 'Shop']);
    expect(r.findings.find((f) => f.kind === 'reused')?.itemIds.sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(r)).not.toContain('password1');
  });

  it('lists due API keys and notifies once per unlock', async () => {
    const notes: string[] = [];
    const dir = h.dir;
    await h.cleanup();
    const services = createServices({
      userDataDir: dir,
      vaultPath: `${dir}/n.keystash`,
      clipboard: new MemoryClipboard(),
      openExternal: async () => undefined,
      timers: new ManualTimers(),
      notify: (title, body) => notes.push(`${title}: ${body}`),
    });
    try {
      await services.vault.create(PASSWORD, FAST_KDF);
      services.vault.unlocked().create({ type: 'api_key', title: 'Old key', secret: 'x-secret', expiresAt: '2020-01-01' });
      expect(services.health.dueKeys().map((d) => [d.title, d.reason])).toEqual([['Old key', 'expired']]);
      services.health.dueKeys();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/Old key/);
      await services.lock('manual');
      await services.vault.unlock(PASSWORD);
      services.health.dueKeys();
      expect(notes).toHaveLength(2);
    } finally {
      await services.shutdown();
      h = makeHarness();
    }
  });
});
