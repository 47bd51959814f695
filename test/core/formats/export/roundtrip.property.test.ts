// Property: exporting to Keystash CSV and importing the file into an empty vault gives the
// same items (every field, times and password history), whatever text they hold: any
// unicode, newlines, quotes, commas, semicolons, tabs and leading = + - @ or apostrophes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemInput } from '../../../../shared/domain';
import { renderExport } from '../../../../electron/core/formats/export/run';
import { loadFile, runImport } from '../../../../electron/core/formats/import';
import { newVault } from '../../fixtures/vault-helpers';
import { snapshot } from './helpers';

const nasty = fc.constantFrom('=', '+', '-', '@', '"', ',', ';', '\n', '\r', '\r\n', '\t', "'", ' ', 'é', '日本', '🔑', '\u200b');
const text = (maxLength: number) => fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength });
const nonBlank = (maxLength: number) => text(maxLength).filter((s) => s.trim() !== '');

const common = {
  title: nonBlank(30),
  notes: text(60),
  tags: fc.uniqueArray(nonBlank(10), { maxLength: 3, selector: (t) => t.trim() }),
  folder: text(15),
  favorite: fc.boolean(),
  fields: fc.array(fc.record({ name: nonBlank(12), value: text(20), concealed: fc.boolean() }), { maxLength: 3 }),
};

const itemArb: fc.Arbitrary<ItemInput> = fc.oneof(
  fc.record({
    type: fc.constant('login' as const),
    ...common,
    username: text(20),
    password: text(30),
    urls: fc.array(nonBlank(25), { maxLength: 3 }),
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

describe('export → import round trip', () => {
  it('gives identical items for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(itemArb, fc.option(text(20), { nil: undefined })), { minLength: 1, maxLength: 4 }), async (entries) => {
        const source = await newVault();
        for (const [input, newPassword] of entries) {
          const s = source.items.create(input);
          // A changed password or secret puts the old value into password history.
          if (newPassword !== undefined && input.type === 'login') source.items.update(s.id, { password: newPassword });
          if (newPassword !== undefined && input.type === 'api_key') source.items.update(s.id, { secret: newPassword });
        }
        const { content } = await renderExport(source, { format: 'csv' });
        const target = await newVault();
        const result = await runImport(target, loadFile(Buffer.from(content, 'utf8')), { skipDuplicates: false });
        expect(result.problems).toEqual([]);
        expect(snapshot(target)).toEqual(snapshot(source));
        source.close();
        target.close();
      }),
      { numRuns: 40 },
    );
  });
});
