// Attack: NUL characters (U+0000) in an item's text. C APIs, terminals, clipboards and the
// tools a value is pasted into cut a string at its first NUL, so a password with one would
// work in one place and not another, and a title would show differently in each. Every text
// field refuses NUL with a clear message and the vault is left as it was: in the core, through
// the app's real IPC handlers, through the real CLI, and, per line, in an import.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ItemInput } from '../../shared/domain';
import { loadFile, runImport } from '../../electron/core/formats/import';
import { buildCli, newVault as newCliVault } from '../cli/cli-harness';
import { apiKey, caught, login, newVault, note, tempDir } from '../core/fixtures/vault-helpers';
import { makeUnlockedHarness, ok, type Harness } from '../main/ipc/helpers';

const NUL = '\0';
const MESSAGE = /cannot contain NUL characters/;

/** One item per text field, each with a NUL in that field only. */
const POISONED: [string, ItemInput][] = [
  ['title', login(`Git${NUL}Hub`)],
  ['username', login('U', { username: `alice${NUL}` })],
  ['password', login('P', { password: `pass${NUL}word` })],
  ['urls', login('W', { urls: [`https://a.example/${NUL}`] })],
  ['totp', login('O', { totp: `JBSWY3DP${NUL}EHPK3PXP` })],
  ['notes', note('N', { notes: `line${NUL}` })],
  ['tags', note('T', { tags: [`t${NUL}`] })],
  ['folder', note('F', { folder: `f${NUL}` })],
  ['field name', note('C', { fields: [{ name: `n${NUL}`, value: 'v', concealed: false }] })],
  ['field value', note('V', { fields: [{ name: 'PIN', value: `12${NUL}34`, concealed: true }] })],
  ['service', apiKey('S', { service: `stripe${NUL}` })],
  ['keyId', apiKey('K', { keyId: `kid${NUL}` })],
  ['secret', apiKey('X', { secret: `sk_${NUL}live` })],
  ['environment', apiKey('E', { environment: `prod${NUL}` })],
];

describe('NUL characters in item fields', () => {
  it('the core refuses each text field with a NUL, on create and on update, and changes nothing', async () => {
    const vault = await newVault();
    const kept = vault.items.create(login('Kept'));
    for (const [field, input] of POISONED) {
      const err = await caught(() => vault.items.create(input));
      expect(err.code, field).toBe('invalid-input');
      expect(err.message, field).toMatch(MESSAGE);
    }
    expect(vault.items.list({}).map((s) => s.title)).toEqual(['Kept']);
    const err = await caught(() => vault.items.update(kept.id, { password: `new${NUL}` }));
    expect(err).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/Passwords cannot contain NUL characters/) });
    expect(vault.items.withSecrets(kept.id).password).toBe('pw-Kept');
  });

  describe('in the app (the real IPC handlers)', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await makeUnlockedHarness();
    });
    afterEach(() => h.cleanup());

    it('item:create and item:update answer invalid-input with the message, and nothing is saved', async () => {
      const created = await h.api['item:create']({ item: login(`Git${NUL}Hub`) });
      expect(created).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Titles cannot contain NUL characters/) } });
      const item = ok(await h.api['item:create']({ item: login('Site') }));
      const updated = await h.api['item:update']({ id: item.id, patch: { password: `pw${NUL}` } });
      expect(updated).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Passwords cannot contain NUL characters/) } });
      const vault = h.services.vault.unlocked();
      expect(vault.items.list({}).map((s) => s.title)).toEqual(['Site']);
      expect(vault.items.withSecrets(item.id).password).toBe('pw-Site');
    });
  });

  it('an import reports each row with a NUL as a problem on its line and imports nothing', async () => {
    const vault = await newVault();
    const csv = ['name,url,username,password', 'Good,https://a.example,alice,pw1', `Bad${NUL}Title,https://b.example,bob,pw2`, `Other,https://c.example,carol,pa${NUL}ss`, ''].join('\n');
    const r = await runImport(vault, loadFile(Buffer.from(csv)));
    expect(r.committed).toBe(false);
    expect(r.problems).toEqual([
      { line: 3, reason: expect.stringMatching(/Titles cannot contain NUL characters/) },
      { line: 4, reason: expect.stringMatching(/Passwords cannot contain NUL characters/) },
    ]);
    expect(vault.items.list({})).toEqual([]);
  });

  describe('in the CLI', () => {
    beforeAll(() => buildCli(), 120_000);

    it('add --secret-stdin with a NUL in the password exits 1 with the message; import names the line', async () => {
      const { cli } = await newCliVault();
      const add = await cli.run(['add', 'login', '--title', 'GitHub', '--secret-stdin'], [`pass${NUL}word`]);
      expect(add.code).toBe(1);
      expect(add.stderr).toMatch(/Passwords cannot contain NUL characters/);
      const file = path.join(tempDir(), 'chrome.csv');
      fs.writeFileSync(file, `name,url,username,password\nGood,https://a.example,alice,pw1\nBad${NUL},https://b.example,bob,pw2\n`);
      const imp = await cli.run(['import', file]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toMatch(/line 3: Titles cannot contain NUL characters/);
      expect(await cli.json<{ items: unknown[] }>(['list'])).toEqual({ items: [] });
    });
  });
});
