// Search as a user types it: case- and accent-insensitive substrings over the visible fields,
// never over secrets; filters and sort orders; the index stays right across edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../electron/core/search/summary-index';
import { prng } from '../../../bench/data';
import type { Vault } from '../../../electron/core/vault';
import { apiKey, login, newVault, note, PASSWORD } from '../fixtures/vault-helpers';

async function sampleVault(): Promise<{ v: Vault; ids: Record<string, string> }> {
  let t = 1_000;
  const v = await newVault({ now: () => (t += 1_000) });
  const ids: Record<string, string> = {};
  ids.credit = v.items.create(login('Crédit Agricole', { username: 'Zoë.Martin', urls: ['https://www.credit-agricole.fr'], tags: ['Finance'], folder: 'Banks', password: 'TopSecretPw1' })).id;
  ids.github = v.items.create(login('GitHub', { username: 'octocat', urls: ['https://github.com/login'], tags: ['dev', 'work'], favorite: true, totp: 'JBSWY3DPEHPK3PXPJBSW' })).id;
  ids.gitlab = v.items.create(login('GitLab admin', { username: 'root', urls: ['https://gitlab.internal'], tags: ['dev'], folder: 'Work/Infra' })).id;
  ids.stripe = v.items.create(apiKey('Stripe live key', { service: 'Stripe', keyId: 'pk_live_publicid', secret: 'sk_live_hiddenvalue', environment: 'production', tags: ['work'] })).id;
  ids.wifi = v.items.create(note('Wi-Fi at the Café', { notes: 'Network straße-5G; router in the hallway', folder: 'Home' })).id;
  ids.old = v.items.create(login('Old forum', { username: 'lurker' })).id;
  v.items.trash(ids.old);
  return { v, ids };
}

const titles = (xs: { title: string }[]): string[] => xs.map((x) => x.title);

describe('text search', () => {
  it('is case- and accent-insensitive in both directions', async () => {
    const { v } = await sampleVault();
    expect(titles(v.items.list({ text: 'credit' }))).toEqual(['Crédit Agricole']);
    expect(titles(v.items.list({ text: 'CRÉDIT' }))).toEqual(['Crédit Agricole']);
    expect(titles(v.items.list({ text: 'cafe' }))).toEqual(['Wi-Fi at the Café']);
    expect(titles(v.items.list({ text: 'zoe' }))).toEqual(['Crédit Agricole']);
    expect(titles(v.items.list({ text: 'ZOË' }))).toEqual(['Crédit Agricole']);
  });

  it('matches substrings and word prefixes; every term must match', async () => {
    const { v } = await sampleVault();
    expect(titles(v.items.list({ text: 'git' }))).toEqual(['GitHub', 'GitLab admin']);
    expect(titles(v.items.list({ text: 'hub' }))).toEqual(['GitHub']);
    expect(titles(v.items.list({ text: 'adm' }))).toEqual(['GitLab admin']);
    expect(titles(v.items.list({ text: 'git root' }))).toEqual(['GitLab admin']);
    expect(titles(v.items.list({ text: 'git nomatch' }))).toEqual([]);
    expect(titles(v.items.list({ text: '  ' }))).toHaveLength(5);
  });

  it('covers title, username, urls, service, key id, tags, folder and notes', async () => {
    const { v } = await sampleVault();
    expect(titles(v.items.list({ text: 'octocat' }))).toEqual(['GitHub']);
    expect(titles(v.items.list({ text: 'gitlab.internal' }))).toEqual(['GitLab admin']);
    expect(titles(v.items.list({ text: 'stripe' }))).toEqual(['Stripe live key']);
    expect(titles(v.items.list({ text: 'pk_live_public' }))).toEqual(['Stripe live key']);
    expect(titles(v.items.list({ text: 'finance' }))).toEqual(['Crédit Agricole']);
    expect(titles(v.items.list({ text: 'infra' }))).toEqual(['GitLab admin']);
    expect(titles(v.items.list({ text: 'hallway' }))).toEqual(['Wi-Fi at the Café']);
    expect(titles(v.items.list({ text: 'STRASSE' }))).toEqual([]); // ß is its own letter, not "ss"
    expect(titles(v.items.list({ text: 'straße' }))).toEqual(['Wi-Fi at the Café']);
  });

  it('never searches secret values', async () => {
    const { v } = await sampleVault();
    for (const secret of ['TopSecretPw1', 'topsecret', 'sk_live_hidden', 'JBSWY3DP', 'hiddenvalue']) {
      expect(v.items.list({ text: secret }), secret).toEqual([]);
      expect(v.items.list({ text: secret, trash: true }), secret).toEqual([]);
    }
  });

  it('ranks title-prefix hits first, then title words, then other fields', async () => {
    const v = await newVault();
    v.items.create(note('Notes about keys', { notes: 'mentions lab' }));
    v.items.create(login('Lab server'));
    v.items.create(login('Main lab'));
    v.items.create(login('Collab tool'));
    expect(titles(v.items.list({ text: 'lab' }))).toEqual(['Lab server', 'Main lab', 'Collab tool', 'Notes about keys']);
    expect(titles(v.items.list({ text: 'lab', sort: 'title' }))).toEqual(['Collab tool', 'Lab server', 'Main lab', 'Notes about keys']);
    expect(titles(v.items.list({ text: 'lab', limit: 2 }))).toEqual(['Lab server', 'Main lab']);
  });

  it('follows edits, trash, restore and purge', async () => {
    const { v, ids } = await sampleVault();
    v.items.update(ids.github as string, { title: 'Codeberg', urls: ['https://codeberg.org'] });
    expect(titles(v.items.list({ text: 'github' }))).toEqual([]);
    expect(titles(v.items.list({ text: 'codeberg' }))).toEqual(['Codeberg']);
    v.items.trash(ids.stripe as string);
    expect(v.items.list({ text: 'stripe' })).toEqual([]);
    expect(titles(v.items.list({ text: 'stripe', trash: true }))).toEqual(['Stripe live key']);
    v.items.restore(ids.stripe as string);
    expect(titles(v.items.list({ text: 'stripe' }))).toEqual(['Stripe live key']);
    v.items.purge(ids.stripe as string);
    expect(v.items.list({ text: 'stripe' })).toEqual([]);
    expect(v.items.list({ text: 'stripe', trash: true })).toEqual([]);
  });
});

describe('normalize', () => {
  it('matches the plain NFKD + strip-all-marks + lower-case definition on any script', () => {
    const reference = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    const samples = ['Crème Brûlée', 'ÅNGSTRÖM', 'Tiếng Việt', 'שָׁלוֹם', 'हिन्दी', 'Ελληνικά ΟΔΟΣ', 'ＡＢＣ１２３', 'ﬁle', 'Straße', 'plain ascii', 'emoji 🔑 key', 'Zoë 日本語'];
    for (const s of samples) expect(normalize(s), s).toBe(reference(s));
    expect(normalize(samples.join('\u0001'))).toBe(reference(samples.join('\u0001')));
  });

  it('gives the same answer through its Latin lookup table for every character up to U+024F', () => {
    const reference = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    for (let c = 0x80; c < 0x250; c++) {
      const ch = String.fromCharCode(c);
      expect(normalize(`A${ch}b`), `U+${c.toString(16)}`).toBe(reference(`A${ch}b`));
    }
    const latinText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x24f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(fc.property(latinText, (s) => normalize(s) === reference(s)), { numRuns: 2000 });
  });
});

describe('search agrees with a plain substring check', () => {
  it('for random items and queries (anchor letters, overlaps, entry boundaries)', async () => {
    const v = await newVault();
    const rand = prng(1234);
    const alphabet = 'aabeqqxz é-';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    v.items.createMany(
      Array.from({ length: 300 }, (_, i) => note(`${word(1 + (i % 6))}${i}`, { notes: word(Math.floor(rand() * 12)), tags: rand() < 0.3 ? [word(3).trim() || 't'] : [] })),
      'random',
    );
    v.lock();
    await v.unlock(PASSWORD); // exercise the bulk corpus built at unlock
    const all = v.items.list();
    // The list leaves notes out; the reference reads them from each item, once (a record read decrypts).
    const hays = new Map(
      all.map((listed) => {
        const s = v.items.summary(listed.id);
        return [listed.id, normalize([s.title, s.username, s.urls.join(' '), s.service, s.keyId, s.environment, s.tags.join(' '), s.folder, s.notes].join('\u0001'))];
      }),
    );
    const hay = (listed: (typeof all)[number]) => hays.get(listed.id) ?? '';
    for (let q = 0; q < 300; q++) {
      const text = q % 10 === 0 ? `${word(2)} ${word(1)}` : word(1 + (q % 4));
      const terms = normalize(text).split(/\s+/).filter(Boolean);
      const expected = all.filter((s) => terms.every((t) => hay(s).includes(t))).map((s) => s.id).sort();
      expect(v.items.list({ text }).map((s) => s.id).sort(), JSON.stringify(text)).toEqual(terms.length === 0 ? all.map((s) => s.id).sort() : expected);
    }
  });
});

describe('search text with control characters', () => {
  it('still finds the right items after unlock when fields contain control and separator characters', async () => {
    const v = await newVault();
    // NUL separates items in the search corpus; items refuse it (test/security/nul-bytes-in-item-fields).
    expect(() => v.items.create(note('Odd \u0000 title'))).toThrow(/NUL/);
    const odd = v.items.create(note('Odd \u001f title', { notes: 'alpha\u001ebeta \u0001 gamma\u2028delta' })).id;
    v.items.create(note('Plain', { notes: 'beta-max' }));
    for (const round of ['fresh', 'after unlock']) {
      if (round === 'after unlock') {
        v.lock();
        await v.unlock(PASSWORD);
      }
      expect(v.items.list({ text: 'gamma' }).map((s) => s.id), round).toEqual([odd]);
      expect(v.items.list({ text: 'delta' }).map((s) => s.id), round).toEqual([odd]);
      expect(titles(v.items.list({ text: 'beta' })), round).toEqual(['Odd \u001f title', 'Plain']);
      expect(titles(v.items.list({ text: 'plain' })), round).toEqual(['Plain']);
      expect(titles(v.items.list({ text: 'title beta' })), round).toEqual(['Odd \u001f title']);
    }
  });
});

describe('filters and sorting', () => {
  it('filters by type, tag, folder, favorite and trash', async () => {
    const { v } = await sampleVault();
    expect(titles(v.items.list({ type: 'login' }))).toEqual(['Crédit Agricole', 'GitHub', 'GitLab admin']);
    expect(titles(v.items.list({ type: 'api_key' }))).toEqual(['Stripe live key']);
    expect(titles(v.items.list({ type: 'note' }))).toEqual(['Wi-Fi at the Café']);
    expect(titles(v.items.list({ tag: 'dev' }))).toEqual(['GitHub', 'GitLab admin']);
    expect(titles(v.items.list({ tag: 'work', type: 'api_key' }))).toEqual(['Stripe live key']);
    expect(titles(v.items.list({ folder: 'Home' }))).toEqual(['Wi-Fi at the Café']);
    expect(titles(v.items.list({ favorite: true }))).toEqual(['GitHub']);
    expect(titles(v.items.list({ favorite: false }))).toHaveLength(4);
    expect(titles(v.items.list({ trash: true }))).toEqual(['Old forum']);
    expect(titles(v.items.list({ text: 'git', tag: 'work' }))).toEqual(['GitHub']);
    expect(v.items.counts()).toMatchObject({ all: 5, login: 3, api_key: 1, note: 1, favorites: 1, trash: 1, tags: { dev: 2, work: 2, Finance: 1 } });
  });

  it('sorts by title (accents and case ignored, numbers natural), updated and last used', async () => {
    let t = 0;
    const v = await newVault({ now: () => (t += 10) });
    const b = v.items.create(login('beta')).id;
    const a = v.items.create(login('Álpha')).id;
    const c10 = v.items.create(login('Server 10')).id;
    const c9 = v.items.create(login('server 9')).id;
    expect(titles(v.items.list())).toEqual(['Álpha', 'beta', 'server 9', 'Server 10']);
    v.items.update(a, { notes: 'touched' });
    expect(titles(v.items.list({ sort: 'updated' }))).toEqual(['Álpha', 'server 9', 'Server 10', 'beta']);
    v.items.useField(c10, 'password', 'copy');
    v.items.useField(b, 'password', 'reveal');
    const lastUsed = v.items.list({ sort: 'last-used' });
    expect(titles(lastUsed).slice(0, 2)).toEqual(['beta', 'Server 10']);
    expect(lastUsed.find((s) => s.id === c9)?.lastUsedAt).toBeNull();
  });

  it('keeps title order right when items are added and renamed after the first search', async () => {
    const v = await newVault();
    for (const x of ['delta', 'alpha', 'charlie']) v.items.create(login(x));
    expect(titles(v.items.list())).toEqual(['alpha', 'charlie', 'delta']);
    const bravo = v.items.create(login('bravo')).id;
    expect(titles(v.items.list())).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    v.items.update(bravo, { title: 'echo', username: 'e' });
    expect(titles(v.items.list())).toEqual(['alpha', 'charlie', 'delta', 'echo']);
    expect(titles(v.items.list({ text: 'ech' }))).toEqual(['echo']);
    expect(titles(v.items.list({ text: 'brav' }))).toEqual([]);
  });
});
