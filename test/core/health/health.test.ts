// Vault health on crafted vaults: each finding, aged with the vault's `now` option.
import { describe, expect, it } from 'vitest';
import { computeHealth } from '../../../electron/core/health';
import { toHealthJson } from '../../../shared/health';
import { apiKey, login, newVault, note, withRaw } from '../fixtures/vault-helpers';

const DAY = 86_400_000;
const STRONG = (n: number): string => `Vq7#mZ2!pL9@xR4$tK8^${n}wN3&`;

async function clock() {
  const t = { now: Date.parse('2025-01-01T09:00:00Z') };
  const v = await newVault({ now: () => t.now });
  return { t, v };
}

describe('vault health', () => {
  it('an empty or tidy vault has no findings', async () => {
    const { t, v } = await clock();
    expect((await computeHealth(v, { now: t.now })).findings).toEqual([]);
    v.items.create(login('Bank', { password: STRONG(1) }));
    v.items.create(note('Notes'));
    const r = await computeHealth(v, { now: t.now });
    expect(r.findings).toEqual([]);
    expect(Object.values(r.counts).every((c) => c === 0)).toBe(true);
  });

  it('flags weak passwords (zxcvbn score ≤ 2) but not strong ones', async () => {
    const { t, v } = await clock();
    const weak = v.items.create(login('Forum', { password: 'password1' }));
    const named = v.items.create(login('Shop', { username: 'alice.wonder', password: 'alice.wonder' }));
    v.items.create(login('Bank', { password: STRONG(1) }));
    const r = await computeHealth(v, { now: t.now });
    expect(toHealthJson(r).weak.sort()).toEqual([weak.id, named.id].sort());
    expect(r.findings.find((f) => f.itemIds[0] === weak.id)?.reason).toMatch(/easy to guess/);
  });

  it('groups reused passwords', async () => {
    const { t, v } = await clock();
    const a = v.items.create(login('A', { password: STRONG(7) }));
    const b = v.items.create(login('B', { password: STRONG(7) }));
    const c = v.items.create(login('C', { password: STRONG(7) }));
    const d = v.items.create(login('D', { password: STRONG(8) }));
    const e = v.items.create(login('E', { password: STRONG(8) }));
    v.items.create(login('F', { password: STRONG(9) }));
    const json = toHealthJson(await computeHealth(v, { now: t.now }));
    expect(json.reused.map((g) => [...g].sort()).sort()).toEqual([[a.id, b.id, c.id].sort(), [d.id, e.id].sort()].sort());
  });

  it('flags passwords unchanged for more than 365 days, counting from the last change', async () => {
    const { t, v } = await clock();
    const old = v.items.create(login('Old', { password: STRONG(1) }));
    const changed = v.items.create(login('Changed', { password: STRONG(2) }));
    t.now += 300 * DAY;
    v.items.update(changed.id, { password: STRONG(3) });
    t.now += 100 * DAY;
    const json = toHealthJson(await computeHealth(v, { now: t.now }));
    expect(json.old).toEqual([old.id]);
  });

  it('flags expired and expiring API keys and overdue rotations', async () => {
    const { t, v } = await clock();
    const expired = v.items.create(apiKey('Expired', { expiresAt: '2024-12-31' }));
    const expiring = v.items.create(apiKey('Expiring', { expiresAt: '2025-01-20' }));
    v.items.create(apiKey('Fine', { expiresAt: '2025-06-01' }));
    const rotate = v.items.create(apiKey('Rotate', { rotationDays: 30 }));
    const rotatedInTime = v.items.create(apiKey('Rotated', { rotationDays: 30 }));
    t.now += 20 * DAY;
    v.items.update(rotatedInTime.id, { secret: 'sk_live_rotated' });
    t.now += 15 * DAY; // Rotate: 35 days since creation; Rotated: 15 since its change.
    const r = await computeHealth(v, { now: t.now });
    const json = toHealthJson(r);
    // By now (2025-02-05) 2025-01-20 has passed too.
    expect(json.expired.sort()).toEqual([expired.id, expiring.id].sort());
    expect(json.expiring).toEqual([]);
    expect(json.old).toEqual([rotate.id]);
    expect(r.findings.find((f) => f.itemIds[0] === rotate.id)?.reason).toMatch(/Rotation is overdue/);

    const { t: t2, v: v2 } = await clock();
    const soon = v2.items.create(apiKey('Soon', { expiresAt: '2025-01-20' }));
    const j2 = toHealthJson(await computeHealth(v2, { now: t2.now }));
    expect(j2.expiring).toEqual([soon.id]);
    expect(j2.expired).toEqual([]);
  });

  it('flags credentials never used or unused for 180 days', async () => {
    const { t, v } = await clock();
    const never = v.items.create(login('Never', { password: STRONG(1) }));
    const usedLongAgo = v.items.create(apiKey('Long ago', { secret: 'sk_live_aaaaaaaaaaaaaaaaaaaa' }));
    const recent = v.items.create(login('Recent', { password: STRONG(2) }));
    v.items.useField(usedLongAgo.id, 'secret', 'copy');
    t.now += 170 * DAY;
    const added = v.items.create(login('Added later', { password: STRONG(3) }));
    v.items.useField(recent.id, 'password', 'reveal');
    t.now += 20 * DAY;
    v.items.create(note('Notes are never stale'));
    const r = await computeHealth(v, { now: t.now });
    expect(toHealthJson(r).stale.sort()).toEqual([never.id, usedLongAgo.id].sort());
    expect(r.findings.find((f) => f.itemIds[0] === never.id)?.reason).toMatch(/Never used/);
    expect(r.findings.find((f) => f.itemIds[0] === usedLongAgo.id)?.reason).toMatch(/Last used 190 days ago/);
    void added;
  });

  it('groups duplicate items: same type, title, username and URL, or the same secret', async () => {
    const { t, v } = await clock();
    const a = v.items.create(login('GitHub', { username: 'me', urls: ['https://github.com/'], password: STRONG(1) }));
    const b = v.items.create(login('github ', { username: 'ME', urls: ['https://GitHub.com'], password: STRONG(2) }));
    v.items.create(login('GitHub', { username: 'someone-else', urls: ['https://github.com'], password: STRONG(3) }));
    const k1 = v.items.create(apiKey('Stripe A', { secret: 'sk_live_same_secret_value' }));
    const k2 = v.items.create(apiKey('Stripe B', { secret: 'sk_live_same_secret_value' }));
    v.items.create(apiKey('Stripe C', { secret: 'sk_live_other_secret_value' }));
    const json = toHealthJson(await computeHealth(v, { now: t.now }));
    expect(json.duplicates.map((g) => [...g].sort()).sort()).toEqual([[a.id, b.id].sort(), [k1.id, k2.id].sort()].sort());
  });

  it('ignores items in the trash, and never puts a secret in the report', async () => {
    const { t, v } = await clock();
    const w = v.items.create(login('Weak', { password: 'password1' }));
    const gone = v.items.create(login('Gone', { password: 'password1' }));
    v.items.trash(gone.id);
    const r = await computeHealth(v, { now: t.now });
    expect(toHealthJson(r).weak).toEqual([w.id]);
    expect(toHealthJson(r).reused).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('password1');
  });

  it('prints the documented JSON shape with counts per kind', async () => {
    const { t, v } = await clock();
    v.items.create(login('Weak', { password: '123456' }));
    const r = await computeHealth(v, { now: t.now });
    expect(Object.keys(toHealthJson(r))).toEqual(['weak', 'reused', 'old', 'expiring', 'expired', 'stale', 'duplicates']);
    expect(r.counts.weak).toBe(1);
  });
});

describe('score cache', () => {
  it('scores each password once, keeps the scores encrypted in the vault, and drops stale ones', async () => {
    const { t, v } = await clock();
    const weak = v.items.create(login('Weak', { password: 'password1' }));
    v.items.create(login('Strong', { password: STRONG(1) }));
    await computeHealth(v, { now: t.now });
    const cached = v.healthScores.read();
    expect(cached.size).toBe(2);
    expect([...cached.values()].sort()).toEqual([0, 4]);
    const raw = withRaw(v.file, (db) => db.prepare("SELECT blob FROM meta WHERE name = 'health-scores'").get() as { blob: Buffer });
    expect(raw.blob.includes(Buffer.from('password1'))).toBe(false);
    // A cached score is trusted: plant a wrong one and the check reports it.
    v.healthScores.save(new Map([...cached.entries()].map(([k, s]) => [k, s === 0 ? 4 : 0])));
    expect(toHealthJson(await computeHealth(v, { now: t.now })).weak).not.toContain(weak.id);
    v.items.update(weak.id, { password: 'password2' });
    v.items.purge(v.items.resolve('Strong'));
    const after = toHealthJson(await computeHealth(v, { now: t.now }));
    expect(after.weak).toEqual([weak.id]);
    expect(v.healthScores.read().size).toBe(1);
  });
});
