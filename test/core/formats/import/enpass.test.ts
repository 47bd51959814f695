// Enpass CSV, whose rows have no header and each their own length (title, label/value pairs,
// then the note): recognised from its rows, mapped field by field, run through the same
// preview, duplicates and all-or-nothing commit; and no other CSV is taken for one.
import fs from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { itemInputSchema } from '../../../../shared/domain';
import { commitImport, previewImport, runImport } from '../../../../electron/core/formats/import';
import { looksLikeEnpass } from '../../../../electron/core/formats/import/enpass-rows';
import { cleanTotp } from '../../../../electron/core/formats/import/fields';
import { openSource } from '../../../../electron/core/formats/import/source';
import type { MapOutcome } from '../../../../electron/core/formats/import/types';
import { totpCode } from '../../../../electron/core/items/totp';
import { newVault } from '../../fixtures/vault-helpers';
import { allItems, byTitle, FIXTURES, importFixture, loadFixture, loadText } from './helpers';

describe('Enpass CSV', () => {
  it('maps an Enpass 6 export: usernames, e-mail, several websites, one-time code, concealed fields, notes, cards and note-only rows', async () => {
    const vault = await newVault();
    const result = await importFixture(vault, 'enpass.csv');
    expect(result).toMatchObject({ format: 'enpass', imported: 9, skipped: 0, problems: [], committed: true });

    // An empty Username: the E-mail is the username; the second Website is a further URL.
    const booking = byTitle(vault, 'Booking');
    expect(booking).toMatchObject({ type: 'login', username: 'rw.cloud@example.com', password: 'MyPassWordHere', notes: '' });
    expect(booking.urls).toEqual(['https://account.booking.com', 'https://account.booking.com/sign-in']);
    expect(booking.fields).toEqual([{ name: 'Phone number', value: '+44 20 7946 0000', concealed: false }]);

    // A username and an e-mail: the e-mail stays a field. `*` marks a sensitive field; quotes,
    // commas and line breaks inside cells survive; the last odd cell is the note.
    const github = byTitle(vault, 'GitHub');
    expect(github).toMatchObject({ type: 'login', username: 'octo', password: 'gh,pass "quoted"', urls: ['https://github.com'], notes: 'Two lines of note\nand a comma, here' });
    expect(totpCode(github.totp, 0).code).toMatch(/^\d{6}$/);
    expect(github.fields).toEqual([
      { name: 'E-mail', value: 'octo@example.com', concealed: false },
      { name: 'Security question', value: 'First pet?', concealed: false },
      { name: 'Security answer', value: 'Rex', concealed: true },
      { name: 'Recovery codes', value: 'aaaa-bbbb\ncccc-dddd', concealed: false },
    ]);

    // A row of odd length has no note; a password alone makes a login.
    expect(byTitle(vault, 'Router')).toMatchObject({ type: 'login', username: '', password: 'admin-pw', urls: ['http://192.168.1.1'], notes: '', fields: [] });
    // Title and note only: a note.
    expect(byTitle(vault, 'Shopping list')).toMatchObject({ type: 'note', notes: 'milk, eggs\nbread', fields: [] });
    // "Login" and "URL" labels (Enpass 5 and older templates), an empty note.
    expect(byTitle(vault, 'Forum')).toMatchObject({ type: 'login', username: 'me', password: 'pw-2', urls: ['forum.example'], notes: '' });
    // A credit card: a note whose fields keep everything, the number, CVC, PIN and the card's login password concealed.
    const visa = byTitle(vault, 'Visa');
    expect(visa.type).toBe('note');
    expect(visa.fields).toEqual(
      expect.arrayContaining([
        { name: 'Cardholder', value: 'Ana Example', concealed: false },
        { name: 'Type', value: 'Visa', concealed: false },
        { name: 'Number', value: '4111111111111111', concealed: true },
        { name: 'CVC', value: '123', concealed: true },
        { name: 'PIN', value: '9876', concealed: true },
        { name: 'Expiry date', value: '01/2030', concealed: false },
        { name: 'Username', value: 'ana-bank', concealed: false },
        { name: 'URL', value: 'https://bank.example', concealed: false },
        { name: 'Login password', value: 'bank-pw', concealed: true },
      ]),
    );
    expect(visa.fields).toHaveLength(9);
    // Only a title: an empty note.
    expect(byTitle(vault, 'Just a title')).toMatchObject({ type: 'note', notes: '', fields: [] });
    // A bare TOTP secret loses its spaces; an "API key" field is concealed, a port is not.
    const server = byTitle(vault, 'Server');
    expect(server).toMatchObject({ username: 'root', password: 's3cr3t', urls: ['ssh://a.example'], totp: 'JBSWY3DPEHPK3PXP' });
    expect(server.fields).toEqual([
      { name: 'Port', value: '22', concealed: false },
      { name: 'API key', value: 'k-123', concealed: true },
    ]);
    // Unicode throughout; a value under an empty label keeps a neutral name.
    expect(byTitle(vault, 'メール 📧')).toMatchObject({ username: '太郎', password: 'пароль🔑', notes: 'Notes ✨', fields: [{ name: 'Field', value: 'orphan value', concealed: false }] });
  });

  it('reads Enpass 5’s export with its layout line, a byte-order mark and CRLF line ends', async () => {
    const vault = await newVault();
    const result = await importFixture(vault, 'enpass5-bom-crlf.csv');
    expect(result).toMatchObject({ format: 'enpass', imported: 3, problems: [] });
    expect(allItems(vault).map((i) => i.title).sort()).toEqual(['Mail', 'Secret note', 'Wi-Fi']);
    expect(byTitle(vault, 'Mail')).toMatchObject({ username: 'ana', password: 'mail-pw', urls: ['https://mail.example'], totp: 'JBSWY3DPEHPK3PXP', fields: [{ name: 'Email', value: 'ana@example.com', concealed: false }] });
    expect(byTitle(vault, 'Wi-Fi')).toMatchObject({ type: 'login', password: 'wifi-pw', fields: [{ name: 'SSID', value: 'home', concealed: false }, { name: 'Security type', value: 'WPA2', concealed: false }] });
    expect(byTitle(vault, 'Secret note')).toMatchObject({ type: 'note', notes: 'The door code is 4711' });
  });

  it('goes through the same preview: masked sample, line numbers, and duplicates of the vault skipped', async () => {
    const vault = await newVault();
    const checked = await previewImport(vault, loadFixture('enpass.csv'));
    expect(checked.preview).toMatchObject({ format: 'enpass', formatLabel: 'Enpass (CSV)', detected: true, headers: [], mapping: null, rows: 9 });
    expect(checked.preview.counts).toEqual({ login: 6, note: 3, api_key: 0 });
    // Line numbers are the file's, past the quoted line breaks of earlier rows.
    expect(checked.preview.sample.map((r) => [r.line, r.title])).toContainEqual([5, 'Router']);
    expect(JSON.stringify(checked.preview.sample)).not.toContain('MyPassWordHere');
    await commitImport(vault, checked);
    const again = await previewImport(vault, loadFixture('enpass.csv'));
    expect(again.preview.duplicates.map((d) => d.of)).toEqual(Array(9).fill('vault'));
    expect(again.preview.counts).toEqual({ login: 0, note: 0, api_key: 0 });
  });

  it('keeps more than 50 websites: the first 50 as URLs, the rest as fields', async () => {
    const vault = await newVault();
    const sites = Array.from({ length: 52 }, (_, i) => `"Website","https://s${i}.example"`).join(',');
    await runImport(vault, loadText(`"Many","Username","u",${sites},""\n`));
    const item = byTitle(vault, 'Many');
    expect(item.urls).toHaveLength(50);
    expect(item.fields).toEqual([
      { name: 'Website', value: 'https://s50.example', concealed: false },
      { name: 'Website', value: 'https://s51.example', concealed: false },
    ]);
  });

  it('a broken row stops the whole import with its line; nothing is written', async () => {
    const vault = await newVault();
    const file = '"Good","Username","u","Password","p",""\n"Broken","Username","u","Password","p,""\n';
    const result = await runImport(vault, loadText(file));
    expect(result).toMatchObject({ format: 'enpass', imported: 0, committed: false });
    expect(result.problems).toEqual([{ line: 2, reason: 'A quoted field is never closed (unterminated quote).' }]);
    expect(vault.items.list({})).toEqual([]);
  });

  it('a row the item rules refuse (too many fields) is a problem row, not a half-imported item', async () => {
    const vault = await newVault();
    const pairs = Array.from({ length: 201 }, (_, i) => `"Extra ${i}","v${i}"`).join(',');
    const result = await runImport(vault, loadText(`"Fine","Username","u","Password","p",""\n"Crowded","Username","u",${pairs},""\n`));
    expect(result.committed).toBe(false);
    expect(result.problems.map((p) => p.line)).toEqual([2]);
    expect(vault.items.list({})).toEqual([]);
  });

  it('an export with only the layout line says so; --format enpass on another manager’s CSV is refused', async () => {
    const vault = await newVault();
    await expect(previewImport(vault, loadText('"Title","Field","Value","Field","Value",.........,"Note"\n'))).rejects.toThrow('The Enpass export holds no items; nothing to import.');
    await expect(previewImport(vault, loadFixture('bitwarden.csv'), { format: 'enpass' })).rejects.toThrow(/starts with the header row of a Bitwarden export, not with an Enpass item/);
    expect(vault.items.list({})).toEqual([]);
  });

  it('--format enpass reads an export whose labels are all custom (not recognised on its own)', async () => {
    const vault = await newVault();
    const file = '"Locker","Combination","12-34-56","Floor","3",""\n"Bike","Frame no","WB-1","Shop","Velo",""\n';
    expect(looksLikeEnpass(file)).toBe(false);
    const result = await runImport(vault, loadText(file), { format: 'enpass' });
    expect(result).toMatchObject({ format: 'enpass', imported: 2 });
    expect(byTitle(vault, 'Locker')).toMatchObject({ type: 'note', fields: [{ name: 'Combination', value: '12-34-56', concealed: false }, { name: 'Floor', value: '3', concealed: false }] });
  });
});

describe('Enpass detection does not misfire', () => {
  // Every other fixture keeps the format it was recognised as before Enpass was added.
  const EXPECTED: Record<string, string> = {
    '1password.csv': '1password',
    'bitwarden.csv': 'bitwarden',
    'broken-ragged.csv': 'chrome',
    'broken-unterminated.csv': 'chrome',
    'chrome-bom-crlf.csv': 'chrome',
    'chrome-utf16be.csv': 'chrome',
    'chrome-utf16le.csv': 'chrome',
    'chrome.csv': 'chrome',
    'dashlane-credentials.csv': 'dashlane',
    'dashlane-payments.csv': 'dashlane',
    'dashlane-securenotes.csv': 'dashlane',
    'duplicates.csv': 'chrome',
    'edge-note.csv': 'chrome',
    'firefox.csv': 'firefox',
    'generic-semicolon.csv': 'generic',
    'generic-tab.tsv': 'generic',
    'keepassxc.csv': 'keepassxc',
    'lastpass.csv': 'lastpass',
    'protonpass.csv': 'protonpass',
    'safari.csv': 'safari',
    'enpass.csv': 'enpass',
    'enpass5-bom-crlf.csv': 'enpass',
  };

  it('every CSV fixture is recognised as its own format', async () => {
    const vault = await newVault();
    const names = fs.readdirSync(FIXTURES).filter((n) => !['empty.csv', 'not-utf8.csv', 'header-only.csv'].includes(n));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const name of names) {
      const checked = await previewImport(vault, loadFixture(name));
      expect([name, checked.preview.format]).toEqual([name, EXPECTED[name]]);
    }
    await expect(previewImport(vault, loadFixture('header-only.csv'))).rejects.toThrow('The file has a header row but no items; nothing to import.');
  });

  it('NordPass, KeePassXC-style and unknown header CSVs, and headerless generic CSVs, are not Enpass', async () => {
    const vault = await newVault();
    const cases: [string, string][] = [
      ['name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,state,type,custom_fields\nGit,https://git.example,,dev,pw,,,,,,,,Work,,,,,,,,,password,\n', 'nordpass'],
      // Unknown headers whose names are Enpass's labels: the data rows hold values, not labels.
      ['Title,Username,Password,URL,Notes\nSite,bob,pw,https://x.example,hi\n', 'generic'],
      ['Name,User,Pass,Site\nGmail,ana,pw,https://mail.example\n', 'generic'],
      ['"Title","Username","Password","Website","TOTP","Notes"\n"A","a","p","https://a.example","",""\n"B","b","q","https://b.example","",""\n', 'generic'],
      // No header at all, but no labels either.
      ['google.com,alice,hunter2\nexample.org,bob,pa55\n', 'generic'],
    ];
    for (const [text, format] of cases) {
      expect(looksLikeEnpass(text)).toBe(false);
      const checked = await previewImport(vault, loadText(text));
      expect([text, checked.preview.format]).toEqual([text, format]);
    }
    // A header row alone that happens to read like label/value pairs is still a header.
    await expect(previewImport(vault, loadText('Title,Username,Password,URL,Notes\n'))).rejects.toThrow('The file has a header row but no items; nothing to import.');
  });
});

describe('Enpass CSV loses nothing', () => {
  // Cells as Enpass writes them (every one quoted), with any text: commas, quotes, line breaks, unicode.
  const text = fc
    .oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '  \t', '\r\n', 'a,b', '"q"', 'https://x.example ', 'JBSW Y3DP'))
    .filter((t) => !t.includes('\u0000'));
  const label = fc.oneof(fc.constantFrom('Username', 'E-mail', '*Password', 'Website', 'URL', 'TOTP', 'Phone number', '*PIN', 'Security question', 'Cardholder', 'Number'), text);
  const row = fc.record({
    title: text,
    pairs: fc.array(fc.record({ label, value: text }), { maxLength: 12 }),
    note: fc.option(text, { nil: undefined }),
  });

  it('every value of every row lands in its item (username, password, URLs, fields or notes), and each item is valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const cells = rows.map((r) => [r.title, ...r.pairs.flatMap((p) => [p.label, p.value]), ...(r.note === undefined ? [] : [r.note])]);
        const csvText = Papa.unparse(cells, { quotes: true, newline: '\n' });
        const outcomes: MapOutcome[] = [];
        const walk = async () => {
          const cursor = (await openSource(loadText(csvText), { format: 'enpass' })).rows();
          while (cursor.next(100, (_line, outcome) => outcomes.push(outcome))) {
            /* reads every slice */
          }
        };
        // A file of blank cells only holds nothing: refused as a whole.
        if (cells.every((c) => c.length === 1 && c[0] === '')) {
          await expect(walk()).rejects.toThrow(/nothing to import/);
          return;
        }
        await walk();
        // Rows with only blank cells are reported as empty (one blank cell is a blank line); every other row gives one item.
        const kept = rows.filter((_, i) => cells[i]?.some((c) => c.trim() !== ''));
        const items = outcomes.filter((o): o is Exclude<MapOutcome, { problem: string } | { skip: string }> => 'input' in o);
        expect(items).toHaveLength(kept.length);
        items.forEach((item, i) => {
          const r = kept[i] as (typeof rows)[number];
          const input = itemInputSchema.parse(item.input);
          if (r.title.trim() !== '') expect(input.title).toBe(r.title.trim());
          expect(input.notes).toBe(r.note ?? '');
          const held = [input.username, input.password, input.totp, ...input.urls, ...input.fields.map((f) => f.value)];
          for (const p of r.pairs) {
            if (p.value === '') continue;
            // A website is kept trimmed, a one-time secret without the spaces people add.
            const forms = [p.value, p.value.trim(), cleanTotp(p.value)].filter((v) => v !== '');
            expect(forms.some((v) => held.includes(v)), JSON.stringify({ p, input })).toBe(true);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
