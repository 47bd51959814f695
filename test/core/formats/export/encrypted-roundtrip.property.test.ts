// Property: Keystash → encrypted Keystash export → Keystash gives the same vault: every field,
// exact times, password history with its times, the trash, and every attachment byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/formats/export/run';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { FAST_KDF, newVault } from '../../fixtures/vault-helpers';
import { arbitraries, contents, fill } from '../roundtrip-arbitraries';

const { entries } = arbitraries();

describe('Keystash → encrypted export → Keystash', () => {
  it('is lossless, attachments included', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (es) => {
        const source = await newVault();
        fill(source, es);
        const { content } = await renderExport(source, { format: 'keystash', password: 'round-trip-pw', kdf: FAST_KDF });
        const target = await newVault();
        const checked = await previewImport(target, loadFile(Buffer.from(content, 'utf8')), { password: 'round-trip-pw' });
        expect(checked.preview.problems).toEqual([]);
        await commitImport(target, checked, { skipDuplicates: false });
        expect(contents(target)).toEqual(contents(source));
        source.close();
        target.close();
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
