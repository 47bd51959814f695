// End-to-end: `keystash attach` and `keystash attachment list|get|rm|restore` of the real
// binary against a real vault file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault } from './cli-harness';

beforeAll(() => {
  buildCli();
});

interface Listed {
  id: string;
  name: string;
  size: number;
  mime: string;
  createdAt: string;
  deletedAt: string | null;
}

describe('keystash attach / attachment', () => {
  it('attaches, lists, gets (mode 0600, byte for byte), trashes, restores and purges', async () => {
    const { dir, cli } = await newVault();
    await cli.ok(['add', 'login', '--title', 'Router', '--username', 'admin']);
    const content = randomBytes(1024 * 1024 + 333);
    const src = path.join(dir, 'backup.cfg');
    fs.writeFileSync(src, content);
    const added = await cli.run(['attach', 'Router', src]);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/Attached “backup.cfg” \(1\.0 MB\) to “Router”/);

    const listed = await cli.json<Listed[]>(['attachment', 'list', 'Router']);
    expect(listed).toEqual([expect.objectContaining({ name: 'backup.cfg', size: content.length, mime: 'application/octet-stream', deletedAt: null })]);
    const table = await cli.ok(['attachment', 'list', 'Router']);
    expect(table).toMatch(/NAME\s+SIZE\s+TYPE\s+ADDED\nbackup\.cfg\s+1\.0 MB/);

    const out = path.join(dir, 'out', 'restored.cfg');
    fs.mkdirSync(path.dirname(out));
    expect((await cli.run(['attachment', 'get', 'Router', 'backup.cfg', '-o', out])).code).toBe(0);
    expect(fs.readFileSync(out).equals(content)).toBe(true);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    // An existing file is kept unless --force.
    const again = await cli.run(['attachment', 'get', 'Router', 'backup.cfg', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const history = await cli.json<{ events: { kind: string; field: string | null }[] }>(['history']);
    expect(history.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['attach', 'attachment-save']));

    expect((await cli.run(['attachment', 'rm', 'Router', 'backup.cfg'])).code).toBe(0);
    expect(await cli.json<Listed[]>(['attachment', 'list', 'Router'])).toEqual([]);
    expect((await cli.json<Listed[]>(['attachment', 'list', 'Router', '--trash']))[0]?.deletedAt).not.toBeNull();
    expect((await cli.run(['attachment', 'restore', 'Router', 'backup.cfg'])).code).toBe(0);
    expect((await cli.json<Listed[]>(['attachment', 'list', 'Router'])).map((l) => l.name)).toEqual(['backup.cfg']);
    expect((await cli.run(['attachment', 'rm', 'Router', 'backup.cfg', '--purge'])).code).toBe(0);
    expect(await cli.json<Listed[]>(['attachment', 'list', 'Router', '--trash'])).toEqual([]);
  });

  it('get without -o writes the content to stdout', async () => {
    const { dir, cli } = await newVault();
    await cli.ok(['add', 'login', '--title', 'Notes holder', '--username', 'u']);
    const src = path.join(dir, 'hello.txt');
    fs.writeFileSync(src, 'hello attachment\nsecond line\n');
    await cli.ok(['attach', 'Notes holder', src, '--name', 'greeting.txt']);
    expect(await cli.ok(['attachment', 'get', 'Notes holder', 'greeting.txt'])).toBe('hello attachment\nsecond line\n');
  });

  it('a missing file, an unknown attachment and a stray option are clear errors that change nothing', async () => {
    const { dir, cli } = await newVault();
    await cli.ok(['add', 'login', '--title', 'Empty', '--username', 'u']);
    const missing = await cli.run(['attach', 'Empty', path.join(dir, 'nope.bin')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/No file at/);
    const unknown = await cli.run(['attachment', 'get', 'Empty', 'nope.bin']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/no attachment named “nope.bin”/);
    const stray = await cli.run(['attachment', 'rm', 'Empty', 'x', '--json']);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toMatch(/--json does not apply/);
    expect(await cli.json<Listed[]>(['attachment', 'list', 'Empty'])).toEqual([]);
  });
});
