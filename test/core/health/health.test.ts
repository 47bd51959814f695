// Vault health on crafted vaults: each finding, aged with the vault's `now` option.
import { describe, expect, it } from 'vitest';
import { countingScorer } from '../../support/kit';
import { createHash } from 'node:crypto';
import { computeHealth } from '../../../electron/core/health';
import { STRENGTH_ESTIMATOR } from '../../../electron/core/generator/strength';
import { HEALTH_SCORE_CACHE_RECORD, LEGACY_HEALTH_SCORES_RECORD } from '../../../electron/core/health/score-cache';
import { metaStore } from '../../../electron/core/vault/meta-records';
import type { Vault } from '../../../electron/core/vault';
import type { Db } from '../../../electron/core/vault/db';
import type { Gate } from '../../../electron/core/vault/gate';
import type { SessionKeys } from '../../../electron/core/vault/session-keys';
import { toHealthJson } from '../../../shared/health';
import { apiKey, login, newVault, note, PASSWORD, withRaw } from '../fixtures/vault-helpers';

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

/** Writes the record an earlier version kept, through the vault's own meta store (private to it). */
function writeLegacyRecord(v: Vault): void {
  const inner = v as unknown as { db: Db; gate: Gate<{ keys: SessionKeys }> };
  metaStore(inner.db, inner.gate.write().keys).write(LEGACY_HEALTH_SCORES_RECORD, [[createHash('sha256').update('password1').digest('base64'), 0]]);
}

describe('score cache', () => {
  it('scores each password once, keyed by an HMAC under a key derived from the vault key, and keeps the scores sealed in the vault between sessions', async () => {
    const { t, v } = await clock();
    const weak = v.items.create(login('Weak', { password: 'password1' }));
    v.items.create(login('Strong', { password: STRONG(1) }));
    const scorer = countingScorer();
    await computeHealth(v, { now: t.now, scorer });
    expect(scorer.scored.sort()).toEqual(['password1', STRONG(1)].sort());
    const cache = v.healthScores.session();
    expect(cache.size).toBe(2);
    // The key is an HMAC under a key derived from the vault key: not the password's plain SHA-256.
    const context = [v.items.listedItem(weak.id).username, 'Weak'];
    const key = cache.keyOf('password1', context);
    const sha = (x: string) => createHash('sha256').update(x).digest('base64');
    expect([sha(JSON.stringify(['password1', ...context])), sha('password1')]).not.toContain(key);
    expect(cache.get(key)).toBe(0);
    // One sealed record holds the scores: neither the keys nor a password are readable in the file.
    const stored = () => withRaw(v.file, (db) => db.prepare('SELECT name, version, blob FROM meta WHERE name LIKE ?').all('health%')) as { name: string; version: number; blob: Buffer }[];
    expect(stored().map((r) => r.name)).toEqual([HEALTH_SCORE_CACHE_RECORD]);
    const blob = stored()[0]?.blob.toString('latin1') ?? '';
    for (const plain of [key, 'password1', STRONG(1), sha('password1')]) expect(blob).not.toContain(plain);

    // A second check in the session scores nothing again, and leaves the record as it is.
    await computeHealth(v, { now: t.now, scorer });
    expect(scorer.scored).toHaveLength(2);
    expect(stored()[0]?.version).toBe(1);

    // A changed password is scored; one no longer in the vault drops out of the cache and the record.
    v.items.update(weak.id, { password: 'password2' });
    v.items.purge(v.items.resolve('Strong'));
    expect(toHealthJson(await computeHealth(v, { now: t.now, scorer })).weak).toEqual([weak.id]);
    expect(scorer.scored.slice(2)).toEqual(['password2']);
    expect(v.healthScores.session().size).toBe(1);
    expect(stored()[0]?.version).toBe(2);

    // A new session starts from the record: the same keys, nothing scored again.
    v.lock();
    await v.unlock(PASSWORD);
    const next = v.healthScores.session();
    expect(next.size).toBe(1);
    const key2 = next.keyOf('password2', context);
    expect(next.get(key2)).toBeLessThanOrEqual(2);
    expect(toHealthJson(await computeHealth(v, { now: t.now, scorer })).weak).toEqual([weak.id]);
    expect(scorer.scored).toHaveLength(3);

    // A cached score is trusted.
    next.replace(new Map([[key2, 4]]));
    expect(toHealthJson(await computeHealth(v, { now: t.now, scorer })).weak).not.toContain(weak.id);
  });

  it('starts from an empty cache when the record fails its checks, and rewrites it', async () => {
    const { t, v } = await clock();
    v.items.create(login('Weak', { password: 'password1' }));
    v.items.create(login('Strong', { password: STRONG(1) }));
    await computeHealth(v, { now: t.now });
    v.lock();
    // A flipped byte in the sealed record.
    withRaw(v.file, (db) => {
      const row = db.prepare('SELECT blob FROM meta WHERE name = ?').get(HEALTH_SCORE_CACHE_RECORD) as { blob: Buffer };
      row.blob.writeUInt8(row.blob.readUInt8(row.blob.length - 1) ^ 1, row.blob.length - 1);
      db.prepare('UPDATE meta SET blob = ? WHERE name = ?').run(row.blob, HEALTH_SCORE_CACHE_RECORD);
    });
    await v.unlock(PASSWORD);
    expect(v.healthScores.session().size).toBe(0);
    const scorer = countingScorer();
    await computeHealth(v, { now: t.now, scorer });
    expect(scorer.scored.sort()).toEqual(['password1', STRONG(1)].sort());
    // Rewritten under the manifest: the next session reads it whole, with both scores.
    v.lock();
    await v.unlock(PASSWORD);
    expect(v.healthScores.session().size).toBe(2);
  });

  it('drops scores another estimator computed', async () => {
    const { t, v } = await clock();
    const weak = v.items.create(login('Weak', { username: 'alice', password: 'password1' }));
    const key = v.healthScores.session().keyOf('password1', ['alice', 'Weak']);
    v.lock();
    await v.unlock(PASSWORD);
    const inner = v as unknown as { db: Db; gate: Gate<{ keys: SessionKeys }> };
    const store = metaStore(inner.db, inner.gate.write().keys);
    store.write(HEALTH_SCORE_CACHE_RECORD, { estimator: `${STRENGTH_ESTIMATOR} (older)`, scores: [[key, 4]] });
    expect(v.healthScores.session().size).toBe(0);
    expect(toHealthJson(await computeHealth(v, { now: t.now })).weak).toEqual([weak.id]);
    v.lock();
    await v.unlock(PASSWORD);
    expect(v.healthScores.session().get(key)).toBe(0);
  });

  it('scores a password shared by items with the same context once', async () => {
    const { t, v } = await clock();
    for (let i = 0; i < 5; i++) v.items.create(login('Same', { password: 'hunter2' }));
    const scorer = countingScorer();
    const json = toHealthJson(await computeHealth(v, { now: t.now, scorer }));
    expect(scorer.scored).toEqual(['hunter2']);
    expect(json.weak).toHaveLength(5);
  });

  it('removes the digest record earlier versions stored', async () => {
    const { t, v } = await clock();
    v.items.create(login('Weak', { password: 'password1' }));
    // What an earlier version left: SHA-256 digests of passwords in an encrypted meta record.
    writeLegacyRecord(v);
    expect(withRaw(v.file, (db) => db.prepare(`SELECT name FROM meta WHERE name = '${LEGACY_HEALTH_SCORES_RECORD}'`).all())).toHaveLength(1);
    await computeHealth(v, { now: t.now });
    expect(withRaw(v.file, (db) => db.prepare(`SELECT name FROM meta WHERE name = '${LEGACY_HEALTH_SCORES_RECORD}'`).all())).toEqual([]);
    // Removed with its manifest entry: the next unlock finds the file consistent.
    v.lock();
    expect(JSON.stringify(await v.unlock(PASSWORD))).not.toContain(LEGACY_HEALTH_SCORES_RECORD);
    expect(v.items.list()).toHaveLength(1);
  });
});
