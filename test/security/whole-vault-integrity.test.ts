// Issue 11 §1, whole-vault integrity: each attack is run for real with SQLite against a real
// vault file (FAST_KDF Argon2), as someone who can write the file but has no key would. Each
// must end in a named integrity problem, never in an older secret, a silently missing item, a
// resurrected one, or an old URL handed to the browser.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedSecret } from '../../shared/generator';
import { openItemUrl } from '../../electron/main/services/url-opener';
import { caught, login, newVault, openVault, PASSWORD, tempDir, withRaw } from '../core/fixtures/vault-helpers';

type Row = Record<string, unknown>;
const generated = (value: string): GeneratedSecret => ({
  kind: 'password',
  value,
  entropyBits: 80,
  strength: { score: 4, guessesLog10: 20, crackTime: 'centuries', crackTimeSeconds: 1e12, warning: null },
});
const itemRow = (file: string, id: string): Row => withRaw(file, (db) => db.prepare('SELECT * FROM items WHERE id = ?').get(id) as Row);
const putRow = (file: string, table: string, row: Row): void =>
  withRaw(file, (db) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  });

async function vaultWith(...titles: string[]) {
  const v = await newVault();
  const ids = titles.map((t) => v.items.create(login(t, { password: `${t}-old-pass`, urls: [`https://old.${t.toLowerCase()}.example`] })).id);
  return { v, ids, file: v.file };
}

describe('whole-vault integrity (issue 11 §1)', () => {
  it('old row replayed: an item row saved before an edit and written back is an older version, never the old secret', async () => {
    const { v, ids, file } = await vaultWith('GitHub', 'Mail');
    const [id] = ids as [string];
    const saved = itemRow(file, id);
    v.items.update(id, { username: 'new-user', password: 'rotated-pass' });
    v.close();
    // The attacker writes back the old detail, times and version column together.
    withRaw(file, (db) => db.prepare('UPDATE items SET detail = @detail, updated_at = @updated_at, version = @version WHERE id = @id').run(saved));

    const again = openVault(file);
    const report = await again.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([expect.objectContaining({ reason: 'older-version', id })]);
    expect(report.integrityProblems[0]?.message).toMatch(/GitHub.*older version/);
    expect(report.damagedItemIds).toEqual([id]);
    for (const read of [() => again.items.withSecrets(id), () => again.items.useField(id, 'password', 'reveal'), () => again.items.useField(id, 'password', 'copy')]) {
      const err = await caught(read);
      expect(err.code).toBe('integrity');
      expect(err.message).toMatch(/older version/);
      expect(err.itemIds).toEqual([id]);
    }
    // An edit cannot build on the replayed record either.
    expect((await caught(() => again.items.update(id, { title: 'x' }))).code).toBe('integrity');
    expect(again.items.withSecrets(ids[1] ?? '').password).toBe('Mail-old-pass');
  });

  it('old row replayed with the new version number kept: the AAD binds the version, so it fails to open', async () => {
    const { v, ids, file } = await vaultWith('GitHub');
    const [id] = ids as [string];
    const saved = itemRow(file, id);
    v.items.update(id, { password: 'rotated-pass' });
    v.close();
    withRaw(file, (db) => db.prepare('UPDATE items SET detail = ? WHERE id = ?').run(saved.detail, id));
    const again = openVault(file);
    await again.unlock(PASSWORD);
    const err = await caught(() => again.items.useField(id, 'password', 'reveal'));
    expect(err.code).toBe('integrity');
    expect(err.itemIds).toEqual([id]);
  });

  it('row deleted: the item is reported missing by title, not silently dropped from the list', async () => {
    const { v, ids, file } = await vaultWith('GitHub', 'Mail');
    const [gone, kept] = ids as [string, string];
    v.close();
    withRaw(file, (db) => db.prepare('DELETE FROM items WHERE id = ?').run(gone));
    const again = openVault(file);
    const report = await again.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([expect.objectContaining({ reason: 'missing-item', id: gone })]);
    expect(report.integrityProblems[0]?.message).toContain('“GitHub”');
    expect(report.damagedItemIds).toEqual([gone]);
    expect(again.items.list().map((s) => s.id)).toEqual([kept]);
  });

  it('purged row put back: the re-inserted record is an unknown record, hidden, and its secret is not served', async () => {
    const { v, ids, file } = await vaultWith('GitHub', 'Mail');
    const [purged] = ids as [string];
    const saved = itemRow(file, purged);
    v.items.purge(purged);
    v.close();
    putRow(file, 'items', saved);
    const again = openVault(file);
    const report = await again.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([expect.objectContaining({ reason: 'unknown-record', id: purged })]);
    expect(again.items.list().map((s) => s.title)).toEqual(['Mail']);
    const err = await caught(() => again.items.withSecrets(purged));
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/unknown record/);
  });

  it('purged row put back after its whole bucket went: still an unknown record', async () => {
    const { v, ids, file } = await vaultWith('Only');
    const [purged] = ids as [string];
    const saved = itemRow(file, purged);
    v.items.purge(purged);
    v.close();
    putRow(file, 'items', saved);
    const again = openVault(file);
    const report = await again.unlock(PASSWORD);
    expect(report.integrityProblems.map((p) => p.reason)).toEqual(['unknown-record']);
    expect(again.items.list()).toEqual([]);
    expect((await caught(() => again.items.useField(purged, 'password', 'copy'))).code).toBe('integrity');
  });

  it('older index bucket restored: reported as a stale bucket; the list and "open URL" use the authenticated record', async () => {
    const { v, ids, file } = await vaultWith('GitHub');
    const [id] = ids as [string];
    const oldBucket = withRaw(file, (db) => db.prepare('SELECT * FROM index_buckets').get() as Row);
    v.items.update(id, { title: 'GitHub (new)', urls: ['https://new.github.example/login'] });
    v.close();
    putRow(file, 'index_buckets', oldBucket);

    const again = openVault(file);
    const report = await again.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([expect.objectContaining({ reason: 'stale-bucket', id: `bucket ${String(oldBucket.id)}` })]);
    expect(again.items.list().map((s) => s.title)).toEqual(['GitHub (new)']);
    const opened: string[] = [];
    const allow = { moreSecrets: () => Promise.resolve(true), openOrigin: () => Promise.resolve(true), cliAccess: () => Promise.resolve(false) };
    await openItemUrl(again, { open: (url) => Promise.resolve(void opened.push(url)) }, allow, id, 0);
    expect(opened).toEqual(['https://new.github.example/login']);
  });

  it('unknown record: a meta record the vault never wrote (planted, or copied from elsewhere) is refused by name', async () => {
    const v = await newVault();
    const blob = withRaw(v.file, (db) => db.prepare("SELECT blob FROM meta WHERE name = 'history-head'").pluck().get() as Buffer);
    const file = v.file;
    v.close();
    withRaw(file, (db) => db.prepare("INSERT INTO meta (name, version, blob) VALUES ('generator-history', 1, ?)").run(blob));
    const again = openVault(file);
    await again.unlock(PASSWORD);
    const err = await caught(() => again.generatorHistory.list());
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/generator history.*unknown record/);
  });

  it('meta record replayed: an older generator history written back is an older version', async () => {
    const v = await newVault();
    v.generatorHistory.add(generated('first'));
    const saved = withRaw(v.file, (db) => db.prepare("SELECT * FROM meta WHERE name = 'generator-history'").get() as Row);
    v.generatorHistory.add(generated('second'));
    const file = v.file;
    v.close();
    putRow(file, 'meta', saved);
    const again = openVault(file);
    await again.unlock(PASSWORD);
    const err = await caught(() => again.generatorHistory.list());
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/generator history.*older version/);
  });

  it('remembered site answer replayed: an older "open links to this site" is not honoured after the person said no', async () => {
    const v = await newVault();
    v.urlOrigins.remember('https://attacker.example', true);
    const saved = withRaw(v.file, (db) => db.prepare("SELECT * FROM meta WHERE name = 'url-origins'").get() as Row);
    v.urlOrigins.remember('https://attacker.example', false);
    const file = v.file;
    v.close();
    putRow(file, 'meta', saved);
    const again = openVault(file);
    await again.unlock(PASSWORD);
    // Treated as never asked: the native question comes back instead of the old "yes".
    expect(again.urlOrigins.decision('https://attacker.example')).toBeNull();
  });

  it('manifest deleted: the vault refuses to unlock with an integrity error rather than trust what is left', async () => {
    const { v, file } = await vaultWith('GitHub');
    v.close();
    withRaw(file, (db) => db.prepare('DELETE FROM manifest').run());
    const again = openVault(file);
    const err = await caught(() => again.unlock(PASSWORD));
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/integrity manifest is missing/);
    expect(again.isUnlocked).toBe(false);
  });

  it('manifest altered while the vault is unlocked: the next write checks the stored manifest again and refuses', async () => {
    const { v, file } = await vaultWith('GitHub');
    // Writes leave this session holding the manifest it verified and wrote last.
    v.items.create(login('Second'));
    const before = withRaw(file, (db) => db.prepare('SELECT body FROM manifest WHERE id = 1').get() as { body: Buffer });
    // The attacker keeps the MAC and drops a bucket from the body, as if it had never existed.
    const body = JSON.parse(before.body.toString('utf8')) as { buckets: Record<string, unknown> };
    body.buckets = {};
    withRaw(file, (db) => db.prepare('UPDATE manifest SET body = ? WHERE id = 1').run(Buffer.from(JSON.stringify(body), 'utf8')));
    const err = await caught(() => v.items.create(login('Third')));
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/manifest/);
    expect(withRaw(file, (db) => db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(2);
  });

  it('whole-file rollback: warned when the file is older than what this machine last saw; a fresh machine cannot tell', async () => {
    const state = path.join(tempDir(), 'last-seen.json');
    const v = await newVault({ lastSeenFile: state });
    const id = v.items.create(login('GitHub', { password: 'before' })).id;
    const file = v.file;
    v.close();
    const backup = `${file}.bak`;
    fs.copyFileSync(file, backup);
    const later = openVault(file, { lastSeenFile: state });
    expect((await later.unlock(PASSWORD)).rollback).toBeNull();
    later.items.update(id, { password: 'after' });
    later.close();
    fs.copyFileSync(backup, file);

    const rolledBack = openVault(file, { lastSeenFile: state });
    const report = await rolledBack.unlock(PASSWORD);
    expect(report.rollback).toMatchObject({ message: expect.stringMatching(/older than the one this computer last saw/) as unknown });
    expect(report.rollback?.seenSeq).toBeGreaterThan(report.rollback?.fileSeq ?? Infinity);
    rolledBack.close();
    // A forged "last seen" entry (no key) is ignored rather than trusted.
    fs.writeFileSync(state, JSON.stringify({ [Object.keys(JSON.parse(fs.readFileSync(state, 'utf8')) as object)[0] ?? '']: { seq: 1e9, mac: 'ab' } }));
    const forged = openVault(file, { lastSeenFile: state });
    expect((await forged.unlock(PASSWORD)).rollback).toBeNull();
    forged.close();
    // What stays undetectable: a machine that never saw the newer state.
    const elsewhere = openVault(file, { lastSeenFile: path.join(tempDir(), 'last-seen.json') });
    expect((await elsewhere.unlock(PASSWORD)).rollback).toBeNull();
    expect(elsewhere.items.withSecrets(id).password).toBe('before');
  });
});
