// A vault written before record versions and the manifest (format 1) keeps opening: its first
// unlock upgrades every record and writes the manifest in one transaction, once. A failure in
// the middle leaves the file exactly as it was, still format 1, and the next unlock retries.
import { describe, expect, it } from 'vitest';
import type { GeneratedSecret } from '../../shared/generator';
import { dumpTables, login, newVault, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';
import { makeFormat1 } from './fixtures/format1-vault';

const generated: GeneratedSecret = {
  kind: 'password',
  value: 'generated-before',
  entropyBits: 80,
  strength: { score: 4, guessesLog10: 20, crackTime: 'centuries', crackTimeSeconds: 1e12, warning: null },
};

async function format1Vault() {
  const v = await newVault();
  const a = v.items.create(login('GitHub', { password: 'gh-pass' })).id;
  const b = v.items.create(login('Mail', { password: 'mail-pass' })).id;
  v.items.update(b, { password: 'mail-pass-2' });
  v.generatorHistory.add(generated);
  v.activity.setRetention('1y');
  const file = v.file;
  v.close();
  await makeFormat1(file);
  return { file, a, b };
}

/** Tables every unlock writes by itself: the usage history, its rollups, the throttle's bookkeeping. */
const UNLOCK_WRITES = ['events', 'event_quarters', 'event_days', 'item_use_days', 'unlock_failures', 'unlock_state'];
const formatOf = (file: string): number => withRaw(file, (db) => db.prepare('SELECT format_version FROM header').pluck().get() as number);

describe('format-1 vaults (before record versions and the manifest)', () => {
  it('open, are upgraded at the first unlock, and read the same afterwards', async () => {
    const { file, a, b } = await format1Vault();
    expect(formatOf(file)).toBe(1);
    const v = openVault(file);
    const report = await v.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([]);
    expect(report.damagedItemIds).toEqual([]);
    expect(formatOf(file)).toBe(2);
    expect(v.items.withSecrets(a).password).toBe('gh-pass');
    expect(v.items.withSecrets(b).password).toBe('mail-pass-2');
    expect(v.items.passwordHistory(b)).toHaveLength(1);
    expect(v.generatorHistory.list().map((g) => g.value)).toEqual(['generated-before']);
    expect(v.activity.retention()).toBe('1y');
    expect(v.history.firstBrokenLink()).toBeNull();
    withRaw(file, (db) => {
      expect(db.prepare('SELECT DISTINCT version FROM items').pluck().all()).toEqual([1]);
      expect(db.prepare('SELECT COUNT(*) FROM manifest').pluck().get()).toBe(1);
    });
    v.close();
    // Once: a later unlock leaves the records as they are.
    const records = dumpTables(file, [...UNLOCK_WRITES, 'meta', 'manifest']);
    const again = openVault(file);
    expect((await again.unlock(PASSWORD)).integrityProblems).toEqual([]);
    again.close();
    expect(dumpTables(file, [...UNLOCK_WRITES, 'meta', 'manifest'])).toEqual(records);
  });

  it('upgrade in one transaction: a failure part-way leaves the file as it was, and the next unlock completes it', async () => {
    const { file, a } = await format1Vault();
    const before = dumpTables(file, UNLOCK_WRITES);
    // The meta records are upgraded last; make that step fail inside SQLite.
    withRaw(file, (db) => db.exec("CREATE TRIGGER fail_upgrade BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;"));
    const v = openVault(file);
    await expect(v.unlock(PASSWORD)).rejects.toThrow();
    v.close();
    withRaw(file, (db) => db.exec('DROP TRIGGER fail_upgrade'));
    const after = dumpTables(file, UNLOCK_WRITES);
    expect(after).toEqual(before);
    expect(formatOf(file)).toBe(1);

    const retry = openVault(file);
    expect((await retry.unlock(PASSWORD)).integrityProblems).toEqual([]);
    expect(formatOf(file)).toBe(2);
    expect(retry.items.withSecrets(a).password).toBe('gh-pass');
  });
});
