// What an import does to the vault: problems, duplicates, dry runs, empty files, one
// transaction, and the usage-history record.
import { describe, expect, it } from 'vitest';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { caught, dumpTables, login, newVault } from '../../fixtures/vault-helpers';
import { allItems, bytes, fixture, importFixture, loadFixture, loadText } from './helpers';

describe('problem rows', () => {
  it('lists ragged and unterminated rows with their line numbers and imports nothing unless accepted', async () => {
    const vault = await newVault();
    const before = dumpTables(vault.file, ['events']);
    const refused = await importFixture(vault, 'broken-ragged.csv');
    expect(refused).toMatchObject({ imported: 0, committed: false, problems: [{ line: 3, reason: 'The row has 3 fields but the header has 4.' }] });
    expect(dumpTables(vault.file, ['events'])).toEqual(before);

    const accepted = await importFixture(vault, 'broken-ragged.csv', { acceptProblems: true });
    expect(accepted).toMatchObject({ imported: 2, skipped: 1, committed: true });
    expect(allItems(vault).map((i) => i.title)).toEqual(['good one', 'good two']);
  });

  it('keeps the good rows before an unterminated quote', async () => {
    const vault = await newVault();
    const r = await importFixture(vault, 'broken-unterminated.csv', { acceptProblems: true });
    expect(r.problems).toEqual([{ line: 4, reason: 'A quoted field is never closed (unterminated quote).' }]);
    expect(allItems(vault).map((i) => i.title)).toEqual(['good one', 'good two']);
  });

  it('reports a row the item rules refuse, by line', async () => {
    const vault = await newVault();
    const long = 'u'.repeat(1_001);
    const { preview: p } = await previewImport(vault, loadText(`name,url,username,password\nok,https://a.example,a,b\nbad,https://b.example,${long},c\n`));
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]?.line).toBe(3);
    expect(p.problems[0]?.reason).toMatch(/username/);
  });
});

describe('empty files', () => {
  it('says so for an empty file, a blank one and a header-only one', async () => {
    const vault = await newVault();
    expect((await caught(async () => loadFile(fixture('empty.csv')))).message).toMatch(/empty/);
    expect((await caught(async () => loadFile(bytes('\r\n\r\n')))).message).toMatch(/empty/);
    expect((await caught(() => importFixture(vault, 'header-only.csv'))).message).toMatch(/header row but no items/);
    expect(allItems(vault)).toEqual([]);
  });
});

describe('duplicates', () => {
  it('finds rows equal to a vault item or to an earlier row, and skips them by default', async () => {
    const vault = await newVault();
    vault.items.create(login('Same', { username: 'ana', password: 'other', urls: ['https://same.example'] }));
    const { preview: p } = await previewImport(vault, loadFixture('duplicates.csv'));
    expect(p.duplicates).toEqual([
      { line: 3, title: 'Same', of: 'file' },
      { line: 4, title: 'Same', of: 'vault' },
    ]);
    expect(p.counts.login).toBe(1);
    const r = await importFixture(vault, 'duplicates.csv');
    expect(r).toMatchObject({ imported: 1, skipped: 2, duplicates: 2 });
    expect(allItems(vault)).toHaveLength(2);
  });

  it('imports duplicates anyway when asked', async () => {
    const vault = await newVault();
    const r = await importFixture(vault, 'duplicates.csv', { skipDuplicates: false });
    expect(r).toMatchObject({ imported: 3, skipped: 0, duplicates: 1 });
    expect(allItems(vault)).toHaveLength(3);
  });
});

describe('dry run, preview and history', () => {
  it('a dry run and a preview change nothing', async () => {
    const vault = await newVault();
    const before = dumpTables(vault.file);
    const dry = await importFixture(vault, 'bitwarden.csv', { dryRun: true });
    expect(dry).toMatchObject({ imported: 5, committed: false });
    const { preview: p } = await previewImport(vault, loadFixture('bitwarden.csv'));
    expect(p.counts).toEqual({ login: 3, api_key: 0, note: 2 });
    expect(dumpTables(vault.file)).toEqual(before);
  });

  it('the preview shows no secret values', async () => {
    const vault = await newVault();
    const { preview: p } = await previewImport(vault, loadFixture('bitwarden.csv'));
    const text = JSON.stringify(p);
    for (const secret of ['p@ss', 'JBSWY3DPEHPK3PXP', '4111111111111111', 'пароль']) expect(text).not.toContain(secret);
    expect(p.sample[0]).toMatchObject({ hasPassword: true, hasTotp: true });
  });

  it('records one import event with the format and count, and reports progress', async () => {
    const vault = await newVault();
    const seen: number[] = [];
    await importFixture(vault, 'bitwarden.csv', { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    const events = vault.history.query({ kinds: ['import'] });
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toEqual({ note: 'format bitwarden', count: 5 });
  });

  it('all rows land or none: a failure mid-import leaves the vault as it was', async () => {
    const vault = await newVault();
    const before = dumpTables(vault.file);
    const rows = Array.from({ length: 5_000 }, (_, i) => `t${i},https://h${i}.example,u${i},p${i}`).join('\n');
    let calls = 0;
    const checked = await previewImport(vault, loadText(`name,url,username,password\n${rows}\n`));
    const run = commitImport(vault, checked, {
      onProgress: () => {
        // Fails after the first batches were written inside the transaction.
        if (++calls === 2) throw new Error('disk gone');
      },
    });
    await expect(run).rejects.toThrow('disk gone');
    expect(calls).toBe(2);
    expect(dumpTables(vault.file)).toEqual(before);
    expect(vault.items.list({})).toEqual([]);
  });
});

describe('one loaded file, several previews', () => {
  it('previews the same content with another mapping, and the commit saves the items of the preview it is given', async () => {
    const vault = await newVault();
    const file = loadFixture('generic-semicolon.csv');
    const guessed = await previewImport(vault, file);
    expect(guessed.preview.mapping).not.toEqual({ title: ['Site'], password: ['Pass'] });
    const mapped = await previewImport(vault, file, { mapping: { title: ['Site'], password: ['Pass'] } });
    expect(mapped.preview.sample[0]).toMatchObject({ title: 'Intranet', hasPassword: true });
    expect(await commitImport(vault, mapped)).toMatchObject({ imported: 1, committed: true });
    expect(allItems(vault)).toMatchObject([{ title: 'Intranet', password: 'in-pass', username: '' }]);
  });
});
