// item:totp, item:copy-totp and item:copy-env over a real vault: the window gets a code and
// a countdown (never the TOTP secret), copies land on the clipboard, and each use is logged.
import { Secret } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnlockedHarness, ok, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

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
    // The pane fetches each new code while the item stays open: one showing is logged, as a
    // code (its note), not as the secret.
    ok(await h.api['item:totp']({ id: item.id }));
    ok(await h.api['item:totp']({ id: item.id }));
    const shown = ok(await h.api['history:list']({ itemId: item.id, kinds: ['reveal'] }));
    expect(shown.map((e) => [e.detail.field, e.detail.note])).toEqual([['totp', 'one-time code']]);
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

  it('copies an AWS key pair as both variables (and the region field), each use logged', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const key = ok(
      await h.api['item:create']({
        item: { type: 'api_key', title: 'AWS deploy', keyId: 'AKIAIOSFODNN7EXAMPLE', secret, fields: [{ name: 'Region', value: 'eu-west-1', concealed: false }] },
      }),
    );
    expect(ok(await h.api['item:copy-env']({ id: key.id, format: 'shell' })).name).toBe('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION');
    expect(await h.clipboard.readText()).toBe(`export AWS_ACCESS_KEY_ID='AKIAIOSFODNN7EXAMPLE'\nexport AWS_SECRET_ACCESS_KEY='${secret}'\nexport AWS_REGION='eu-west-1'`);
    const copies = ok(await h.api['history:list']({ itemId: key.id, kinds: ['copy'] }));
    expect(copies.map((e) => e.detail.field).sort()).toEqual(['field:0', 'keyId', 'secret']);
  });
});
