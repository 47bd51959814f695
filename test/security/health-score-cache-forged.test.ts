// Attack: a forged health-score cache. The scores health checks computed are kept between
// sessions in one sealed meta record (`health-score-cache`), keyed by HMAC of each password
// under a key derived from the vault key. Someone with the file but not the master password
// wants a weak password to go unreported: they plant a record from a vault of their own (whose
// cache says "strong" for that password), or copy back an older record of this vault, or
// flip bytes. Each fails the record's checks (its seal is bound to this vault and record, and
// the authenticated manifest holds its version and digest), so the check starts from an empty
// cache, scores every password itself, and still reports the weak one; and the keys the file
// holds are not the passwords' plain digests. A real vault file and SQLite, Argon2 at FAST_KDF.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countingScorer } from '../support/kit';
import { computeHealth } from '../../electron/core/health';
import { HEALTH_SCORE_CACHE_RECORD } from '../../electron/core/health/score-cache';
import type { Vault } from '../../electron/core/vault';
import { toHealthJson } from '../../shared/health';
import { login, newVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';

const STRONG = 'Vq7#mZ2!pL9@xR4$tK8^wN3&';

interface MetaRow {
  name: string;
  version: number;
  blob: Buffer;
}


const cacheRow = (file: string) => withRaw(file, (db) => db.prepare('SELECT name, version, blob FROM meta WHERE name = ?').get(HEALTH_SCORE_CACHE_RECORD)) as MetaRow | undefined;

function putCacheRow(file: string, row: MetaRow): void {
  withRaw(file, (db) => db.prepare('INSERT OR REPLACE INTO meta (name, version, blob) VALUES (@name, @version, @blob)').run(row));
}

/** A new session's check: which passwords it scored itself, and the weak items it reported. */
async function checkAfterUnlock(v: Vault) {
  v.lock();
  await v.unlock(PASSWORD);
  const scorer = countingScorer();
  const weak = toHealthJson(await computeHealth(v, { scorer })).weak;
  return { scored: scorer.scored.sort(), weak };
}

describe('attack: a forged health-score cache', () => {
  it('a record planted from another vault, whose cache calls the weak password strong, is not trusted', async () => {
    const v = await newVault();
    const weak = v.items.create(login('Forum', { username: 'alice', password: 'password1' }));
    v.items.create(login('Bank', { password: STRONG }));
    // The strongest case: the attacker even knows this vault's cache key for the password, and
    // seals a record that calls it strong in a vault of their own.
    const key = v.healthScores.session().keyOf('password1', ['alice', 'Forum']);
    const theirs = await newVault();
    const session = theirs.healthScores.session();
    session.replace(new Map([[key, 4]]));
    theirs.healthScores.save();
    const planted = cacheRow(theirs.file) as MetaRow;
    // Planted before this vault ever wrote one (an unknown record), and over one it wrote.
    putCacheRow(v.file, planted);
    expect(await checkAfterUnlock(v)).toEqual({ scored: ['password1', STRONG].sort(), weak: [weak.id] });
    putCacheRow(v.file, { ...planted, version: (cacheRow(v.file) as MetaRow).version });
    expect(await checkAfterUnlock(v)).toEqual({ scored: ['password1', STRONG].sort(), weak: [weak.id] });
  });

  it('an older record of this vault copied back, or an altered one, is not trusted', async () => {
    const v = await newVault();
    const item = v.items.create(login('Forum', { username: 'alice', password: 'password1' }));
    // An authentic record that calls the password strong (as a cache from an earlier estimator
    // could have), then a newer one: the attacker keeps a copy of the first and puts it back.
    const session = v.healthScores.session();
    session.replace(new Map([[session.keyOf('password1', ['alice', 'Forum']), 4]]));
    v.healthScores.save();
    const older = cacheRow(v.file) as MetaRow;
    session.replace(new Map());
    v.healthScores.save();
    expect((cacheRow(v.file) as MetaRow).version).toBe(older.version + 1);
    putCacheRow(v.file, older);
    expect(await checkAfterUnlock(v)).toEqual({ scored: ['password1'], weak: [item.id] });

    // The record that check wrote, with one byte flipped.
    const current = cacheRow(v.file) as MetaRow;
    const altered = Buffer.from(current.blob);
    altered[40] = (altered[40] ?? 0) ^ 0x01;
    putCacheRow(v.file, { ...current, blob: altered });
    expect(await checkAfterUnlock(v)).toEqual({ scored: ['password1'], weak: [item.id] });
    // Rewritten by that check: the next session trusts it again and scores nothing.
    expect(await checkAfterUnlock(v)).toEqual({ scored: [], weak: [item.id] });
  });

  it('keeps no plain digest of a password in the file', async () => {
    const v = await newVault();
    const item = v.items.create(login('Forum', { username: 'alice', password: 'password1' }));
    await computeHealth(v);
    const key = v.healthScores.session().keyOf('password1', ['alice', 'Forum']);
    const file = withRaw(v.file, (db) => (db.prepare('SELECT blob FROM meta').all() as { blob: Buffer }[]).map((r) => r.blob.toString('latin1')).join('\n'));
    for (const digest of ['base64', 'hex'] as const) {
      for (const input of ['password1', JSON.stringify(['password1', 'alice', 'Forum'])]) {
        expect(file).not.toContain(createHash('sha256').update(input).digest(digest));
        expect(file).not.toContain(createHash('sha256').update(input).digest().subarray(0, 16).toString(digest));
      }
    }
    expect(file).not.toContain(key);
    expect(v.items.listedItem(item.id).title).toBe('Forum');
  });
});
