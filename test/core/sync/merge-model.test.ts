// Model-based property test: two and three real vaults share one real folder. Random
// interleavings of create, edit, trash, restore and purge on each, with syncs at random points;
// once every device has synced, all hold the same items, and each item is what a plain model of
// the merge rules says: per field, the value of the latest pushed change; a purge anywhere is final.
// Usage events recorded at random points reach every other device exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import { contents, firstDevice, joinedDevice, sharedFolder, type Device } from './sync-kit';

const FIELDS = ['title', 'username', 'notes', 'deleted'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

interface ModelItem {
  values: Values;
  shadow: Values | null;
  stamps: Record<Field, number>;
}

interface ModelBatch {
  items: { id: string; values: Values; stamps: Record<Field, number> }[];
  purged: string[];
}

/** One device as the merge rules describe it. */
class ModelDevice {
  items = new Map<string, ModelItem>();
  tombstones = new Set<string>();
  unpushedPurges = new Set<string>();
  log: ModelBatch[] = [];
  seen: number[] = [];
}

class Model {
  clock = 0;
  constructor(readonly devices: ModelDevice[]) {
    for (const d of devices) d.seen = devices.map(() => 0);
  }

  sync(i: number): void {
    const d = this.devices[i];
    if (!d) return;
    const batch: ModelBatch = { items: [], purged: [...d.unpushedPurges] };
    d.unpushedPurges.clear();
    for (const [id, it] of d.items) {
      const changed = FIELDS.filter((f) => !it.shadow || it.shadow[f] !== it.values[f]);
      if (changed.length === 0) continue;
      const stamp = ++this.clock;
      for (const f of changed) it.stamps[f] = stamp;
      it.shadow = { ...it.values };
      batch.items.push({ id, values: { ...it.values }, stamps: { ...it.stamps } });
    }
    if (batch.items.length + batch.purged.length > 0) d.log.push(batch);
    this.devices.forEach((other, j) => {
      if (j === i) return;
      for (const b of other.log.slice(d.seen[j])) this.apply(d, b);
      d.seen[j] = other.log.length;
    });
  }

  private apply(d: ModelDevice, b: ModelBatch): void {
    for (const r of b.items) {
      if (d.tombstones.has(r.id)) continue;
      const local = d.items.get(r.id);
      if (!local) {
        d.items.set(r.id, { values: { ...r.values }, shadow: { ...r.values }, stamps: { ...r.stamps } });
        continue;
      }
      for (const f of FIELDS) {
        if (r.stamps[f] > local.stamps[f]) {
          local.values[f] = r.values[f];
          local.stamps[f] = r.stamps[f];
        }
      }
      local.shadow = { ...local.values };
    }
    for (const id of b.purged) {
      d.items.delete(id);
      d.tombstones.add(id);
    }
  }
}

type Op =
  | { kind: 'create'; dev: number; title: string }
  | { kind: 'edit'; dev: number; pick: number; field: 'title' | 'username' | 'notes'; value: string }
  | { kind: 'trash' | 'restore' | 'purge' | 'sync'; dev: number; pick: number }
  | { kind: 'use'; dev: number };

const word = fc.stringMatching(/^[a-z]{1,6}$/);
const opArb = (devices: number): fc.Arbitrary<Op> => {
  const dev = fc.nat(devices - 1);
  // Few items and many edits and syncs, so the same field often changes on two devices between syncs.
  const pick = fc.nat(3);
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), dev, title: word }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), dev, pick, field: fc.constantFrom('title' as const, 'username' as const, 'notes' as const), value: word }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), dev, pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const), dev, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('use' as const), dev }) },
  );
};

function valuesOf(vault: Vault, id: string): Values {
  const i = vault.items.withSecrets(id);
  return { title: i.title, username: i.username, notes: i.notes, deleted: i.deletedAt === null ? '' : 'yes' };
}

async function runScenario(deviceCount: number, ops: Op[]): Promise<void> {
  let t = 1_700_000_000_000;
  const now = (): number => ++t;
  const folder = sharedFolder();
  const real: Device[] = [await firstDevice(folder, 'device 0', { now })];
  for (let i = 1; i < deviceCount; i++) real.push(await joinedDevice(folder, `device ${i}`, { now }));
  const model = new Model(real.map(() => new ModelDevice()));
  /** The notes of the usage events each device recorded itself. */
  const used: string[][] = real.map(() => []);
  // Every device has synced once before the ops: all know each other, nothing to merge yet.
  for (let i = 0; i < deviceCount; i++) await real[i]?.sync();

  for (const op of ops) {
    const d = real[op.dev];
    const m = model.devices[op.dev];
    if (!d || !m) continue;
    const ids = [...m.items.keys()].sort();
    const id = 'pick' in op ? ids[op.pick % Math.max(1, ids.length)] : undefined;
    const it = id ? m.items.get(id) : undefined;
    switch (op.kind) {
      case 'create': {
        const created = d.vault.items.create({ type: 'login', title: op.title });
        m.items.set(created.id, { values: { title: op.title, username: '', notes: '', deleted: '' }, shadow: null, stamps: { title: 0, username: 0, notes: 0, deleted: 0 } });
        break;
      }
      case 'edit':
        if (!id || !it) break;
        d.vault.items.update(id, { [op.field]: op.value });
        it.values[op.field] = op.value;
        break;
      case 'trash':
      case 'restore':
        if (!id || !it || (it.values.deleted === 'yes') === (op.kind === 'trash')) break;
        if (op.kind === 'trash') d.vault.items.trash(id);
        else d.vault.items.restore(id);
        it.values.deleted = op.kind === 'trash' ? 'yes' : '';
        break;
      case 'purge':
        if (!id) break;
        d.vault.items.purge(id);
        m.items.delete(id);
        m.tombstones.add(id);
        m.unpushedPurges.add(id);
        break;
      case 'use': {
        const note = `use ${op.dev}.${used[op.dev]?.length ?? 0}`;
        d.vault.history.record({ kind: 'copy', itemId: null, detail: { field: 'password', note } });
        used[op.dev]?.push(note);
        break;
      }
      case 'sync': {
        const r = await d.sync();
        expect(r.quarantined).toEqual([]);
        model.sync(op.dev);
        break;
      }
    }
  }
  // Everyone syncs, twice round, so every change has reached every device.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < deviceCount; i++) {
      await real[i]?.sync();
      model.sync(i);
    }
  }
  const first = real[0];
  if (!first) return;
  for (let i = 0; i < deviceCount; i++) {
    const d = real[i];
    const m = model.devices[i];
    if (!d || !m) continue;
    const got = Object.fromEntries(Object.keys(contents(d.vault)).map((id) => [id, valuesOf(d.vault, id)]));
    const want = Object.fromEntries([...m.items].map(([id, it]) => [id, it.values]));
    expect(got).toEqual(want);
    expect(contents(d.vault)).toEqual(contents(first.vault));
    // Every other device's usage events, each exactly once, named by the device they happened on.
    const arrived = d.vault.history
      .query({ limit: 100_000 })
      .filter((e) => e.detail.device !== undefined && e.kind === 'copy')
      .map((e) => `${e.detail.device}: ${e.detail.note ?? ''}`)
      .sort();
    const sent = used.flatMap((notes, j) => (j === i ? [] : notes.map((n) => `device ${j}: ${n}`))).sort();
    expect(arrived).toEqual(sent);
  }
}

describe('merge model', () => {
  it('two devices converge on what the merge rules say', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb(2), { minLength: 10, maxLength: 40 }), (ops) => runScenario(2, ops)),
      { numRuns: 20, endOnFailure: true },
    );
  }, 600_000);

  it('three devices converge on what the merge rules say', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb(3), { minLength: 10, maxLength: 40 }), (ops) => runScenario(3, ops)),
      { numRuns: 10, endOnFailure: true },
    );
  }, 600_000);
});
