// Attack: bulk reveal. A compromised renderer, through window.api only, lists every item and
// reveals (or copies) each secret: 300 passwords left main in 444 ms. Now main admits a burst
// of 20 secrets a minute and then asks the person in a native dialog the window cannot answer
// (the stand-in here plays the person). Runs against a real vault file and the real handlers.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerMap } from '../../electron/main/ipc/handlers';
import { SECRET_RATE } from '../../electron/main/services/secret-rate-limit';
import { FAST_KDF, PASSWORD } from '../support/kit';
import { makeTestServices, type TestServices } from '../support/test-services';

const ITEMS = 300;
let t: TestServices;
let api: HandlerMap;
const clock = { at: Date.parse('2026-03-01T10:00:00Z') };

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

beforeEach(async () => {
  clock.at = Date.parse('2026-03-01T10:00:00Z');
  t = makeTestServices('keystash-bulk-', { now: () => clock.at });
  api = createHandlers(t.services);
  ok(await api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
  const items = Array.from({ length: ITEMS }, (_, i) => ({ type: 'login', title: `Site ${i}`, username: `user${i}`, password: `secret-${i}-x9!Q` }));
  // One import-sized write: the attack needs many items, not many transactions.
  t.services.vault.unlocked().items.createMany(items, 'bulk-reveal test');
});
afterEach(async () => {
  await t.services.shutdown();
  fs.rmSync(t.dir, { recursive: true, force: true });
});

async function revealAll(): Promise<{ values: string[]; refused: string[] }> {
  const { rows } = ok(await api['item:list']({}));
  expect(rows).toHaveLength(ITEMS);
  const replies = await Promise.all(rows.map((r) => api['item:reveal']({ id: r.id, field: 'password' })));
  return {
    values: replies.flatMap((r) => (r.ok ? [r.value.value] : [])),
    refused: replies.flatMap((r) => (r.ok ? [] : [r.error.code])),
  };
}

describe('bulk reveal through window.api', () => {
  it('stops after the burst and asks once; a refusal leaves the rest in the vault', async () => {
    t.confirm.moreSecretsAnswer = false;
    const started = performance.now();
    const { values, refused } = await revealAll();
    expect(values).toHaveLength(SECRET_RATE.burst);
    expect(refused).toHaveLength(ITEMS - SECRET_RATE.burst);
    expect(new Set(refused)).toEqual(new Set(['rate-limited']));
    // 300 parallel calls raised one native question, not 280.
    expect(t.confirm.asked).toEqual([`more-secrets ${SECRET_RATE.burst}/60s`]);
    // After a "no" the window cannot nag: every secret channel is refused without asking again.
    const { rows } = ok(await api['item:list']({}));
    const id = rows[0]?.id ?? '';
    for (const r of [
      await api['item:copy-field']({ id, field: 'password' }),
      await api['item:copy-env']({ id, format: 'shell' }),
      await api['item:reveal-history']({ id, index: 0 }),
      await api['generator:copy']({ index: 0 }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    }
    expect(t.confirm.asked).toHaveLength(1);
    expect(await t.clipboard.readText()).toBe('');
    console.log(`bulk reveal: ${values.length} of ${ITEMS} secrets left main in ${Math.round(performance.now() - started)} ms`);
  });

  it('a yes allows one more burst, not the whole flood', async () => {
    t.confirm.moreSecretsAnswer = true;
    const { rows } = ok(await api['item:list']({}));
    const sequential: boolean[] = [];
    for (const r of rows.slice(0, 2 * SECRET_RATE.burst + 1)) sequential.push((await api['item:reveal']({ id: r.id, field: 'password' })).ok);
    expect(sequential.every(Boolean)).toBe(true);
    // The 21st and the 41st secret each needed the person's yes.
    expect(t.confirm.asked).toHaveLength(2);
  });

  it('copies count toward the same limit, and the burst comes back after a minute', async () => {
    t.confirm.moreSecretsAnswer = false;
    const { rows } = ok(await api['item:list']({}));
    for (const r of rows.slice(0, SECRET_RATE.burst)) ok(await api['item:copy-field']({ id: r.id, field: 'password' }));
    const id = rows[SECRET_RATE.burst]?.id ?? '';
    expect(await api['item:reveal']({ id, field: 'password' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    clock.at += SECRET_RATE.windowMs;
    const n = rows[SECRET_RATE.burst]?.title.slice('Site '.length);
    expect(ok(await api['item:reveal']({ id, field: 'password' })).value).toBe(`secret-${n}-x9!Q`);
  });

  it('a locked vault answers locked without spending the burst or asking', async () => {
    await t.services.lock('manual');
    const reveal = await api['item:reveal']({ id: 'x', field: 'password' });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.confirm.asked).toEqual([]);
  });
});
