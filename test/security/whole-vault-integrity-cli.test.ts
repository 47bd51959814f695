// Issue 11 §1 through the real `keystash` bundle: the same attacks on the vault file, made with
// SQLite between two commands, end in exit 3 (integrity) with the problem named on stderr,
// and never print the replayed secret; a rolled-back file is warned about on stderr.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault } from '../cli/cli-harness';
import { withRaw } from '../core/fixtures/vault-helpers';

beforeAll(() => buildCli(), 120_000);

type Row = Record<string, unknown>;
const INTEGRITY_EXIT = 3;

async function withLogin() {
  const { cli } = await newVault();
  const id = (await cli.ok(['add', 'login', '--title', 'GitHub', '--username', 'old-user', '--secret-stdin'], ['old-Pa55!'])).trim();
  return { cli, id };
}

describe('whole-vault integrity through the CLI (issue 11 §1)', () => {
  it('old row replayed: show --reveal exits 3 naming an older version, and prints neither password', async () => {
    const { cli, id } = await withLogin();
    const saved = withRaw(cli.file, (db) => db.prepare('SELECT * FROM items WHERE id = ?').get(id) as Row);
    await cli.ok(['edit', 'GitHub', '--username', 'new-user', '--secret-stdin'], ['new-Pa55!']);
    withRaw(cli.file, (db) => db.prepare('UPDATE items SET detail = @detail, updated_at = @updated_at, version = @version WHERE id = @id').run(saved));

    const r = await cli.run(['show', id, '--reveal']);
    expect(r.code).toBe(INTEGRITY_EXIT);
    expect(r.stderr).toMatch(/older version/);
    expect(r.stdout).not.toContain('old-Pa55!');
    expect(r.stdout).not.toContain('new-Pa55!');
  });

  it('row deleted: list still runs but exits 3, naming the missing item', async () => {
    const { cli, id } = await withLogin();
    await cli.ok(['add', 'note', '--title', 'Kept']);
    withRaw(cli.file, (db) => db.prepare('DELETE FROM items WHERE id = ?').run(id));
    const r = await cli.run(['list']);
    expect(r.code).toBe(INTEGRITY_EXIT);
    expect(r.stdout).toContain('Kept');
    expect(r.stderr).toMatch(/“GitHub”.*is missing/);
  });

  it('purged row put back: exits 3 naming an unknown record; the item does not come back', async () => {
    const { cli, id } = await withLogin();
    const saved = withRaw(cli.file, (db) => db.prepare('SELECT * FROM items WHERE id = ?').get(id) as Row);
    await cli.ok(['rm', id, '--purge']);
    withRaw(cli.file, (db) => {
      const cols = Object.keys(saved);
      db.prepare(`INSERT INTO items (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(saved);
    });
    const r = await cli.run(['show', id, '--reveal']);
    expect(r.code).toBe(INTEGRITY_EXIT);
    expect(r.stderr).toMatch(/unknown record/);
    expect(r.stdout).not.toContain('old-Pa55!');
  });

  it('whole-file rollback: the next command warns on stderr that the file is older than this machine last saw', async () => {
    const { cli } = await withLogin();
    fs.copyFileSync(cli.file, `${cli.file}.bak`);
    await cli.ok(['edit', 'GitHub', '--secret-stdin'], ['newer-Pa55!']);
    fs.copyFileSync(`${cli.file}.bak`, cli.file);
    const r = await cli.run(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/older than the one this computer last saw/);
  });
});
