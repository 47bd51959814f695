// Attack: the green headline over-claims. An edit to event #10 and the deletion of #20–#21,
// both behind the checkpoint the unlock check resumes from, used to leave the Activity page
// saying "History is intact" until the user clicked "Verify whole history". Now main walks
// the whole chain in the background after every unlock, in slices that hand the event loop
// back between them, and composes the headline from what was checked: while the walk runs it
// says only what the unlock verified and how far the full check has got; when the walk finds
// the damage it says so; "intact" needs a full check, and the headline says when it last ran.
// Through the real handlers (window.api's) over a real vault file, SQLite and Argon2 at
// FAST_KDF; the slices are held by the test so each stage can be looked at.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { PASSWORD } from '../support/kit';
import { FAST_KDF, makeTestServices, type TestServices } from '../support/test-services';

type Api = ReturnType<typeof createHandlers>;
let t: TestServices | null = null;
afterEach(async () => {
  if (!t) return;
  await t.services.shutdown();
  fs.rmSync(t.dir, { recursive: true, force: true });
  t = null;
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Services whose background slices wait in `held` until the test runs them. */
async function unlockedWithHistory(): Promise<{ api: Api; held: (() => void)[]; file: string }> {
  const held: (() => void)[] = [];
  t = makeTestServices('keystash-headline-', { yieldSlice: (fn) => void held.push(fn) });
  const api = createHandlers(t.services);
  ok(await api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
  const item = ok(await api['item:create']({ item: { type: 'login', title: 'GitHub', password: 'pw-123456' } }));
  for (let i = 0; i < 25; i++) ok(await api['item:reveal']({ id: item.id, field: 'password' }));
  // One unlock and lock, so the unlock check's checkpoint lies past #21.
  ok(await api['vault:lock']({}));
  ok(await api['vault:unlock']({ password: PASSWORD }));
  held.splice(0).forEach((fn) => fn());
  ok(await api['vault:lock']({}));
  return { api, held, file: path.join(t.dir, 'vault.keystash') };
}

const drain = (held: (() => void)[]): void => {
  for (let fn = held.shift(); fn; fn = held.shift()) fn();
};

describe('attack: green headline over-claims', () => {
  it('after an edit to #10 and deletion of #20–#21, never says intact, and reports both once the background check ends', async () => {
    const { api, held, file } = await unlockedWithHistory();
    const db = new Database(file);
    db.prepare('UPDATE events SET at = at - 60000 WHERE seq = 10').run();
    db.prepare('DELETE FROM events WHERE seq IN (20, 21)').run();
    db.close();

    ok(await api['vault:unlock']({ password: PASSWORD }));
    const during = ok(await api['history:status']({}));
    expect(during.lastCheck?.ok).toBe(true); // the unlock check resumed past the damage
    expect(during.headline.tone).toBe('info');
    expect(during.headline.title).toBe('Checking the whole history…');
    expect(`${during.headline.title} ${during.headline.text}`).not.toMatch(/intact/i);
    expect(during.headline.checking).not.toBeNull();
    expect(during.headline.lastFullCheckAt).toBeNull();

    expect(held.length).toBe(1); // the walk waits for the event loop, not the other way round
    drain(held);
    const after = ok(await api['history:status']({}));
    expect(after.headline.tone).toBe('danger');
    expect(after.headline.title).toBe('The usage history was tampered with.');
    expect(after.headline.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Event #10 \(.*\) was changed after it was recorded\.$/), '2 events (#20–#21) were deleted from the history.']),
    );
    expect(after.headline.checking).toBeNull();
    expect(after.headline.lastFullCheckAt).toEqual(expect.any(Number));
  });

  it('an untouched history is called intact only after the full check, which the headline dates', async () => {
    const { api, held } = await unlockedWithHistory();
    ok(await api['vault:unlock']({ password: PASSWORD }));
    const during = ok(await api['history:status']({}));
    expect(during.headline.title).not.toMatch(/intact/i);
    expect(during.headline.text).toContain('added since the last check were verified');
    drain(held);
    const after = ok(await api['history:status']({}));
    expect(after.headline).toMatchObject({ tone: 'ok', title: 'History is intact.', checking: null, problems: [] });
    expect(after.headline.text).toMatch(/^All \d+ events \(#1–#\d+\) were checked in full/);
    expect(after.headline.lastFullCheckAt).toEqual(expect.any(Number));
    // A lock forgets it: the next session claims nothing until its own full check.
    ok(await api['vault:lock']({}));
    ok(await api['vault:unlock']({ password: PASSWORD }));
    expect(ok(await api['history:status']({})).headline.lastFullCheckAt).toBeNull();
  });
});
