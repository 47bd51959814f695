// API keys: format recognisers on fake keys of each format (and never on ordinary passwords
// or prose), shell and .env quoting, default variable names, ITEM.field references, and the
// due list (expired, expiring, rotation).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KEY_FORMATS, recogniseKey } from '../../../shared/api-key-formats';
import { bindingFor, fetchSecrets, resolveRef } from '../../../electron/core/api-keys/bindings';
import { dueApiKeys } from '../../../electron/core/api-keys/due';
import { defaultEnvName, dotenvQuote, envLine, envNameFromTitle, shellQuote } from '../../../electron/core/api-keys/env-format';
import { generatePassword } from '../../../electron/core/generator/password';
import { KEYSTASH_CSV_COLUMNS } from '../../../electron/core/formats/keystash-csv/columns';
import { loadFile, runImport } from '../../../electron/core/formats/import';
import { passwordOptionsSchema } from '../../../shared/generator';
import { apiKey, caught, login, newVault } from '../fixtures/vault-helpers';

const A = 'aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY';
const rep = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

// Fake keys in each format's real shape; none of them is a live credential.
const FAKES: [string, string, string][] = [
  ['AKIAIOSFODNN7EXAMPLE', 'aws-access-key-id', 'AWS_ACCESS_KEY_ID'],
  ['ASIAY34FZKBOKMUTVV7A', 'aws-temporary-access-key-id', 'AWS_ACCESS_KEY_ID'],
  [`ghp_${rep(A, 36)}`, 'github-pat', 'GITHUB_TOKEN'],
  [`gho_${rep(A, 36)}`, 'github-oauth', 'GITHUB_TOKEN'],
  [`ghu_${rep(A, 36)}`, 'github-user-to-server', 'GITHUB_TOKEN'],
  [`ghs_${rep(A, 36)}`, 'github-server-to-server', 'GITHUB_TOKEN'],
  [`ghr_${rep(A, 36)}`, 'github-refresh', 'GITHUB_REFRESH_TOKEN'],
  [`github_pat_${rep(A, 22)}_${rep(A, 59)}`, 'github-fine-grained-pat', 'GITHUB_TOKEN'],
  [`sk_live_${rep(A, 24)}`, 'stripe-secret', 'STRIPE_SECRET_KEY'],
  [`sk_test_${rep(A, 99)}`, 'stripe-secret', 'STRIPE_SECRET_KEY'],
  [`pk_live_${rep(A, 24)}`, 'stripe-publishable', 'STRIPE_PUBLISHABLE_KEY'],
  [`rk_test_${rep(A, 24)}`, 'stripe-restricted', 'STRIPE_RESTRICTED_KEY'],
  [`sk-${rep(A, 48)}`, 'openai', 'OPENAI_API_KEY'],
  [`sk-proj-${rep(`${A}_-`, 120)}`, 'openai-project', 'OPENAI_API_KEY'],
  [`sk-ant-api03-${rep(`${A}-_`, 93)}AA`, 'anthropic', 'ANTHROPIC_API_KEY'],
  ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'slack-bot', 'SLACK_BOT_TOKEN'],
  ['xoxp-123456789012-123456789012-1234567890123-0123456789abcdef0123456789abcdef', 'slack-user', 'SLACK_USER_TOKEN'],
  ['xapp-1-A0123BCDEFG-1234567890123-0123456789abcdef0123456789abcdef0123456789abcdef', 'slack-app', 'SLACK_APP_TOKEN'],
  [`AIza${rep(`${A}-_`, 35)}`, 'google-api-key', 'GOOGLE_API_KEY'],
  [`npm_${rep(A, 36)}`, 'npm', 'NPM_TOKEN'],
  [`-----BEGIN RSA PRIVATE KEY-----\n${rep(`${A}+/`, 64)}\n${rep(A, 40)}==\n-----END RSA PRIVATE KEY-----`, 'pem-rsa', 'PRIVATE_KEY'],
  [`-----BEGIN PRIVATE KEY-----\n${rep(`${A}+/`, 64)}\n-----END PRIVATE KEY-----`, 'pem-pkcs8', 'PRIVATE_KEY'],
  [`-----BEGIN OPENSSH PRIVATE KEY-----\n${rep(`${A}+/`, 70)}\n-----END OPENSSH PRIVATE KEY-----\n`, 'pem-openssh', 'SSH_PRIVATE_KEY'],
  [`-----BEGIN EC PRIVATE KEY-----\r\n${rep(`${A}+/`, 64)}\r\n-----END EC PRIVATE KEY-----`, 'pem-ec', 'PRIVATE_KEY'],
];

const ORDINARY = [
  'password', 'correct horse battery staple', 'Tr0ub4dor&3', 'hunter2', 'P@ssw0rd!2024', 'letmein123',
  'sk-ydiving2024!', 'sk-ydivingIsFunButScary', 'sk_live_long', 'skeleton_key_live_forever', 'AKIA', 'AKIA-my-password-2024',
  'akiaiosfodnn7example', 'ghp_short', 'ghp_this is not a token at all, just words', 'github_pat_', 'npm_install_everything',
  'npm run build && npm test', 'xoxo-hugs-and-kisses-from-grandma', 'xoxb-', 'AIzaIsMyCatsName', 'pk_morning_coffee',
  'rk_rocket_launch_2025', 'The quick brown fox jumps over the lazy dog.',
  'Please rotate the Stripe key (sk_live_…) before Friday; the AWS one starts with AKIA.',
  '-----BEGIN PRIVATE KEY----- (redacted)', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  'sk-ant-', 'sk-proj-', 'my github token is ghp_xxx', 'mañana-Zürich-42', '                              ',
];

describe('API-key recognisers', () => {
  it('recognise a fake key of every format, with service and variable name', () => {
    for (const [key, id, env] of FAKES) {
      const f = recogniseKey(key);
      expect(f?.id, key.slice(0, 20)).toBe(id);
      expect(f?.envName).toBe(env);
      expect(f?.service.length).toBeGreaterThan(0);
    }
    // Every published rule has at least one fake key above.
    const covered = new Set(FAKES.map(([, id]) => id));
    for (const f of KEY_FORMATS) expect(covered.has(f.id), f.id).toBe(true);
  });

  it('tolerate surrounding whitespace from a paste', () => {
    expect(recogniseKey(`  ${FAKES[0]?.[0]}\n`)?.id).toBe('aws-access-key-id');
  });

  it('never take ordinary passwords or prose for keys', () => {
    for (const text of ORDINARY) expect(recogniseKey(text), text).toBeNull();
    const opts = passwordOptionsSchema.parse({ kind: 'password', length: 40 });
    for (let i = 0; i < 2_000; i++) {
      const pw = generatePassword(opts);
      expect(recogniseKey(pw), pw).toBeNull();
    }
  });
});

describe('env formatting', () => {
  const tricky = `it's a "test" with $HOME, \`cmd\`, \\ backslash\nand a newline`;

  it('shell lines survive a real POSIX shell unchanged', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    const line = envLine('TRICKY', tricky, 'shell');
    expect(line.startsWith("export TRICKY='")).toBe(true);
    const echoed = execFileSync('/bin/sh', ['-c', `${line}\nprintf %s "$TRICKY"`], { encoding: 'utf8' });
    expect(echoed).toBe(tricky);
  });

  it('.env lines are double-quoted with escapes', () => {
    expect(dotenvQuote('plain')).toBe('"plain"');
    expect(envLine('K', 'a"b\\c$d\ne', 'dotenv')).toBe('K="a\\"b\\\\c\\$d\\ne"');
  });

  it('refuse bad names and NUL characters', async () => {
    for (const bad of ['1ABC', 'A-B', '', 'A B', 'ÄPFEL']) expect((await caught(() => envLine(bad, 'x', 'shell'))).code).toBe('invalid-input');
    expect((await caught(() => envLine('A', 'x\0y', 'dotenv'))).message).toMatch(/NUL/);
  });

  it('names variables after the title in UPPER_SNAKE when the format is unknown', () => {
    expect(envNameFromTitle('Stripe prod key')).toBe('STRIPE_PROD_KEY');
    expect(envNameFromTitle('  Café API — v2 ')).toBe('CAFE_API_V2');
    expect(envNameFromTitle('myServiceToken')).toBe('MY_SERVICE_TOKEN');
    expect(envNameFromTitle('2fa backup')).toBe('_2FA_BACKUP');
    expect(envNameFromTitle('🙂')).toBe('SECRET');
  });
});

describe('bindings', () => {
  it('resolve ITEM, ITEM.field and titles containing dots, and record each use', async () => {
    const v = await newVault({ source: 'cli' });
    const key = v.items.create(apiKey('Payments', { secret: `sk_live_${rep(A, 24)}` }));
    const dotted = v.items.create(apiKey('api.example.com', { secret: 'plain-secret-value' }));
    const site = v.items.create(login('Mail', { password: 'mail-pass' }));
    const resolve = (r: string): string => v.items.resolve(r);
    expect(resolveRef('Payments', resolve)).toEqual({ id: key.id, field: null });
    expect(resolveRef('Payments.keyId', resolve)).toEqual({ id: key.id, field: 'keyId' });
    expect(resolveRef('api.example.com', resolve)).toEqual({ id: dotted.id, field: null });
    expect((await caught(() => resolveRef('Payments.nope', resolve))).code).toBe('not-found');

    expect(bindingFor(v.items, 'Payments', resolve)).toEqual({ name: 'STRIPE_SECRET_KEY', id: key.id, field: 'secret' });
    expect(bindingFor(v.items, 'API=api.example.com', resolve)).toEqual({ name: 'API', id: dotted.id, field: 'secret' });
    expect(bindingFor(v.items, 'Mail', resolve)).toEqual({ name: 'MAIL', id: site.id, field: 'password' });
    expect(bindingFor(v.items, 'U=Mail.username', resolve).field).toBe('username');
    expect((await caught(() => bindingFor(v.items, 'BAD-NAME=Mail', resolve))).code).toBe('invalid-input');
    expect(defaultEnvName(v.items.withSecrets(dotted.id))).toBe('API_EXAMPLE_COM');

    const before = v.history.query({ kinds: ['cli-use'] }).length;
    const env = fetchSecrets(v.items, [bindingFor(v.items, 'Payments', resolve), bindingFor(v.items, 'M=Mail', resolve)], 'env');
    expect(env).toEqual({ STRIPE_SECRET_KEY: `sk_live_${rep(A, 24)}`, M: 'mail-pass' });
    const uses = v.history.query({ kinds: ['cli-use'] });
    expect(uses.length - before).toBe(2);
    expect(uses.every((e) => e.source === 'cli')).toBe(true);
    expect(v.items.summary(key.id).lastUsedAt).not.toBeNull();
    expect((await caught(() => fetchSecrets(v.items, [bindingFor(v.items, 'X=Mail', resolve), bindingFor(v.items, 'X=Payments', resolve)], 'env'))).message).toMatch(/set twice/);
  });
});

describe('due API keys', () => {
  it('lists expired, expiring-within-30-days and rotation-overdue keys, most urgent first', async () => {
    const DAY = 86_400_000;
    let now = Date.parse('2026-01-01T12:00:00Z');
    const v = await newVault({ now: () => now });
    const rotated = v.items.create(apiKey('Rotated', { rotationDays: 90 }));
    const fresh = v.items.create(apiKey('Fresh', { rotationDays: 90, expiresAt: '2027-01-01' }));
    now += 100 * DAY; // 2026-04-11
    v.items.update(fresh.id, { secret: 'sk_live_new_value' });
    const expired = v.items.create(apiKey('Expired', { expiresAt: '2026-04-10' }));
    const today = v.items.create(apiKey('Today', { expiresAt: '2026-04-11' }));
    const soon = v.items.create(apiKey('Soon', { expiresAt: '2026-05-01' }));
    v.items.create(apiKey('Later', { expiresAt: '2026-06-30' }));
    v.items.create(login('A login'));
    const trashed = v.items.create(apiKey('Trashed', { expiresAt: '2020-01-01' }));
    v.items.trash(trashed.id);
    const due = dueApiKeys(v.items, now);
    expect(due.map((d) => [d.title, d.reason])).toEqual([
      ['Rotated', 'rotation'],
      ['Expired', 'expired'],
      ['Today', 'expiring'],
      ['Soon', 'expiring'],
    ]);
    expect(due.find((d) => d.id === soon.id)?.days).toBe(20);
    expect(due.find((d) => d.id === today.id)?.days).toBe(0);
    expect(due.some((d) => d.id === expired.id && d.days < 0)).toBe(true);
    expect(due.some((d) => d.id === rotated.id && d.days === -10)).toBe(true);
  });
});

describe('imported API keys', () => {
  it('get their service from a recognised format when the file names none', async () => {
    const v = await newVault();
    const line = (cells: Record<string, string>): string => KEYSTASH_CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
    const csv = [
      KEYSTASH_CSV_COLUMNS.join(','),
      line({ type: 'api_key', title: 'CI token', secret: `ghp_${rep(A, 36)}` }),
      line({ type: 'api_key', title: 'Named', service: 'Internal', secret: `npm_${rep(A, 36)}` }),
      line({ type: 'api_key', title: 'Unknown', secret: 'just-a-secret' }),
    ].join('\n');
    const r = await runImport(v, loadFile(Buffer.from(csv, 'utf8')));
    expect(r.imported).toBe(3);
    const service = (title: string): string => v.items.withSecrets(v.items.resolve(title)).service;
    expect(service('CI token')).toBe('GitHub');
    expect(service('Named')).toBe('Internal');
    expect(service('Unknown')).toBe('');
  });
});
