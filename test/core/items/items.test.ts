// Items as a user edits them: per-type field rules with clear messages and nothing written on
// refusal, password history, trash/restore/purge, custom fields, resolve.
import { describe, expect, it } from 'vitest';
import { PASSWORD_HISTORY_LIMIT } from '../../../shared/domain';
import { apiKey, caught, dumpTables, login, newVault, note } from '../fixtures/vault-helpers';

describe('field rules per type', () => {
  const REFUSED: [string, Record<string, unknown>, RegExp][] = [
    ['a note with a password', { type: 'note', title: 'N', password: 'x' }, /Notes have no password/],
    ['a note with a URL', { type: 'note', title: 'N', urls: ['https://x'] }, /Notes have no URLs/],
    ['a note with a username', { type: 'note', title: 'N', username: 'me' }, /Notes have no username/],
    ['a login with a secret', { type: 'login', title: 'L', secret: 'x' }, /Logins have no secret/],
    ['a login with a service', { type: 'login', title: 'L', service: 'Stripe' }, /Logins have no service/],
    ['an API key with a password', { type: 'api_key', title: 'K', password: 'x' }, /API keys have no password/],
    ['an API key with a TOTP', { type: 'api_key', title: 'K', totp: 'JBSWY3DPEHPK3PXP' }, /API keys have no one-time-password secret/],
    ['an empty title', { type: 'login', title: '   ' }, /title is required/],
    ['an unknown type', { type: 'card', title: 'C' }, /not valid/],
    ['an unknown field', { type: 'login', title: 'L', pin: '1' }, /not valid/],
    ['an impossible expiry date', { type: 'api_key', title: 'K', expiresAt: '2026-02-30' }, /date does not exist/],
    ['a nameless custom field', { type: 'login', title: 'L', fields: [{ name: ' ', value: 'v', concealed: false }] }, /custom field needs a name/],
  ];
  for (const [label, input, message] of REFUSED) {
    it(`refuses ${label} with a clear message and writes nothing`, async () => {
      const v = await newVault();
      v.items.create(login('Existing'));
      const before = dumpTables(v.file);
      const err = await caught(() => v.items.create(input));
      expect(err.code).toBe('invalid-input');
      expect(err.message).toMatch(message);
      expect(dumpTables(v.file)).toEqual(before);
      expect(v.items.list()).toHaveLength(1);
    });
  }

  it('checks type rules against the merged item on update, and writes nothing when refused', async () => {
    const v = await newVault();
    const n = v.items.create(note('Memo')).id;
    const k = v.items.create(apiKey('Key')).id;
    const before = dumpTables(v.file);
    expect((await caught(() => v.items.update(n, { password: 'x' }))).message).toMatch(/Notes have no password/);
    expect((await caught(() => v.items.update(k, { username: 'x' }))).message).toMatch(/API keys have no username/);
    expect((await caught(() => v.items.update(k, { type: 'login' } as unknown as Record<string, unknown>))).code).toBe('invalid-input');
    expect((await caught(() => v.items.update(k, { title: '' }))).code).toBe('invalid-input');
    expect(dumpTables(v.file)).toEqual(before);
  });

  it('a createMany with one bad item writes none of them', async () => {
    const v = await newVault();
    const before = dumpTables(v.file);
    const err = await caught(() => v.items.createMany([login('Good'), { type: 'note', title: 'Bad', password: 'x' }], 'import'));
    expect(err.message).toMatch(/Item 2/);
    expect(dumpTables(v.file)).toEqual(before);
    expect(v.items.list()).toEqual([]);
  });

  it('keeps each type’s own fields, with defaults for the rest', async () => {
    const v = await newVault();
    const k = v.items.withSecrets(v.items.create(apiKey('Stripe', { expiresAt: '2027-01-31', rotationDays: 90, urls: ['https://dashboard.stripe.com'] })).id);
    expect(k).toMatchObject({ type: 'api_key', service: 'Stripe', expiresAt: '2027-01-31', rotationDays: 90, username: '', password: '', totp: '' });
    const n = v.items.withSecrets(v.items.create(note('Memo', { tags: ['a', 'b'], folder: 'F', favorite: true })).id);
    expect(n).toMatchObject({ type: 'note', notes: 'Notes for Memo', tags: ['a', 'b'], folder: 'F', favorite: true, urls: [] });
  });
});

describe('password history', () => {
  it('keeps previous passwords and secrets, newest first, at most the last 20', async () => {
    let t = 0;
    const v = await newVault({ now: () => (t += 1) });
    const id = v.items.create(login('Bank', { password: 'p0' })).id;
    for (let i = 1; i <= 25; i++) v.items.update(id, { password: `p${i}` });
    const history = v.items.passwordHistory(id);
    expect(history).toHaveLength(PASSWORD_HISTORY_LIMIT);
    expect(history.every((h) => h.field === 'password')).toBe(true);
    expect(v.items.revealPasswordHistory(id, 0)).toBe('p24');
    expect(v.items.revealPasswordHistory(id, 19)).toBe('p5');
    expect((await caught(() => v.items.revealPasswordHistory(id, 20))).code).toBe('not-found');
    expect(v.items.withSecrets(id).password).toBe('p25');
    // Edits that do not touch the secret add nothing.
    v.items.update(id, { notes: 'changed' });
    expect(v.items.passwordHistory(id)).toHaveLength(PASSWORD_HISTORY_LIMIT);
    expect(v.history.query({ itemId: id, kinds: ['reveal'] })[0]?.detail.field).toBe('history:password');

    const key = v.items.create(apiKey('Key', { secret: 's1' })).id;
    v.items.update(key, { secret: 's2' });
    expect(v.items.passwordHistory(key).map((h) => h.field)).toEqual(['secret']);
    expect(v.items.revealPasswordHistory(key, 0)).toBe('s1');
  });

  it('an update that changes nothing writes nothing', async () => {
    const v = await newVault();
    const id = v.items.create(login('Same', { password: 'x' })).id;
    const before = dumpTables(v.file);
    v.items.update(id, { password: 'x', title: 'Same' });
    expect(dumpTables(v.file)).toEqual(before);
  });
});

describe('trash, restore, purge', () => {
  it('moves items to the trash and back, then purges them for good', async () => {
    const v = await newVault();
    const id = v.items.create(login('Old', { password: 'gone' })).id;
    v.items.update(id, { password: 'gone2' });
    const trashed = v.items.trash(id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(v.items.list()).toEqual([]);
    expect(v.items.list({ trash: true }).map((s) => s.id)).toEqual([id]);
    expect(v.items.withSecrets(id).password).toBe('gone2'); // still readable in the trash
    expect((await caught(() => v.items.trash(id))).message).toMatch(/already in the trash/);
    expect(v.items.restore(id).deletedAt).toBeNull();
    expect((await caught(() => v.items.restore(id))).message).toMatch(/not in the trash/);
    v.items.purge(id);
    expect((await caught(() => v.items.withSecrets(id))).code).toBe('not-found');
    expect((await caught(() => v.items.summary(id))).code).toBe('not-found');
    expect((await caught(() => v.items.purge(id))).code).toBe('not-found');
    expect(v.items.list({ trash: true })).toEqual([]);
    expect(v.history.query({ itemId: id })[0]).toMatchObject({ kind: 'purge', detail: { title: 'Old' } });
  });

  it('unknown ids are not-found and change nothing', async () => {
    const v = await newVault();
    const before = dumpTables(v.file);
    for (const call of [() => v.items.withSecrets('nope'), () => v.items.update('nope', { title: 'x' }), () => v.items.trash('nope'), () => v.items.useField('nope', 'password', 'copy')]) {
      expect((await caught(call)).code).toBe('not-found');
    }
    expect(dumpTables(v.file)).toEqual(before);
  });
});

describe('fields and resolve', () => {
  it('reveals named and custom fields and refuses empty ones', async () => {
    const v = await newVault();
    const id = v.items.create(login('Site', { password: 'pw', fields: [{ name: 'PIN', value: '1234', concealed: true }, { name: 'Empty', value: '', concealed: false }] })).id;
    expect(v.items.useField(id, 'password', 'reveal')).toBe('pw');
    expect(v.items.useField(id, 'field:0', 'copy')).toBe('1234');
    expect((await caught(() => v.items.useField(id, 'field:1', 'copy'))).code).toBe('invalid-input');
    expect((await caught(() => v.items.useField(id, 'field:5', 'copy'))).code).toBe('not-found');
    expect((await caught(() => v.items.useField(id, 'secret', 'copy'))).message).toMatch(/has no secret/);
    expect(v.items.summary(id).lastUsedAt).not.toBeNull();
  });

  it('resolves ids, id prefixes and titles; ambiguous titles list the candidates', async () => {
    const v = await newVault();
    const a = v.items.create(login('Mail')).id;
    const b = v.items.create(login('mail')).id;
    const c = v.items.create(login('GitHub')).id;
    expect(v.items.resolve(c)).toBe(c);
    expect(v.items.resolve(c.slice(0, 8))).toBe(c);
    expect(v.items.resolve('GitHub')).toBe(c);
    expect(v.items.resolve('github')).toBe(c);
    expect(v.items.resolve('Mail')).toBe(a);
    expect(v.items.resolve('mail')).toBe(b);
    v.items.create(login('Twin'));
    v.items.create(login('Twin'));
    const err = await caught(() => v.items.resolve('Twin'));
    expect(err.code).toBe('ambiguous');
    expect((await caught(() => v.items.resolve('nothing'))).code).toBe('not-found');
  });

  it('refuses an id prefix that several items share as ambiguous', async () => {
    const v = await newVault();
    // 2,000 random ids share some 4-character prefix with probability 1 - e^-30.
    const ids = v.items.createMany(Array.from({ length: 2000 }, (_, i) => login(`Item ${i}`)), 'test').map((s) => s.id);
    const seen = new Set<string>();
    const shared = ids.map((id) => id.slice(0, 4)).find((p) => seen.has(p) || !seen.add(p));
    expect(shared).toBeDefined();
    const err = await caught(() => v.items.resolve(shared as string));
    expect(err.code).toBe('ambiguous');
    expect(err.message).toMatch(/give more of the id/);
  });
});
