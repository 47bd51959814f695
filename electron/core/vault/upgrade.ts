// The one-time move of a format-1 vault (records without versions, no manifest) to format 2,
// run at its first unlock by this version, inside the unlock's transaction: every item, index
// bucket and meta record is re-sealed as version 1 with the versioned AAD, the buckets learn
// their items' versions and digests, and the manifest is written over all of it. A record that
// does not open is left as it was, so the unlock check reports it instead of blessing it.
import { ROW_DIGEST, ROW_ID, ROW_VERSION, toRow, type BucketRow } from '../items/index-bucket';
import { decodeBucket, encodeBucket } from '../items/bucket-codec';
import { rowChunkCipher } from '../items/row-chunk-cipher';
import { summarize } from '../items/model';
import { sealRecord, tryRecord } from '../items/records';
import type { Db } from './db';
import { digestOf, emptyManifest, Manifest, sealedDigest } from './manifest';
import type { SessionKeys } from './session-keys';

export function upgradeToVersioned(db: Db, keys: SessionKeys): void {
  const manifest = emptyManifest();
  const digests = new Map<string, string>();
  const setItem = db.prepare('UPDATE items SET version = 1, detail = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, detail FROM items WHERE version = 0').all() as { id: string; detail: Buffer }[]) {
    const record = tryRecord(keys, row.id, row.detail, undefined);
    if (!record) continue;
    const sealed = sealRecord(keys, record, 1);
    setItem.run(sealed, row.id);
    digests.set(row.id, digestOf(sealed));
  }
  const setBucket = db.prepare('UPDATE index_buckets SET version = 1, size = ?, blob = ?, rows = ? WHERE id = ?');
  for (const b of db.prepare('SELECT id, blob FROM index_buckets').all() as { id: number; blob: Buffer }[]) {
    const rows = keys.tryOpenWith('index', b.id, b.blob, decodeBucket) ?? rebuilt(db, keys, b.id);
    for (const r of rows) {
      const digest = digests.get(r[ROW_ID]);
      r[ROW_VERSION] = digest ? 1 : 0;
      r[ROW_DIGEST] = digest ?? '';
    }
    const encoded = encodeBucket(rows, rowChunkCipher(keys, b.id, 1));
    const blob = keys.sealBytes('index', b.id, encoded.plain, 1);
    setBucket.run(rows.length, blob, encoded.rows, b.id);
    manifest.buckets[b.id] = [1, sealedDigest(blob)];
  }
  const setMeta = db.prepare('UPDATE meta SET version = 1, blob = ? WHERE name = ?');
  for (const m of db.prepare('SELECT name, blob FROM meta').all() as { name: string; blob: Buffer }[]) {
    // Sealed records move to the versioned AAD; the chain records are HMAC'd bytes and stay as they are.
    const value = keys.tryOpen<unknown>('meta', m.name, m.blob);
    const blob = value === null ? m.blob : keys.seal('meta', m.name, value, 1);
    setMeta.run(blob, m.name);
    manifest.meta[m.name] = [1, digestOf(blob)];
  }
  new Manifest(db, keys).write(manifest);
}

/** A bucket that no longer opens, rebuilt from the (already upgraded) records of its items. */
function rebuilt(db: Db, keys: SessionKeys, bucket: number): BucketRow[] {
  const rows = db.prepare('SELECT id, version, detail FROM items WHERE bucket = ?').all(bucket) as { id: string; version: number; detail: Buffer }[];
  const out: BucketRow[] = [];
  for (const row of rows) {
    const record = row.version === 1 ? tryRecord(keys, row.id, row.detail, 1) : null;
    if (record) out.push(toRow(summarize(record.item)));
  }
  return out;
}
