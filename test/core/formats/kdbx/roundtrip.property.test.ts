// Property: Keystash → KDBX → Keystash keeps every field KDBX can hold, whatever the text:
// types, titles, usernames, passwords, URLs, notes, TOTP, tags, folders, favourites, custom
// fields (concealed or not), API-key fields, password history, the trash and attachments.
// What KDBX cannot hold is left out of the generated data and listed in docs/import-export.md:
// times to the second; control characters other than the line feed in unprotected values (tabs
// included: kdbxweb's reader strips them from the XML); tags containing , ; or :; custom field
// names that repeat or that KDBX reserves (renamed); and when the newest earlier password was
// replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderKdbx } from '../../../../electron/core/formats/export/run';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { FAST_KDF, newVault } from '../../fixtures/vault-helpers';
import { arbitraries, contents, fill } from '../roundtrip-arbitraries';

// eslint-disable-next-line no-control-regex -- the control characters kdbxweb's reader removes, and CR
const { entries } = arbitraries({ exclude: /[\x00-\x09\x0B-\x1F]/g });

describe('Keystash → KDBX → Keystash', () => {
  it('is lossless for every field KDBX can hold', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (es) => {
        const source = await newVault();
        fill(source, es);
        const { content } = await renderKdbx(source, { password: 'round-trip-pw', kdf: FAST_KDF });
        const target = await newVault();
        const checked = await previewImport(target, loadFile(content), { password: 'round-trip-pw' });
        expect(checked.preview.problems).toEqual([]);
        await commitImport(target, checked, { skipDuplicates: false });
        expect(contents(target, { seconds: true, historyTimes: 'older' })).toEqual(contents(source, { seconds: true, historyTimes: 'older' }));
        source.close();
        target.close();
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
