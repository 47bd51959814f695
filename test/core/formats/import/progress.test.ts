// A large import runs batch by batch in one transaction and lets the event loop run between
// batches (its preview too): progress is reported as it goes, the vault keeps answering reads, other writes are
// refused as busy, and locking the vault mid-import rolls everything back.
import { describe, expect, it } from 'vitest';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { caught, dumpTables, login, newVault, PASSWORD } from '../../fixtures/vault-helpers';
import { bytes, loadText } from './helpers';

const ROWS = 5_000;
/** Tables that locking and unlocking change by themselves (events and their rollups, and the manifest with the history's head). */
const USAGE_TABLES = ['events', 'event_quarters', 'event_days', 'item_use_days', 'meta', 'manifest'];
const bigCsv = () =>
  loadFile(bytes(`name,url,username,password\n${Array.from({ length: ROWS }, (_, i) => `Site ${i},https://s${i}.example,user${i},pw-${i}`).join('\n')}\n`));

describe('a large import', () => {
  it('lets the event loop run while the file is previewed, too', async () => {
    const vault = await newVault();
    const order: string[] = [];
    const preview = previewImport(vault, bigCsv()).then((p) => {
      order.push('preview done');
      return p;
    });
    setImmediate(() => order.push('event loop'));
    expect((await preview).preview.rows).toBe(ROWS);
    expect(order).toEqual(['event loop', 'preview done']);
  });

  it('reports progress per batch while the vault keeps answering reads and refuses other writes', async () => {
    const vault = await newVault();
    const existing = vault.items.create(login('Already here')).id;
    const progress: [number, number][] = [];
    let sawImporting = false;
    let busyCode = '';
    let listed = -1;
    // Runs on the event loop after the first batch, while the transaction is still open.
    const duringImport = (): void => {
      sawImporting = vault.imports.running;
      listed = vault.items.list({}).length;
      try {
        vault.items.update(existing, { title: 'Renamed mid-import' });
      } catch (err) {
        busyCode = (err as { code?: string }).code ?? '';
      }
    };
    const running = commitImport(vault, await previewImport(vault, bigCsv()), {
      onProgress: (f, n) => {
        if (progress.length === 0) setImmediate(duringImport);
        progress.push([f, n]);
      },
    });
    const result = await running;
    expect(result).toMatchObject({ imported: ROWS, committed: true });
    expect(sawImporting).toBe(true);
    expect(busyCode).toBe('busy');
    expect(listed).toBe(1); // nothing shows before the transaction commits
    expect(vault.imports.running).toBe(false);
    expect(vault.items.list({}).length).toBe(ROWS + 1);
    expect(vault.items.summary(existing).title).toBe('Already here');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map(([f]) => f)).toEqual([...progress.map(([f]) => f)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([1, ROWS]);
    // Writes work again once it is over.
    expect(vault.items.update(existing, { title: 'Renamed after' }).title).toBe('Renamed after');
  });

  it('is abandoned and rolled back when the vault locks in the middle, leaving the vault as it was', async () => {
    const vault = await newVault();
    vault.items.create(login('Kept'));
    const before = dumpTables(vault.file, USAGE_TABLES);
    let locked = false;
    const running = commitImport(vault, await previewImport(vault, bigCsv()), {
      onProgress: () => {
        if (!locked) {
          locked = true;
          setImmediate(() => vault.lock());
        }
      },
    });
    const err = await caught(() => running);
    expect(err.code).toBe('locked');
    expect(err.message).toMatch(/nothing was imported/);
    expect(dumpTables(vault.file, USAGE_TABLES)).toEqual(before);
    await vault.unlock(PASSWORD);
    expect(vault.items.list({}).map((s) => s.title)).toEqual(['Kept']);
    expect(vault.activity.verify('full').problems).toEqual([]);
    expect(vault.history.query({ kinds: ['import'] })).toEqual([]);
    // A later import goes through normally.
    const later = await previewImport(vault, loadText('name,url,username,password\nLater,https://l.example,u,p\n'));
    expect(await commitImport(vault, later)).toMatchObject({ imported: 1, committed: true });
    expect(vault.items.list({}).map((s) => s.title)).toEqual(['Kept', 'Later']);
  });
});
