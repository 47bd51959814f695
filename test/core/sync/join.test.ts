// Joining a target: the new vault appears only when complete, progress counts the target's
// batches, and a vault already at the path is never replaced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSync } from '../../../electron/core/sync/engine';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import { caught, FAST_KDF, login, PASSWORD, tempDir, track } from '../fixtures/vault-helpers';
import { firstDevice, sharedFolder } from './sync-kit';

describe('join', () => {
  it('reports progress over every batch on the target and leaves only the finished vault file', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    for (let i = 0; i < 4; i++) {
      a.vault.items.create(login(`Site ${i}`));
      await a.sync();
    }
    const seen: { done: number; total: number }[] = [];
    const dir = tempDir();
    const file = path.join(dir, 'joined.keystash');
    const { vault, report } = await joinSync(file, PASSWORD, { kind: 'folder', path: folder }, FolderTransport.open(folder), {
      kdf: FAST_KDF,
      deviceName: 'desktop',
      onProgress: (p) => seen.push(p),
    });
    track(vault);
    expect(report.pulled).toBe(4);
    const total = a.vault.sync.requireState().ownSeq;
    expect(seen[0]).toEqual({ done: 0, total });
    expect(seen.at(-1)).toEqual({ done: total, total });
    expect(vault.isUnlocked).toBe(true);
    expect(vault.items.list().map((i) => i.title).sort()).toEqual(['Site 0', 'Site 1', 'Site 2', 'Site 3']);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.joining-'))).toEqual([]);
  });

  it('never replaces a file already at the path', async () => {
    const folder = sharedFolder();
    await firstDevice(folder);
    const file = path.join(tempDir(), 'taken.keystash');
    fs.writeFileSync(file, 'something of the person’s');
    const err = await caught(() => joinSync(file, PASSWORD, { kind: 'folder', path: folder }, FolderTransport.open(folder), { kdf: FAST_KDF }));
    expect(err.code).toBe('exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('something of the person’s');
  });
});
