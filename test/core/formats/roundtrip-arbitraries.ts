// Arbitrary vault contents for the round-trip properties of the lossless formats: items of
// every type with any unicode text, custom fields, folders, tags, password history, the trash,
// and attachments. Each format's test narrows this to what the format can hold (see
// docs/import-export.md, "What each format cannot hold").
import fc from 'fast-check';
import type { ItemInput } from '../../../shared/domain';
import type { Vault } from '../../../electron/core/vault';

export interface TextRules {
  /** Characters the format cannot keep as they are (e.g. a lone CR in XML). */
  exclude?: RegExp;
}

export function arbitraries(rules: TextRules = {}) {
  const nasty = fc.constantFrom('=', '+', '-', '@', '"', ',', ';', '\n', '\t', "'", ' ', 'é', '日本', '🔑', '\u200b', '<', '&', ']]>');
  const raw = (maxLength: number) => fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength });
  const text = (maxLength: number) => (rules.exclude ? raw(maxLength).map((s) => s.replace(rules.exclude as RegExp, '')) : raw(maxLength));
  const nonBlank = (maxLength: number) => text(maxLength).filter((s) => s.trim() !== '');
  const word = (maxLength: number) => nonBlank(maxLength).map((s) => s.trim().replace(/[/,;:]/g, '_')).filter((s) => s !== '' && s.trim() === s);
  const common = {
    title: nonBlank(30),
    notes: text(60),
    tags: fc.uniqueArray(word(10), { maxLength: 3 }),
    folder: fc.array(word(8), { maxLength: 3 }).map((parts) => parts.join('/')),
    favorite: fc.boolean(),
    fields: fc.uniqueArray(fc.record({ name: word(12).map((n) => `f ${n}`), value: text(20), concealed: fc.boolean() }), { maxLength: 3, selector: (f) => f.name }),
  };
  const item: fc.Arbitrary<ItemInput> = fc.oneof(
    fc.record({
      type: fc.constant('login' as const),
      ...common,
      username: text(20),
      password: text(30),
      urls: fc.array(word(25), { maxLength: 3 }),
      totp: fc.constantFrom('', 'JBSWY3DPEHPK3PXP', 'otpauth://totp/Ex:ana?secret=JBSWY3DPEHPK3PXP&issuer=Ex'),
    }),
    fc.record({
      type: fc.constant('api_key' as const),
      ...common,
      service: text(15),
      keyId: text(15),
      secret: text(40),
      environment: text(10),
      expiresAt: fc.constantFrom(null, '2031-12-31'),
      rotationDays: fc.constantFrom(null, 1, 365),
    }),
    fc.record({ type: fc.constant('note' as const), ...common }),
  );
  // A file name: no control characters or path separators (attachment names refuse or drop them).
  // eslint-disable-next-line no-control-regex -- exactly the characters a name cannot hold
  const fileName = word(20).map((n) => `${n.replace(/[\u0000-\u001f\u007f\\]/g, '_')}.bin`);
  const file = fc.record({ name: fileName, content: fc.uint8Array({ maxLength: 3000 }) });
  const entry = fc.record({
    input: item,
    newSecrets: fc.array(nonBlank(20), { maxLength: 2 }),
    files: fc.uniqueArray(file, { maxLength: 2, selector: (f) => f.name }),
    trashed: fc.boolean(),
  });
  return { entry, entries: fc.array(entry, { minLength: 1, maxLength: 4 }) };
}

export type Entry = ReturnType<typeof arbitraries>['entry'] extends fc.Arbitrary<infer T> ? T : never;

/** Fills a vault: each item, its changed secrets (password history), its files, the trash. */
export function fill(vault: Vault, entries: Entry[]): void {
  for (const e of entries) {
    const s = vault.items.create(e.input);
    for (const next of e.newSecrets) {
      if (e.input.type === 'login') vault.items.update(s.id, { password: next });
      if (e.input.type === 'api_key') vault.items.update(s.id, { secret: next });
    }
    for (const f of e.files) vault.attachments.addBytes(s.id, f.name, f.content);
    if (e.trashed) vault.items.trash(s.id);
  }
}

/** Every item (trash included) with its history values and files, without ids; sorted. */
export function contents(vault: Vault, opts: { seconds?: boolean; historyTimes?: 'all' | 'older' } = {}): unknown[] {
  const time = (t: number | null): number | null => (t === null ? null : opts.seconds ? Math.floor(t / 1000) : t);
  const ids = [...vault.items.list({}), ...vault.items.list({ trash: true })].map((s) => s.id);
  return ids
    .map((id) => {
      const { item, passwordHistory } = vault.items.record(id);
      const { id: _id, createdAt, updatedAt, deletedAt, ...rest } = item;
      return {
        item: { ...rest, createdAt: time(createdAt), updatedAt: time(updatedAt), deletedAt: time(deletedAt) },
        // The newest earlier value's change time is not kept by every format (see the docs).
        history: passwordHistory.map((h, i) => ({ field: h.field, value: h.value, changedAt: opts.historyTimes === 'older' && i === 0 ? null : time(h.changedAt) })),
        files: vault.attachments.forExport(id).map((f) => ({ name: f.info.name, content: Buffer.from(f.content).toString('base64') })),
      };
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
