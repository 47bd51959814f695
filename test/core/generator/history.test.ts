// Generator history: the last 100 results, encrypted in the vault's meta table, clearable.
import { describe, expect, it } from 'vitest';
import { generate } from '../../../electron/core/generator';
import type { GeneratedSecret } from '../../../shared/generator';
import { caught, newVault, openVault, PASSWORD, withRaw } from '../fixtures/vault-helpers';

const fake = (value: string): GeneratedSecret => ({ kind: 'password', value, entropyBits: 42, strength: { score: 3, guessesLog10: 9, crackTime: 'days', crackTimeSeconds: 1e5, warning: null } });

describe('generator history', () => {
  it('keeps the newest 100 results, newest first, across lock and unlock', async () => {
    let now = 1_000;
    const v = await newVault({ now: () => now });
    for (let i = 0; i < 105; i++) {
      now += 1;
      v.generatorHistory.add(fake(`value-${i}`));
    }
    const h = v.generatorHistory.list();
    expect(h).toHaveLength(100);
    expect(h[0]).toMatchObject({ value: 'value-104', kind: 'password', entropyBits: 42, score: 3, at: 1_105 });
    expect(h[99]?.value).toBe('value-5');
    v.lock();
    expect((await caught(() => v.generatorHistory.list())).code).toBe('locked');
    await v.unlock(PASSWORD);
    expect(v.generatorHistory.list()).toHaveLength(100);
  });

  it('stores no generated value in the clear and clears for good', async () => {
    const v = await newVault();
    const r = generate({ kind: 'password', length: 32 });
    v.generatorHistory.add(r);
    const needle = Buffer.from(r.value);
    const rows = withRaw(v.file, (db) => db.prepare('SELECT name, blob FROM meta').all() as { name: string; blob: Buffer }[]);
    expect(rows.map((x) => x.name)).toContain('generator-history');
    for (const row of rows) expect(row.blob.includes(needle)).toBe(false);
    v.generatorHistory.clear();
    expect(v.generatorHistory.list()).toEqual([]);
    const left = withRaw(v.file, (db) => db.prepare("SELECT COUNT(*) AS n FROM meta WHERE name = 'generator-history'").get() as { n: number });
    expect(left.n).toBe(0);
  });

  it('refuses a history record moved from another vault', async () => {
    const a = await newVault();
    const b = await newVault();
    a.generatorHistory.add(fake('from-a'));
    const blob = withRaw(a.file, (db) => (db.prepare("SELECT blob FROM meta WHERE name = 'generator-history'").get() as { blob: Buffer }).blob);
    b.close();
    withRaw(b.file, (db) => db.prepare("INSERT INTO meta (name, blob) VALUES ('generator-history', ?)").run(blob));
    const reopened = openVault(b.file);
    await reopened.unlock(PASSWORD);
    expect((await caught(() => reopened.generatorHistory.list())).code).toBe('integrity');
  });
});
