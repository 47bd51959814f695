// Usage events travel with the batches: each device's activity shows every machine's events,
// named by the device they happened on, each exactly once however often batches are re-read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultEvent } from '../../../shared/domain';
import { login } from '../fixtures/vault-helpers';
import { firstDevice, joinedDevice, sharedFolder } from './sync-kit';

/** Events that came from another device: "kind title on device", oldest first. */
function fromOthers(events: VaultEvent[]): string[] {
  return events
    .filter((e) => e.detail.device !== undefined)
    .reverse()
    .map((e) => `${e.kind} ${e.detail.title ?? e.detail.note ?? ''} ${e.source} on ${e.detail.device}`.trim());
}

describe('usage events sync', () => {
  it('reach the other devices once each, named by their device, and never echo back', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const gh = a.vault.items.create(login('GitHub'));
    a.vault.history.record({ kind: 'copy', itemId: gh.id, detail: { title: 'GitHub', field: 'password' } });
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    const c = await joinedDevice(folder, 'server');

    // Events recorded before joining the target, and those that record pulling, stay home.
    b.vault.history.record({ kind: 'reveal', itemId: gh.id, detail: { title: 'GitHub', field: 'password' } });
    c.vault.history.record({ kind: 'cli-use', itemId: gh.id, detail: { title: 'GitHub', field: 'password' } });
    for (let round = 0; round < 3; round++) for (const d of [a, b, c]) await d.sync();

    expect(fromOthers(a.vault.history.query())).toEqual(expect.arrayContaining(['reveal GitHub app on desktop', 'cli-use GitHub app on server']));
    expect(fromOthers(b.vault.history.query())).toEqual(expect.arrayContaining(['copy GitHub app on laptop', 'cli-use GitHub app on server']));
    expect(fromOthers(c.vault.history.query())).toEqual(expect.arrayContaining(['copy GitHub app on laptop', 'reveal GitHub app on desktop']));
    for (const d of [a, b, c]) {
      const others = fromOthers(d.vault.history.query());
      // Each event once: no duplicates after three rounds, and nothing of its own came back.
      expect(new Set(others).size).toBe(others.length);
      expect(others.some((s) => s.endsWith(`on ${d.vault.sync.requireState().deviceName}`))).toBe(false);
      expect(others.some((s) => s.includes('synced from'))).toBe(false);
      // The log stays one intact, tamper-evident chain.
      expect(d.vault.history.firstBrokenLink()).toBeNull();
    }
    // The events arrive with their own times, not the time they were pulled.
    const copied = a.vault.history.query().find((e) => e.kind === 'copy')!;
    expect(b.vault.history.query().find((e) => e.kind === 'copy' && e.detail.device === 'laptop')?.at).toBe(copied.at);
  });

  it('a batch applied again (what was seen of its device forgotten) never applies its events twice', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const item = a.vault.items.create(login('Bank'));
    for (let i = 0; i < 3; i++) a.vault.history.record({ kind: 'copy', itemId: item.id, detail: { title: 'Bank', field: 'password' } });
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    const count = (): number => b.vault.history.query().filter((e) => e.kind === 'copy' && e.detail.device === 'laptop').length;
    expect(count()).toBe(3);
    // Forget what was seen of the device's log, keep what was seen of its events: the batch is applied again, its events are not.
    b.vault.sync.update((s) => {
      const laptop = Object.keys(s.peers)[0]!;
      s.peers[laptop] = { ...s.peers[laptop]!, seq: 0, digest: '' };
    });
    await b.sync();
    expect(count()).toBe(3);
  });

  it('events of an item purged here still arrive and keep its title; the item stays purged', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const item = a.vault.items.create(login('Old router'));
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    b.vault.history.record({ kind: 'copy', itemId: item.id, detail: { title: 'Old router', field: 'password' } });
    a.vault.items.trash(item.id);
    a.vault.items.purge(item.id);
    await a.sync();
    await b.sync();
    await a.sync();
    const ev = a.vault.activity.page({ itemId: item.id }).find((e) => e.kind === 'copy');
    expect(ev).toMatchObject({ source: 'app', itemId: item.id, detail: { title: 'Old router', device: 'desktop' } });
    expect(b.vault.items.list({ limit: 100 }).concat(b.vault.items.list({ trash: true, limit: 100 }))).toEqual([]);
    expect(a.vault.items.list({ trash: true, limit: 100 })).toEqual([]);
  });

  it('no event detail is readable on the target', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const item = a.vault.items.create(login('Plain'));
    a.vault.history.record({ kind: 'copy', itemId: item.id, detail: { title: 'canary-title-7f3a', field: 'password', note: 'canary-note-91c2' } });
    await a.sync();
    const files = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(f.parentPath, f.name));
      expect(bytes.includes('canary-title-7f3a')).toBe(false);
      expect(bytes.includes('canary-note-91c2')).toBe(false);
    }
  });
});
