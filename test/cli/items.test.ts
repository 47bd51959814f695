// End-to-end: the item commands of the real `keystash` binary against a real vault file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonItem } from '../../electron/cli/json-output';
import { Vault } from '../../electron/core/vault';
import { buildCli, newVault, type VaultCli } from './cli-harness';

interface Items {
  items: JsonItem[];
}
interface Events {
  events: { seq: number; at: string; kind: string; source: string; itemId: string | null; field: string | null; title: string | null; note: string | null }[];
}

const GH_PASSWORD = 'gh-Pa55word!';
const STRIPE_SECRET = 'sk_live_51HxYzSecretValue';
const TOTP = 'JBSWY3DPEHPK3PXP';

let cli: VaultCli;
let loginId: string;
let keyId: string;
let noteId: string;

beforeAll(async () => {
  buildCli();
  ({ cli } = await newVault());
  loginId = (
    await cli.ok(
      ['add', 'login', '--title', 'GitHub', '--username', 'alice', '--url', 'https://github.com', '--url', 'https://gist.github.com',
        '--tag', 'dev', '--tag', 'work', '--folder', 'Code', '--favorite', '--secret-stdin', '--totp-stdin'],
      [GH_PASSWORD, 'jbsw y3dp ehpk 3pxp'],
    )
  ).trim();
  keyId = (
    await cli.ok(
      ['add', 'api_key', '--title', 'Stripe live', '--service', 'stripe', '--key-id', 'pk_live_1', '--environment', 'production',
        '--expires', '2027-01-31', '--tag', 'prod', '--secret-stdin'],
      [STRIPE_SECRET],
    )
  ).trim();
  noteId = (await cli.ok(['add', 'note', '--title', 'Wi-Fi', '--notes', 'Guest network: keystash-guest'])).trim();
});

describe('keystash add / list / search / show', () => {
  it('prints the new id of each type and lists all three, secrets absent', async () => {
    for (const id of [loginId, keyId, noteId]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const out = await cli.ok(['list']);
    expect(out).toMatch(/^ID\s+TYPE\s+TITLE/);
    expect(out).toContain('GitHub');
    expect(out).toContain('Stripe live');
    expect(out).toContain('Wi-Fi');
    expect(out).not.toContain(GH_PASSWORD);
    expect(out).not.toContain(STRIPE_SECRET);
  });

  it('list --json has the documented shape with secret values null', async () => {
    const { items } = await cli.json<Items>(['list']);
    expect(items.map((i) => i.title)).toEqual(['GitHub', 'Stripe live', 'Wi-Fi']);
    const gh = items.find((i) => i.id === loginId);
    expect(gh).toEqual({
      id: loginId,
      type: 'login',
      title: 'GitHub',
      username: 'alice',
      password: null,
      urls: ['https://github.com', 'https://gist.github.com'],
      totp: null,
      notes: '',
      tags: ['dev', 'work'],
      folder: 'Code',
      favorite: true,
      fields: [],
      service: '',
      keyId: '',
      secret: null,
      environment: '',
      expiresAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      lastUsedAt: null,
      deletedAt: null,
    });
    const key = items.find((i) => i.id === keyId);
    expect(key).toMatchObject({ type: 'api_key', service: 'stripe', keyId: 'pk_live_1', environment: 'production', expiresAt: '2027-01-31', secret: null });
  });

  it('list filters by type and tag', async () => {
    expect((await cli.json<Items>(['list', '--type', 'api_key'])).items.map((i) => i.id)).toEqual([keyId]);
    expect((await cli.json<Items>(['list', '--tag', 'work'])).items.map((i) => i.id)).toEqual([loginId]);
    const bad = await cli.run(['list', '--type', 'card']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown item type');
  });

  it('search finds by username and by notes, never by secret', async () => {
    expect((await cli.json<Items>(['search', 'alice'])).items.map((i) => i.id)).toEqual([loginId]);
    expect((await cli.json<Items>(['search', 'guest'])).items.map((i) => i.id)).toEqual([noteId]);
    expect((await cli.json<Items>(['search', STRIPE_SECRET])).items).toEqual([]);
    const human = await cli.ok(['search', 'stripe']);
    expect(human).toContain('Stripe live');
    expect(human).not.toContain(STRIPE_SECRET);
  });

  it('show without --reveal hides every secret', async () => {
    const out = await cli.ok(['show', 'GitHub']);
    expect(out).toMatch(/Username:\s+alice/);
    expect(out).toMatch(/Password:\s+•+ {2}\(hidden; use --reveal\)/);
    expect(out).toMatch(/TOTP:\s+•+/);
    expect(out).not.toContain(GH_PASSWORD);
    expect(out).not.toContain(TOTP);
    const { items } = await cli.json<Items>(['show', keyId.slice(0, 8)]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: keyId, secret: null, password: null, totp: null });
  });

  it('show --reveal prints the secrets and logs one cli reveal per secret', async () => {
    const out = await cli.ok(['show', 'GitHub', '--reveal']);
    expect(out).toMatch(new RegExp(`Password:\\s+${GH_PASSWORD}`));
    expect(out).toContain(TOTP);
    const { items } = await cli.json<Items>(['show', 'Stripe live', '--reveal']);
    expect(items[0]?.secret).toBe(STRIPE_SECRET);
    const { events } = await cli.json<Events>(['history', 'GitHub']);
    const reveals = events.filter((e) => e.kind === 'reveal');
    expect(reveals.map((e) => e.field).sort()).toEqual(['password', 'totp']);
    expect(reveals.every((e) => e.source === 'cli' && e.itemId === loginId && e.title === 'GitHub')).toBe(true);
  });

  it('refuses --secret-stdin for notes and changes nothing', async () => {
    const r = await cli.run(['add', 'note', '--title', 'Nope', '--secret-stdin'], ['x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Notes have no password or secret');
    expect((await cli.json<Items>(['list'])).items).toHaveLength(3);
  });

  it('rejects fields that do not belong to the type, with exit 1', async () => {
    const r = await cli.run(['add', 'api_key', '--title', 'X', '--username', 'u']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keystash: .*API keys have no username/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('keystash edit / rm / restore / history', () => {
  it('edit changes, clears and keeps fields; --secret-stdin replaces the secret', async () => {
    await cli.ok(['edit', 'GitHub', '--username', 'alice@example.com', '--no-favorite', '--folder', '', '--add-tag', 'vcs', '--remove-tag', 'dev', '--secret-stdin'], ['new-Pa55!']);
    const { items } = await cli.json<Items>(['show', loginId, '--reveal']);
    expect(items[0]).toMatchObject({
      username: 'alice@example.com',
      favorite: false,
      folder: '',
      tags: ['work', 'vcs'],
      urls: ['https://github.com', 'https://gist.github.com'],
      password: 'new-Pa55!',
    });
    await cli.ok(['edit', 'Stripe live', '--expires', '', '--no-urls', '--title', 'Stripe']);
    const key = (await cli.json<Items>(['show', keyId])).items[0];
    expect(key).toMatchObject({ title: 'Stripe', expiresAt: null, urls: [] });
  });

  it('edit with nothing to change is a usage error', async () => {
    const r = await cli.run(['edit', 'GitHub']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing to change');
  });

  it('rm moves to the trash, restore brings it back, rm --purge removes it for good', async () => {
    await cli.ok(['rm', 'Wi-Fi']);
    expect((await cli.json<Items>(['list'])).items.map((i) => i.id)).not.toContain(noteId);
    const trash = (await cli.json<Items>(['list', '--trash'])).items;
    expect(trash.map((i) => i.id)).toEqual([noteId]);
    expect(trash[0]?.deletedAt).toMatch(/^\d{4}-/);

    await cli.ok(['restore', 'Wi-Fi']);
    expect((await cli.json<Items>(['list'])).items.map((i) => i.id)).toContain(noteId);

    await cli.ok(['rm', noteId, '--purge']);
    expect((await cli.json<Items>(['list'])).items.map((i) => i.id)).not.toContain(noteId);
    expect((await cli.json<Items>(['list', '--trash'])).items).toEqual([]);
    const gone = await cli.run(['show', noteId]);
    expect(gone.code).toBe(4);
  });

  it('history records every change with source cli, also for a purged item by id', async () => {
    const { events } = await cli.json<Events>(['history', '--limit', '1000']);
    expect(events.every((e) => e.source === 'cli')).toBe(true);
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['unlock', 'lock', 'create', 'edit', 'reveal', 'delete', 'restore', 'purge']) expect(kinds).toContain(k);
    expect(events[0]?.seq).toBeGreaterThan(events[1]?.seq ?? Infinity);
    const edit = events.find((e) => e.kind === 'edit' && e.itemId === loginId);
    expect(edit?.note).toContain('username');
    expect(JSON.stringify(events)).not.toContain('new-Pa55!');

    const purged = await cli.json<Events>(['history', noteId]);
    expect(purged.events.map((e) => e.kind)).toEqual(['purge', 'restore', 'delete', 'create']);

    const human = await cli.ok(['history']);
    expect(human).toMatch(/^SEQ\s+TIME\s+EVENT\s+SOURCE\s+ITEM/);
    expect(human).toMatch(/purge\s+cli\s+Wi-Fi/);
  });
});

describe('custom fields made in the app', () => {
  it('concealed values are null and hidden without --reveal, shown and logged with it', async () => {
    const { cli: other } = await newVault();
    const vault = Vault.open(other.file, { source: 'app' });
    await vault.unlock(other.password);
    const id = vault.items.create({
      type: 'login',
      title: 'Bank',
      fields: [
        { name: 'Customer no', value: '12345', concealed: false },
        { name: 'Recovery code', value: 'RC-998877', concealed: true },
      ],
    }).id;
    vault.close();

    const hidden = (await other.json<Items>(['show', 'Bank'])).items[0];
    expect(hidden?.fields).toEqual([
      { name: 'Customer no', value: '12345', concealed: false },
      { name: 'Recovery code', value: null, concealed: true },
    ]);
    const human = await other.ok(['show', 'Bank']);
    expect(human).toMatch(/Customer no:\s+12345/);
    expect(human).toMatch(/Recovery code:\s+•+ {2}\(hidden; use --reveal\)/);
    expect(human).not.toContain('RC-998877');

    const shown = (await other.json<Items>(['show', 'Bank', '--reveal'])).items[0];
    expect(shown?.fields[1]).toEqual({ name: 'Recovery code', value: 'RC-998877', concealed: true });
    const { events } = await other.json<Events>(['history', id]);
    expect(events.filter((e) => e.kind === 'reveal').map((e) => [e.field, e.source])).toEqual([['field:1', 'cli']]);
  });
});
