// Unlock reads the index buckets from the file mapped into memory (db.ts readMapped), and the
// mapping must not outlive that read: kept, it grew the process's resident memory by most of
// the file (~95 MB at 100,000 items).
import { describe, expect, it } from 'vitest';
import { readMapped } from '../../../electron/core/vault/db';
import { rawHandle } from '../fixtures/vault-internals';
import { login, newVault, openVault, PASSWORD, tempVaultPath } from '../fixtures/vault-helpers';

const mmapSize = (db: ReturnType<typeof rawHandle>): number => db.pragma('mmap_size', { simple: true }) as number;

describe('mapped reads', () => {
  it('map the file only while unlock reads the buckets', async () => {
    const file = tempVaultPath();
    const created = await newVault({ file });
    created.items.createMany([login('GitHub'), login('GitLab'), login('Bank')], 'test');
    created.close();

    const vault = openVault(file);
    const db = rawHandle(vault);
    expect(mmapSize(db)).toBe(0);
    let mappedDuringLoad = 0;
    const prepare = db.prepare.bind(db);
    // Observes the mapping at the moment unlock reads the buckets.
    db.prepare = ((sql: string) => {
      if (sql.includes('FROM index_buckets') && !sql.includes('WHERE')) mappedDuringLoad = mmapSize(db);
      return prepare(sql);
    }) as typeof db.prepare;
    await vault.unlock(PASSWORD);
    db.prepare = prepare;

    expect(mappedDuringLoad).toBeGreaterThan(0);
    expect(mmapSize(db)).toBe(0);
    expect(vault.items.list({ text: 'git' }).map((i) => i.title).sort()).toEqual(['GitHub', 'GitLab']);
    vault.close();
  });

  it('unmap the file when the read fails', async () => {
    const vault = await newVault();
    const db = rawHandle(vault);
    expect(() =>
      readMapped(db, () => {
        expect(mmapSize(db)).toBeGreaterThan(0);
        throw new Error('read failed');
      }),
    ).toThrow('read failed');
    expect(mmapSize(db)).toBe(0);
    vault.close();
  });
});
