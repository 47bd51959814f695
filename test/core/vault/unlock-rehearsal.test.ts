// The unlock rehearsal (core/vault/unlock-rehearsal.ts) runs a throwaway vault of made-up items
// through create, unlock and search while the lock screen waits. It must leave nothing behind,
// stop when a real unlock comes, never throw, and never touch the person's vault.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { itemInputSchema } from '../../../shared/domain';
import { madeUpItem } from '../../../electron/core/vault/made-up-items';
import { UnlockRehearsal } from '../../../electron/core/vault/unlock-rehearsal';
import { login, newVault, openVault, PASSWORD, tempDir, tempVaultPath } from '../fixtures/vault-helpers';

const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The rehearsal's private folder in `dir`, once it has made its vault file. */
async function rehearsalFolder(dir: string): Promise<string> {
  let folder = '';
  await vi.waitFor(() => {
    const [name] = fs.readdirSync(dir);
    expect(name).toMatch(/^keystash-rehearsal-/);
    folder = path.join(dir, name ?? '');
    expect(fs.existsSync(path.join(folder, 'rehearsal.keystash'))).toBe(true);
  }, { timeout: 10_000, interval: 5 });
  return folder;
}

describe('unlock rehearsal', () => {
  it('creates, unlocks and searches a private throwaway vault, then deletes it', async () => {
    const dir = tempDir();
    const rehearsal = UnlockRehearsal.start({ items: 300, tmpDir: dir });
    const folder = await rehearsalFolder(dir);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(folder, 'rehearsal.keystash')).mode & 0o777).toBe(0o600);

    expect(await rehearsal.finished).toEqual({ state: 'completed' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stops before its next step when asked, and still deletes its vault', async () => {
    const dir = tempDir();
    const rehearsal = UnlockRehearsal.start({ items: 5_000, tmpDir: dir });
    await rehearsalFolder(dir);

    expect(await rehearsal.stop()).toEqual({ state: 'stopped' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports a failure instead of throwing', async () => {
    const missing = path.join(tempDir(), 'no-such-folder');
    const outcome = await UnlockRehearsal.start({ items: 10, tmpDir: missing }).finished;
    expect(outcome.state).toBe('failed');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('leaves the person’s locked vault and its last-seen file untouched', async () => {
    const file = tempVaultPath();
    const lastSeenFile = path.join(tempDir(), 'last-seen.json');
    const created = await newVault({ file, lastSeenFile });
    created.items.createMany([login('GitHub'), login('Bank')], 'test');
    created.close();
    const vault = openVault(file, { lastSeenFile });
    const before = { vault: sha256(file), lastSeen: sha256(lastSeenFile) };

    expect(await UnlockRehearsal.start({ items: 300, tmpDir: tempDir() }).finished).toEqual({ state: 'completed' });

    expect({ vault: sha256(file), lastSeen: sha256(lastSeenFile) }).toEqual(before);
    expect(vault.isUnlocked).toBe(false);
    await vault.unlock(PASSWORD);
    expect(vault.items.list().map((i) => i.title)).toEqual(['Bank', 'GitHub']);
    vault.close();
  });
});

describe('made-up items', () => {
  it('are valid items of every type, some with text beyond Latin-1', () => {
    const items = Array.from({ length: 100 }, (_, i) => itemInputSchema.parse(madeUpItem(i)));
    const types = items.map((i) => i.type);
    expect(types.filter((t) => t === 'login')).toHaveLength(70);
    expect(types.filter((t) => t === 'api_key')).toHaveLength(20);
    expect(types.filter((t) => t === 'note')).toHaveLength(10);
    // V8 keeps such text in two-byte strings, which take other paths through the same code.
    expect(items.some((i) => [...JSON.stringify(i)].some((c) => (c.codePointAt(0) ?? 0) > 0xff))).toBe(true);
    // Every web address has a host a browser would accept, names in other scripts included.
    for (const url of items.flatMap((i) => ('urls' in i ? (i.urls ?? []) : []))) expect(new URL(url).hostname).toMatch(/^[a-z0-9]+(\.[a-z0-9]+)+$/);
  });
});
