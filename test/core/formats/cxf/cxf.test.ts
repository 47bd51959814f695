// CXF 1.0: a file shaped as another provider writes it (no Keystash extension) imports into
// logins, notes and API keys with their credentials, collections as folders and files checked
// against their integrity hash; Keystash's own export is valid CXF that round-trips exactly
// (property), with a zip holding index.json and documents/ when items have files.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderCxf } from '../../../../electron/core/formats/export/run';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { newVault } from '../../fixtures/vault-helpers';
import { arbitraries, contents, fill } from '../roundtrip-arbitraries';

const b64u = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
const fileBytes = new Uint8Array([9, 8, 7, 6]);

function foreign(hash = b64u(createHash('sha256').update(fileBytes).digest())) {
  return {
    version: { major: 1, minor: 0 },
    exporterRpId: 'provider.example',
    exporterDisplayName: 'Provider',
    timestamp: 1735000000,
    accounts: [
      {
        id: b64u('acct'),
        username: 'me',
        email: 'me@example.com',
        collections: [{ id: b64u('c1'), title: 'Work', items: [{ item: b64u('i1') }], subCollections: [{ id: b64u('c2'), title: 'Ops', items: [{ item: b64u('i3') }] }] }],
        items: [
          {
            id: b64u('i1'),
            creationAt: 1700000000,
            modifiedAt: 1710000000,
            title: 'Example',
            favorite: true,
            scope: { urls: ['https://example.com', 'https://login.example.com'], androidApps: [] },
            credentials: [
              { type: 'basic-auth', username: { fieldType: 'string', value: 'alice' }, password: { fieldType: 'concealed-string', value: 'pw-1' } },
              { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', period: 30, digits: 6, algorithm: 'sha1', issuer: 'Example', username: 'alice' },
              { type: 'note', content: { fieldType: 'string', value: 'remember me' } },
              { type: 'custom-fields', label: 'Extra', fields: [{ fieldType: 'concealed-string', value: '1234', label: 'PIN' }, { fieldType: 'string', value: 'blue', label: 'Colour' }] },
              { type: 'file', id: b64u('doc1'), name: 'scan.bin', decryptedSize: 4, integrityHash: hash },
              { type: 'passkey', credentialId: 'x', rpId: 'example.com', username: 'alice', userDisplayName: 'Alice', userHandle: 'y', key: 'z' },
            ],
            tags: ['personal'],
          },
          { id: b64u('i2'), title: 'Recipe', credentials: [{ type: 'note', content: { fieldType: 'string', value: 'flour' } }] },
          {
            id: b64u('i3'),
            title: 'Deploy token',
            credentials: [{ type: 'api-key', key: { fieldType: 'concealed-string', value: 'tok_live_1' }, keyType: { fieldType: 'string', value: 'bearer' }, url: { fieldType: 'string', value: 'https://api.example.com' }, expiryDate: { fieldType: 'date', value: '2030-01-31' } }],
          },
        ],
      },
    ],
  };
}

describe('CXF import', () => {
  it('reads another provider’s zip: logins, TOTP, notes, fields, files, API keys, collections', async () => {
    const zip = zipSync({ 'index.json': strToU8(JSON.stringify(foreign())), [`documents/${b64u('doc1')}`]: fileBytes });
    const vault = await newVault();
    const checked = await previewImport(vault, loadFile(zip));
    expect(checked.preview.problems).toEqual([]);
    expect(checked.preview.format).toBe('cxf');
    await commitImport(vault, checked);
    const byTitle = (t: string) => vault.items.list({}).find((i) => i.title === t)?.id ?? '';
    const ex = vault.items.withSecrets(byTitle('Example'));
    expect(ex).toMatchObject({ type: 'login', folder: 'Work', favorite: true, username: 'alice', password: 'pw-1', urls: ['https://example.com', 'https://login.example.com'], notes: 'remember me', tags: ['personal'], createdAt: 1700000000000, updatedAt: 1710000000000 });
    expect(ex.totp).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXP/);
    expect(ex.fields).toEqual(expect.arrayContaining([{ name: 'PIN', value: '1234', concealed: true }, { name: 'Colour', value: 'blue', concealed: false }, { name: 'CXF credential', value: 'passkey', concealed: false }]));
    expect(vault.attachments.list(ex.id).map((a) => [a.name, a.size])).toEqual([['scan.bin', 4]]);
    expect(vault.items.withSecrets(byTitle('Recipe'))).toMatchObject({ type: 'note', notes: 'flour' });
    expect(vault.items.withSecrets(byTitle('Deploy token'))).toMatchObject({ type: 'api_key', secret: 'tok_live_1', service: 'bearer', urls: ['https://api.example.com'], expiresAt: '2030-01-31', folder: 'Work/Ops' });
  });

  it('a file whose content does not match its integrity hash is a problem row', async () => {
    const zip = zipSync({ 'index.json': strToU8(JSON.stringify(foreign(b64u('not-the-hash')))), [`documents/${b64u('doc1')}`]: fileBytes });
    const vault = await newVault();
    const checked = await previewImport(vault, loadFile(zip));
    expect(checked.preview.problems).toEqual([{ line: 1, reason: 'The file “scan.bin” does not match its integrity hash.' }]);
  });
});

describe('Keystash → CXF → Keystash', () => {
  const { entry } = arbitraries();
  const untrashed = fc.array(entry.map((e) => ({ ...e, trashed: false })), { minLength: 1, maxLength: 4 });

  it('is lossless for the items CXF holds (everything outside the trash), files included', async () => {
    await fc.assert(
      fc.asyncProperty(untrashed, async (es) => {
        const source = await newVault();
        fill(source, es);
        const { content, zipped } = renderCxf(source);
        if (zipped) expect(Object.keys(unzipSync(content))).toContain('index.json');
        const target = await newVault();
        const checked = await previewImport(target, loadFile(content));
        expect(checked.preview.problems).toEqual([]);
        await commitImport(target, checked, { skipDuplicates: false });
        expect(contents(target)).toEqual(contents(source));
        source.close();
        target.close();
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
