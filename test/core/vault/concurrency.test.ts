// Two Keystash processes on one file, like the app and the CLI: each sees the other's writes
// without relocking (SQLite's data_version), and no item is lost when both write at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedItem } from '../fixtures/vault-writer';
import { login, newVault, openVault, PASSWORD } from '../fixtures/vault-helpers';

const WRITER = path.join(__dirname, '..', 'fixtures', 'vault-writer.ts');

describe('two vault instances on one file', () => {
  it('each sees items added, edited, trashed and purged by the other', async () => {
    const app = await newVault();
    const cli = openVault(app.file, { source: 'cli' });
    await cli.unlock(PASSWORD);
    expect(app.items.list()).toEqual([]);

    const fromCli = cli.items.create(login('From CLI', { password: 'cli-pw' })).id;
    expect(app.items.list().map((s) => s.title)).toEqual(['From CLI']);
    expect(app.items.withSecrets(fromCli).password).toBe('cli-pw');
    expect(app.items.list({ text: 'from cli' })).toHaveLength(1);

    const fromApp = app.items.create(login('From app')).id;
    expect(cli.items.list().map((s) => s.title)).toEqual(['From app', 'From CLI']);

    app.items.update(fromCli, { title: 'Renamed in app' });
    expect(cli.items.summary(fromCli).title).toBe('Renamed in app');
    cli.items.trash(fromApp);
    expect(app.items.list().map((s) => s.id)).toEqual([fromCli]);
    expect(app.items.list({ trash: true }).map((s) => s.id)).toEqual([fromApp]);
    app.items.purge(fromApp);
    expect(cli.items.list({ trash: true })).toEqual([]);
    cli.items.useField(fromCli, 'password', 'cli-use');
    expect(app.items.summary(fromCli).lastUsedAt).not.toBeNull();
    expect(app.history.query({ itemId: fromCli })[0]).toMatchObject({ kind: 'cli-use', source: 'cli' });
    expect(app.history.firstBrokenLink()).toBeNull();
  });

  it('an unlock sees items the other adds while its key derivation runs', async () => {
    const writer = await newVault();
    writer.items.create(login('Before'));
    const reader = openVault(writer.file);
    // The reader reads the encrypted index ahead while Argon2 runs; this write lands after that.
    const unlocking = reader.unlock(PASSWORD);
    writer.items.create(login('During the KDF'));
    const report = await unlocking;
    expect(reader.items.list().map((s) => s.title)).toEqual(['Before', 'During the KDF']);
    // Read again, not from what was read ahead: that bucket was rewritten meanwhile.
    expect(report.integrityProblems).toEqual([]);
    expect(report.damagedItemIds).toEqual([]);
  });

  it('interleaved writes in one bucket lose nothing', async () => {
    const a = await newVault();
    const b = openVault(a.file);
    await b.unlock(PASSWORD);
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      ids.push(a.items.create(login(`A ${i}`)).id);
      ids.push(b.items.create(login(`B ${i}`)).id);
    }
    a.items.update(ids[0] as string, { title: 'A 0 edited' });
    b.items.update(ids[1] as string, { title: 'B 0 edited' });
    for (const v of [a, b]) {
      expect(v.items.list().map((s) => s.id).sort()).toEqual([...ids].sort());
      expect(v.items.summary(ids[0] as string).title).toBe('A 0 edited');
      expect(v.items.summary(ids[1] as string).title).toBe('B 0 edited');
    }
    a.close();
    b.close();
    const c = openVault(a.file);
    expect((await c.unlock(PASSWORD)).damagedItemIds).toEqual([]);
    expect(c.items.list()).toHaveLength(300);
  });

  it('a second process writing at the same time loses nothing', { timeout: 120_000 }, async () => {
    const app = await newVault();
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, app.file, PASSWORD, 'cli', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const mine: string[] = [];
    // Keep writing until the child has finished, yielding so its output is read.
    for (let i = 0; mine.length < 60 || !out.includes('done'); i++) {
      mine.push(app.items.create(login(`app ${i}`)).id);
      await new Promise((r) => setTimeout(r, 2));
      if (i > 5_000) break;
    }
    expect(await done, err).toBe(0);
    const theirs = [...out.matchAll(/^ack (\d+) (\S+)$/gm)].map((m) => ({ i: Number(m[1]), id: m[2] as string }));
    expect(theirs).toHaveLength(60);
    const listed = new Set(app.items.list().map((s) => s.id));
    for (const id of mine) expect(listed.has(id)).toBe(true);
    for (const { i, id } of theirs) {
      expect(listed.has(id)).toBe(true);
      expect(app.items.withSecrets(id)).toMatchObject(expectedItem('cli', i));
    }
    expect(listed.size).toBe(mine.length + 60);
    app.close();
    const again = openVault(app.file);
    expect((await again.unlock(PASSWORD)).damagedItemIds).toEqual([]);
    expect(again.items.list()).toHaveLength(mine.length + 60);
    expect(again.history.firstBrokenLink()).toBeNull();
  });
});
