// health:* over a real vault: findings carry ids, titles and reasons but no secret, and due
// API keys raise one desktop notification per unlock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/services';
import { MemoryClipboard } from '../../support/kit';
import { FAST_KDF, ManualTimers, PASSWORD, makeHarness, makeUnlockedHarness, ok, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

describe('health channels', () => {
  it('reports findings as ids, titles and reasons only', async () => {
    const a = ok(await h.api['item:create']({ item: { type: 'login', title: 'Forum', username: 'maya', password: 'password1', urls: ['forum.example.org/login'] } }));
    const b = ok(await h.api['item:create']({ item: { type: 'login', title: 'Shop', password: 'password1' } }));
    expect(ok(await h.api['health:progress']({}))).toBeNull();
    const running = h.api['health:report']({});
    // The check has started and says how far it is before it finishes: two items to read and
    // two passwords to score.
    expect(ok(await h.api['health:progress']({}))).toMatchObject({ total: 4 });
    const r = ok(await running);
    expect(ok(await h.api['health:progress']({}))).toBeNull();
    expect(r.items.find((i) => i.id === a.id)).toMatchObject({ title: 'Forum', username: 'maya', host: 'forum.example.org' });
    expect(r.counts.weak).toBe(2);
    expect(r.counts.reused).toBe(1);
    expect(r.items.map((i) => i.title).sort()).toEqual(['Forum', 'Shop']);
    expect(r.findings.find((f) => f.kind === 'reused')?.itemIds.sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(r)).not.toContain('password1');
  });

  it('scores in worker threads that lock ends, together with a check in flight', async () => {
    const v = h.services.vault.unlocked();
    v.items.createMany(
      Array.from({ length: 400 }, (_, i) => ({ type: 'login', title: `Site ${i}`, password: `Xq${i}-orbit-${(i * 7919) % 1000}-Tail!` })),
      'test',
    );
    const running = h.api['health:report']({});
    for (let waited = 0; h.services.health.scoringThreads === 0 && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(h.services.health.scoringThreads).toBeGreaterThan(0);
    await h.services.lock('manual');
    expect(h.services.health.scoringThreads).toBe(0);
    const r = await running;
    expect(r.ok ? null : r.error.code).toBe('locked');
    expect(ok(await h.api['health:progress']({}))).toBeNull();
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
      services.vault.unlocked().items.create({ type: 'api_key', title: 'Old key', secret: 'x-secret', expiresAt: '2020-01-01' });
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
