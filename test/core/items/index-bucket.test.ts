// Index buckets are decoded at every unlock. Their encoding must carry any text a person can
// type unchanged, keep the search text of visible fields only, and still read vaults written
// in the earlier encodings. Versions 3 to 5 keep a bucket's rows in id order; version 4 keeps
// the row texts compressed apart from the columns, inflated when an item is first listed;
// version 5 seals them in chunks beside the bucket, each opened when one of its items is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/domain';
import { fromRow, ROW_HAYSTACK, toRow, type BucketRow } from '../../../electron/core/items/index-bucket';
import { decodeBucket, decodeForLoad, encodeBucket } from '../../../electron/core/items/bucket-codec';
import { BucketColumns, type DetachedRows } from '../../../electron/core/items/bucket-columns';
import type { RowChunkCipher } from '../../../electron/core/items/bucket-streams';
import { CHUNK_ROWS, type EncodedBucket } from '../../../electron/core/items/column-encoder';
import { open, seal } from '../../../electron/core/crypto/cipher';
import { randomBytes } from 'node:crypto';
import { listedOf, summarize, unpackSummary, type PackedSummary, type StoredSummary } from '../../../electron/core/items/model';
import { haystackFor, normalize } from '../../../electron/core/search/search-text';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const base: Item = {
  id: 'i-2', type: 'note', title: 'Memo', username: '', password: '', urls: [], totp: '', notes: '', tags: [], folder: '', favorite: false,
  fields: [], service: '', keyId: '', secret: '', environment: '', expiresAt: null, rotationDays: null, createdAt: 5, updatedAt: 6, deletedAt: null,
};
const full: Item = {
  ...base, id: 'i-1', type: 'api_key', title: 'Crédit Stripe', password: 'Pw-canary-1', urls: ['https://stripe.com'], totp: 'JBSWY3DPEHPK3PXP', notes: 'n',
  tags: ['work'], folder: 'F', favorite: true, fields: [{ name: 'a', value: 'b', concealed: false }, { name: 'pin', value: 'Pin-canary-3', concealed: true }],
  service: 'Stripe', keyId: 'pk', secret: 'Sk-canary-2', environment: 'prod', expiresAt: '2030-01-01', rotationDays: 30, createdAt: 1, updatedAt: 2, deletedAt: 3,
};
const key = new Uint8Array(randomBytes(32));
/** Seals row chunks as the vault does, under a key and an AAD naming the bucket and chunk; counts the chunks opened. */
function cipherFor(bucket: number): RowChunkCipher & { opened: number[] } {
  const aad = (chunk: number) => new TextEncoder().encode(`test|${bucket}/${chunk}`);
  const opened: number[] = [];
  return {
    opened,
    seal: (chunk, plain) => seal(key, aad(chunk), plain),
    open: (chunk, sealed, use) => {
      opened.push(chunk);
      const plain = open(key, aad(chunk), sealed);
      return plain ? use(plain) : null;
    },
  };
}
const encode = (rows: BucketRow[], bucket = 1): EncodedBucket => encodeBucket(rows, cipherFor(bucket));
const detachedOf = (e: EncodedBucket, bucket = 1): DetachedRows => ({ sealed: e.rows, cipher: cipherFor(bucket) });
const decodeV5 = (e: EncodedBucket) => decodeBucket(e.plain, detachedOf(e));
const loadV5 = (e: EncodedBucket) => decodeForLoad(e.plain, detachedOf(e));
const note = (title: string, notes = '', id = `id-${title.length}`): StoredSummary => summarize({ ...base, id, title, notes });
/** A row back as the list holds it; compared with listedOf() of what went in. */
const roundTrip = (list: StoredSummary[]) => decodeV5(encode(list.map((s) => toRow(s))))?.map((r) => fromRow(r, null));
const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const listed = (list: StoredSummary[]) => byId(list.map((s) => listedOf(s, null)));
/** A version 2 bucket as vaults before version 3 wrote it: JSON in Latin-1, characters above U+00FF escaped. */
const version2 = (rows: BucketRow[]) =>
  Buffer.from(JSON.stringify({ v: 2, rows }).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1');

/** The same bucket as version 4 wrote it: the columns' line and the row texts, each one stream. */
function asVersion4(e: EncodedBucket): Buffer {
  const packed = e.plain.readUInt32BE(5);
  const columns = JSON.parse(inflateRawSync(e.plain.subarray(9, 9 + packed)).toString('latin1')) as Record<string, unknown>;
  const lengths = columns.chunkLen as number[];
  delete columns.chunkRows;
  delete columns.chunkLen;
  delete columns.rowsDig;
  delete columns.idsDig;
  columns.ids = (decodeV5(e) ?? []).map((r) => r[0]);
  const cipher = cipherFor(1);
  let at = 0;
  const texts = lengths.map((length, c) => {
    const text = cipher.open(c, e.rows.subarray(at, at + length), (plain) => inflateRawSync(plain).toString('latin1'));
    at += length;
    return text;
  });
  return Buffer.concat([Buffer.of(0x04), stream(JSON.stringify(columns)), stream(texts.join(''))]);
}
/** A version 4 bucket's two streams (columns, rows), inflated. */
function streamsOf(v4: Buffer): [string, string] {
  const out: string[] = [];
  let at = 1;
  for (let i = 0; i < 2; i++) {
    const packed = v4.readUInt32BE(at + 4);
    out.push(inflateRawSync(v4.subarray(at + 8, at + 8 + packed)).toString('latin1'));
    at += 8 + packed;
  }
  return [out[0] ?? '', out[1] ?? ''];
}
/** One stream as version 4 wrote it (and version 5 its columns): inflated and compressed lengths, then the bytes. */
function stream(text: string, size = Buffer.byteLength(text, 'latin1'), packed = deflateRawSync(Buffer.from(text, 'latin1'))): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(packed.length, 4);
  return Buffer.concat([head, packed]);
}
/** The same bucket as version 3 wrote it: the columns' line, a newline and the rows, in one stream. */
function asVersion3(v4: Buffer): Buffer {
  const [line, rows] = streamsOf(v4);
  const text = Buffer.from(`${line}\n${rows}`, 'latin1');
  const head = Buffer.of(0x03, 0, 0, 0, 0);
  head.writeUInt32BE(text.length, 1);
  return Buffer.concat([head, deflateRawSync(text)]);
}

describe('index bucket encoding', () => {
  it('round-trips every field of a summary, each flag on its own', () => {
    const variants = [full, base, { ...full, favorite: false }, { ...base, password: 'x' }, { ...base, secret: 'x' }, { ...base, totp: 'x' }];
    const list = variants.map((item, i) => summarize({ ...item, id: `i-${i}` }));
    expect(roundTrip(list)).toEqual(listed(list));
  });

  it('gives every listed summary the same key order, last-used time from the item row', () => {
    const rows = decodeV5(encode([summarize(full), summarize(base)].map((s) => toRow(s)))) ?? [];
    const [a, b] = rows.map((r, i) => fromRow(r, i === 0 ? 42 : null));
    expect(Object.keys(a ?? {})).toEqual(Object.keys(b ?? {}));
    expect([a?.lastUsedAt, b?.lastUsedAt]).toEqual([42, null]);
  });

  it('carries the normalised search text of the visible fields, never of a secret', () => {
    const [row] = decodeV5(encode([toRow(summarize(full))])) ?? [];
    const text = row?.[ROW_HAYSTACK] ?? '';
    expect(text).toBe(haystackFor(summarize(full)));
    expect(text).toContain('credit stripe');
    for (const secret of ['canary', 'jbswy3dp']) expect(text).not.toContain(secret);
  });

  it('keeps a note\'s first line for the list and its full text only in the search text', () => {
    const text = `  Wi-Fi at the cabin  \nPassword on the router: ${'x'.repeat(300)} Zürich`;
    const [row] = decodeV5(encode([toRow(note('Cabin', text))])) ?? [];
    const item = row ? fromRow(row, null) : null;
    expect(item?.noteLine).toBe('Wi-Fi at the cabin');
    expect(item).not.toHaveProperty('notes');
    expect(row?.[ROW_HAYSTACK]).toContain('password on the router');
    expect(row?.[ROW_HAYSTACK]).toContain('zurich');
    const [login] = decodeV5(encode([toRow(summarize({ ...full, notes: 'first line' }))])) ?? [];
    expect(login ? fromRow(login, null).noteLine : null).toBe('');
  });

  it('round-trips text of any script: accents, emoji, quotes, control characters', () => {
    const list = [
      note('Crédit Agricole', 'Straße ÅNGSTRÖM ÿ'),
      note('日本語 Ελληνικά', 'emoji 🔑🧪 and a lone surrogate \ud800 kept'),
      note('quotes " \\ and \u0000\u0001\u007f\u2028 controls', 'line\r\nbreak\ttab'),
    ];
    const bytes = encode(list.map((s) => toRow(s)));
    expect(bytes.plain[0]).toBe(0x05);
    expect(roundTrip(list)).toEqual(listed(list));
  });

  it('round-trips arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 8 }), (texts) => {
        const list = texts.map((t, i) => note(t, t, `id-${i}`));
        expect(roundTrip(list)).toEqual(listed(list));
      }),
      { numRuns: 300 },
    );
  });

  it('gives unlock the same items by column as writes get by row', () => {
    const list = [full, base, { ...full, id: 'i-0', title: 'Zürich 10', deletedAt: null, tags: [], folder: 'F' }].map((item) => summarize(item));
    const rows = list.map((s, i) => toRow(s, i + 1, `digest-${i}`));
    const columns = loadV5(encode(rows));
    if (!(columns instanceof BucketColumns)) throw new Error('not read as columns');
    const texts = columns.rowTexts();
    const fromColumns = columns.ids.map((id, k) => ({
      id, title: columns.normTitle(k), hay: columns.haystack(k), type: columns.type(k), fav: columns.favorite(k), trash: columns.inTrash(k),
      folder: columns.folder(k), tags: columns.tags(k), created: columns.createdAt(k), updated: columns.updatedAt(k), version: columns.versions[k], item: texts.listedAt(k, 7),
    }));
    const expected = byId(list).map((s) => ({
      id: s.id, title: normalize(s.title),
      hay: haystackFor(s), type: s.type, fav: s.favorite, trash: s.deletedAt !== null, folder: s.folder, tags: s.tags, created: s.createdAt, updated: s.updatedAt,
      version: list.indexOf(s) + 1, item: listedOf(s, 7),
    }));
    expect(fromColumns).toEqual(expected);
    const joined = byId(list).map((s) => s.id).join(',');
    expect(columns.listsIds(joined)).toBe(true);
    expect(columns.listsIds(joined.slice(0, -1))).toBe(false);
    expect(decodeV5(encode(rows))).toEqual(byId(rows.map((r) => ({ id: r[0], r }))).map((x) => x.r));
  });

  it('still reads version 2 buckets (rows as JSON arrays in Latin-1)', () => {
    const list = [note('Crédit 日本', 'Straße'), summarize(full)];
    const rows = list.map((s) => toRow(s, 3, 'd'));
    expect(decodeBucket(version2(rows))).toEqual(rows);
    expect(decodeForLoad(version2(rows))).toEqual(rows);
  });

  it('still reads version 3 and 4 buckets (row texts inside the bucket) as version 5 reads them', () => {
    const rows = [full, base].map((item, i) => toRow(summarize(item), i + 1, `d${i}`));
    const v5 = encode(rows);
    const v4 = asVersion4(v5);
    const v3 = asVersion3(v4);
    expect([v3[0], v4[0]]).toEqual([0x03, 0x04]);
    expect(decodeBucket(v3)).toEqual(decodeV5(v5));
    expect(decodeBucket(v4)).toEqual(decodeV5(v5));
    const listedFrom = (c: unknown) => {
      if (!(c instanceof BucketColumns)) throw new Error('not read as columns');
      return [0, 1].map((k) => c.rowTexts().listedAt(k, 5));
    };
    expect(listedFrom(decodeForLoad(v3))).toEqual(listedFrom(loadV5(v5)));
    expect(listedFrom(decodeForLoad(v4))).toEqual(listedFrom(loadV5(v5)));
  });

  it('opens a version 4 bucket without inflating its rows, and inflates them once an item is listed', () => {
    const rows = [full, base].map((item, i) => toRow(summarize(item), i + 1, `d${i}`));
    const [line, texts] = streamsOf(asVersion4(encode(rows)));
    // Rows that are not deflate at all, with the right lengths: opening reads only the columns.
    const broken = Buffer.concat([Buffer.of(0x04), stream(line), stream(texts, texts.length, Buffer.from('not deflate'))]);
    const columns = decodeForLoad(broken);
    if (!(columns instanceof BucketColumns)) throw new Error('not read as columns');
    expect(columns.ids).toEqual(['i-1', 'i-2']);
    expect(() => columns.rowTexts().listedAt(0, null)).toThrow('row texts do not inflate');
  });

  it('seals a version 5 bucket\'s row texts in chunks beside it, and opens only the chunk of an item listed, once', () => {
    const fields = (i: number) => [{ name: 'Account', value: `acct-${i}`, concealed: false }];
    const list = Array.from({ length: 100 }, (_, i) => summarize({ ...full, id: `i-${String(i).padStart(3, '0')}`, title: `Item ${i}`, fields: fields(i) }));
    const e = encode(list.map((s) => toRow(s, 1, 'd')));
    // The bucket's own plaintext holds no row text (the fields are not searched, so only the row texts have them).
    expect(inflateRawSync(e.plain.subarray(9)).toString('latin1')).not.toContain('acct-');
    const cipher = cipherFor(1);
    const columns = decodeForLoad(e.plain, { sealed: e.rows, cipher });
    if (!(columns instanceof BucketColumns)) throw new Error('not read as columns');
    expect(cipher.opened).toEqual([]);
    const rows = columns.rowTexts();
    expect(rows.listedAt(70, null)).toEqual(listedOf(list[70] as StoredSummary, null));
    expect(rows.listedAt(64, 9)).toEqual(listedOf(list[64] as StoredSummary, 9));
    expect(cipher.opened).toEqual([Math.floor(70 / CHUNK_ROWS)]);
    // Every row, across the chunk boundaries and in the short last chunk.
    expect(list.map((_, k) => rows.listedAt(k, null))).toEqual(listed(list));
    expect(cipher.opened).toEqual([2, 0, 1, 3]);
  });

  it('says only a digest of its ids in version 5, and takes them from a listing that matches it', () => {
    const rows = Array.from({ length: 40 }, (_, i) => toRow(summarize({ ...base, id: `i-${String(i).padStart(2, '0')}` }), 1, 'd'));
    const e = encode(rows);
    const line = inflateRawSync(e.plain.subarray(9)).toString('latin1');
    expect(line).not.toContain('i-07');
    const load = (cipher = cipherFor(1)) => {
      const c = decodeForLoad(e.plain, { sealed: e.rows, cipher });
      if (!(c instanceof BucketColumns)) throw new Error('not read as columns');
      return { c, cipher };
    };
    const joined = rows.map((r) => r[0]).join(',');
    const { c, cipher } = load();
    for (const wrong of [joined.replace('i-07', 'i-7x'), joined.replace(',i-39', ''), `${joined},i-40`, joined.replace(',', ';'), '']) expect(c.listsIds(wrong), wrong).toBe(false);
    expect(c.listsIds(joined)).toBe(true);
    expect(c.ids).toEqual(rows.map((r) => r[0]));
    expect(cipher.opened).toEqual([]);
    // Without a matching listing the ids come from the row texts.
    const other = load();
    expect(other.c.ids).toEqual(rows.map((r) => r[0]));
    expect(other.cipher.opened).toEqual([0, 1]);
    // An id holding a comma would make the joined form ambiguous: the bucket keeps its ids, and no listing matches.
    const comma = encode([toRow(summarize({ ...base, id: 'a,b' }), 1, 'd'), toRow(summarize({ ...base, id: 'c' }), 1, 'd')]);
    const withComma = decodeForLoad(comma.plain, detachedOf(comma));
    if (!(withComma instanceof BucketColumns)) throw new Error('not read as columns');
    expect(withComma.ids).toEqual(['a,b', 'c']);
    expect(withComma.listsIds('a,b,c')).toBe(false);
  });

  it('refuses a version 5 bucket whose row chunks are not exactly the bytes its columns name', () => {
    const rows = Array.from({ length: 40 }, (_, i) => toRow(summarize({ ...full, id: `i-${String(i).padStart(2, '0')}` }), 1, 'd'));
    const e = encode(rows);
    const other = encode(rows);
    expect(decodeV5(e)).not.toBeNull();
    const flipped = Buffer.from(e.rows);
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    const withRows = (sealed: Uint8Array | null) => decodeForLoad(e.plain, { sealed, cipher: cipherFor(1) });
    expect(withRows(flipped)).toBeNull();
    expect(withRows(e.rows.subarray(0, e.rows.length - 1))).toBeNull();
    expect(withRows(Buffer.concat([e.rows, Buffer.of(0)]))).toBeNull();
    expect(withRows(null)).toBeNull();
    // The same rows sealed by another write: same lengths, other bytes.
    expect(other.rows.length).toBe(e.rows.length);
    expect(withRows(other.rows)).toBeNull();
    expect(decodeBucket(e.plain)).toBeNull();
  });

  it('does not open a version 5 row chunk under another bucket\'s AAD', () => {
    const e = encode([toRow(summarize(full), 1, 'd')], 1);
    const columns = decodeForLoad(e.plain, detachedOf(e, 2));
    if (!(columns instanceof BucketColumns)) throw new Error('not read as columns');
    expect(() => columns.rowTexts().listedAt(0, null)).toThrow('row chunk does not open');
  });

  it('refuses a version 4 bucket whose streams or columns do not add up', () => {
    const good = asVersion4(encode([toRow(summarize(full), 1, 'd')]));
    expect(decodeBucket(good)).not.toBeNull();
    const [line, rows] = streamsOf(good);
    const bucket = (...parts: Buffer[]) => decodeBucket(Buffer.concat([Buffer.of(0x04), ...parts]));
    expect(bucket(stream(line), stream(rows))).not.toBeNull();
    expect(decodeBucket(good.subarray(0, good.length - 3))).toBeNull();
    expect(decodeBucket(Buffer.concat([good, Buffer.of(0)]))).toBeNull();
    expect(bucket(stream(line))).toBeNull();
    expect(bucket(stream(line, line.length + 1), stream(rows))).toBeNull();
    expect(bucket(stream(line, line.length - 1), stream(rows))).toBeNull();
    // The rows' declared length must be what the columns' row lengths add up to.
    expect(bucket(stream(line), stream(rows, rows.length + 1))).toBeNull();
    expect(bucket(stream(line), stream(`${rows}x`))).toBeNull();
    expect(bucket(stream(line.replace('"v":3', '"v":2')), stream(rows))).toBeNull();
    expect(bucket(stream('not json'), stream(rows))).toBeNull();
  });

  it('says the order of its rows by title, natural numbers and ties included, as a hint for unlock', () => {
    const titles = ['beta', 'Server 10', 'alpha', 'Server 9', 'Álpha', 'Zeta'];
    const rows = titles.map((title, i) => toRow(summarize({ ...base, id: `i-${i}`, title }), 1, 'd'));
    const columns = loadV5(encode(rows));
    if (!(columns instanceof BucketColumns)) throw new Error('not read as columns');
    // Rows are kept in id order (i-0..i-5); ties ("alpha", "Álpha") keep that order.
    expect(columns.titleOrder?.map((k) => titles[k])).toEqual(['alpha', 'Álpha', 'beta', 'Server 9', 'Server 10', 'Zeta']);
    const [line, texts] = streamsOf(asVersion4(encode(rows)));
    const withOrder = (ord: unknown) => decodeBucket(Buffer.concat([Buffer.of(0x04), stream(line.replace(/"ord":\[[^\]]*\]/, `"ord":${JSON.stringify(ord)}`)), stream(texts)]));
    expect(withOrder([5, 4, 3, 2, 1, 0])).not.toBeNull();
    for (const bad of [[0, 1, 2, 3, 4], [0, 0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 6], [0, 1, 2, 3, 4, 5.5], 'x']) expect(withOrder(bad), JSON.stringify(bad)).toBeNull();
    expect(asVersion3(asVersion4(encode(rows)))[0]).toBe(0x03);
  });

  it('refuses a version 3 bucket whose compressed text or columns do not add up', () => {
    const good = asVersion3(asVersion4(encode([toRow(summarize(full), 1, 'd')])));
    expect(decodeBucket(good)).not.toBeNull();
    const cut = good.subarray(0, good.length - 3);
    expect(decodeBucket(cut)).toBeNull();
    expect(decodeBucket(Buffer.concat([Buffer.of(0x03, 0, 0, 0, 9), Buffer.from('not deflate')]))).toBeNull();
    const line = (o: object, rest = '', size?: number) => {
      const text = Buffer.from(`${JSON.stringify(o)}\n${rest}`, 'latin1');
      const head = Buffer.of(0x03, 0, 0, 0, 0);
      head.writeUInt32BE(size ?? text.length, 1);
      return Buffer.concat([head, deflateRawSync(text)]);
    };
    const columns = { v: 3, ids: ['a'], ver: [1], dig: 'd', nt: ['x'], hay: 'x', hayLen: [1], kind: [0], folders: [''], folder: [0], tagSets: [[]], tags: [0], created: [1], updated: [1], rowLen: [2] };
    expect(decodeBucket(line(columns, '[]'))).not.toBeNull();
    expect(decodeBucket(line({ ...columns, rowLen: [5] }, '[]'))).toBeNull();
    expect(decodeBucket(line({ ...columns, hayLen: [4] }, '[]'))).toBeNull();
    expect(decodeBucket(line({ ...columns, ids: ['a', 'b'] }, '[]'))).toBeNull();
    expect(decodeBucket(line({ ...columns, nt: 'x' }, '[]'))).toBeNull();
    expect(decodeBucket(line(columns, '[]', 99))).toBeNull();
    expect(decodeBucket(line(columns, '[]', 1))).toBeNull();
    expect(decodeBucket(line({ ...columns, ver: ['1'] }, '[]'))).toBeNull();
  });

  it('still reads buckets of packed summaries in UTF-8 (the earlier encoding), with their search text', () => {
    const packed: PackedSummary[] = [
      { id: 'a', type: 'login', title: 'Café 日本', username: 'zoë', urls: ['https://x.example'], createdAt: 1, updatedAt: 2, hasPassword: true },
      { id: 'b', type: 'note', title: 'Plain', createdAt: 3, updatedAt: 4 },
    ];
    const rows = decodeBucket(new TextEncoder().encode(JSON.stringify(packed))) ?? [];
    const back = rows.map((r) => fromRow(r, null));
    expect(back[0]).toMatchObject({ id: 'a', title: 'Café 日本', username: 'zoë', hasPassword: true, tags: [], deletedAt: null });
    expect(back[1]).toMatchObject({ id: 'b', type: 'note', urls: [], favorite: false });
    expect(rows[0]?.[ROW_HAYSTACK]).toBe(haystackFor(unpackSummary(packed[0] as PackedSummary)));
  });

  it('refuses bytes that are not a bucket instead of guessing', () => {
    for (const text of ['{"v":3,"rows":[]}', '{"v":2}', '{"v":2,"rows":[', '{"v":2,"rows":[["id"]]}']) {
      expect(decodeBucket(Buffer.from(text, 'latin1')), text).toBeNull();
    }
    expect(decodeBucket(new Uint8Array([0x5b, 0xff, 0x5d]))).toBeNull();
  });
});
