// `keystash history` filters and `--verify`: the real binary against a real vault, tampered
// with through a raw SQLite connection.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault, type VaultCli } from './cli-harness';

interface Events {
  events: { seq: number; kind: string; source: string; title: string | null }[];
}

beforeAll(() => buildCli());

async function vaultWithUse(): Promise<VaultCli> {
  const { cli } = await newVault();
  await cli.ok(['add', 'login', '--title', 'GitHub', '--username', 'alice', '--secret-stdin'], ['pw-1']);
  await cli.ok(['add', 'note', '--title', 'Memo', '--notes', 'hello']);
  await cli.ok(['show', 'GitHub', '--reveal']);
  return cli;
}

function raw(cli: VaultCli, sql: string): void {
  const db = new Database(cli.file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('keystash history filters', () => {
  it('--kind and --since narrow the list; every event from the CLI says so', async () => {
    const cli = await vaultWithUse();
    const all = await cli.json<Events>(['history']);
    expect(all.events.every((e) => e.source === 'cli')).toBe(true);
    const creates = await cli.json<Events>(['history', '--kind', 'create']);
    expect(creates.events.map((e) => e.title)).toEqual(['Memo', 'GitHub']);
    const uses = await cli.json<Events>(['history', '--kind', 'reveal,create', '--kind', 'copy']);
    expect(uses.events.map((e) => e.kind).sort()).toEqual(['create', 'create', 'reveal']);
    expect((await cli.json<Events>(['history', 'GitHub', '--kind', 'reveal'])).events).toHaveLength(1);
    expect((await cli.json<Events>(['history', '--since', '2999-01-01'])).events).toEqual([]);
    const recent = await cli.json<Events>(['history', '--since', '1h', '--kind', 'create']);
    expect(recent.events.map((e) => e.title)).toEqual(['Memo', 'GitHub']);
  });

  it('refuses an unknown kind or an unreadable date with a usage error', async () => {
    const cli = await vaultWithUse();
    const bad = await cli.run(['history', '--kind', 'peek']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown event kind “peek”/);
    const date = await cli.run(['history', '--since', '2026-02-30']);
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/not a real date/);
    expect((await cli.run(['history', '--since', 'yesterday'])).stderr).toMatch(/--since takes a date like/);
  });
});

describe('keystash history --verify', () => {
  it('says the history is intact and exits 0', async () => {
    const cli = await vaultWithUse();
    const r = await cli.run(['history', '--verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^History is intact: \d+ events checked \(events #1–#\d+\)/);
  });

  it('exits 3 and says which event was edited', async () => {
    const cli = await vaultWithUse();
    raw(cli, "UPDATE events SET kind = 'lock' WHERE seq = 3");
    const r = await cli.run(['history', '--verify']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/History was tampered with/);
    expect(r.stdout).toMatch(/Event #3 .* was changed after it was recorded/);
    const json = JSON.parse((await cli.run(['history', '--verify', '--json'])).stdout) as { ok: boolean; problems: { kind: string; seq: number }[] };
    expect(json.ok).toBe(false);
    expect(json.problems[0]).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('exits 3 for deleted events and for a cut-off tail', async () => {
    const cli = await vaultWithUse();
    raw(cli, 'DELETE FROM events WHERE seq = 2');
    const mid = await cli.run(['history', '--verify']);
    expect(mid.code).toBe(3);
    expect(mid.stdout).toMatch(/1 event \(#2\) was deleted from the history/);

    const other = await vaultWithUse();
    raw(other, 'DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)');
    const tail = await other.run(['history', '--verify']);
    expect(tail.code).toBe(3);
    // This run's unlock found the cut-off tail and recorded it; its own events now follow the gap.
    expect(tail.stdout).toMatch(/1 event \(#\d+\) was deleted from the history/);
    const unlocks = JSON.parse((await other.run(['history', '--kind', 'unlock', '--json'])).stdout) as { events: { note: string | null }[] };
    expect(unlocks.events.some((e) => /History check failed: The newest 1 event \(#\d+\) was deleted/.test(e.note ?? ''))).toBe(true);
  });
});
