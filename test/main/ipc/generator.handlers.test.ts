// generator:* over a real vault: what the window gets (history without values), what lands
// on the clipboard, and bad options refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUnlockedHarness, ok, settle, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

describe('generator channels', () => {
  it('records only results copied or used, lists history without values, copies and reveals an entry, and clears', async () => {
    const r = ok(await h.api['generator:generate']({ options: { kind: 'password', length: 24 } }));
    expect(r.value).toHaveLength(24);
    expect(r.entropyBits).toBeGreaterThan(150);
    expect([3, 4]).toContain(r.strength.score);
    // Trying options records nothing.
    for (const length of [8, 9, 10]) ok(await h.api['generator:generate']({ options: { kind: 'password', length } }));
    expect(ok(await h.api['generator:history']({}))).toEqual([]);
    ok(await h.api['generator:use-offered']({ token: r.token }));
    const pin = ok(await h.api['generator:generate']({ options: { kind: 'pin' } }));
    ok(await h.api['generator:copy-offered']({ token: pin.token }));
    ok(await h.api['generator:copy-offered']({ token: pin.token }));
    expect(await h.clipboard.readText()).toBe(pin.value);
    expect((await h.api['generator:use-offered']({ token: 'made-up' })).ok).toBe(false);
    const rows = ok(await h.api['generator:history']({}));
    expect(rows.map((x) => [x.index, x.kind, x.length])).toEqual([[0, 'pin', 6], [1, 'password', 24]]);
    expect(JSON.stringify(rows)).not.toContain(r.value);
    expect(ok(await h.api['generator:reveal']({ index: 1 })).value).toBe(r.value);
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
