// TOTP codes against the RFC 6238 appendix B vectors, the accepted value shapes, and the
// check that refuses a malformed secret when an item is saved.
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { parseTotp, totpCode, totpProblem } from '../../../electron/core/items/totp';
import { caught, login, newVault } from '../fixtures/vault-helpers';

// RFC 6238 seeds: the ASCII digits repeated to 20, 32 and 64 bytes.
const SEEDS = {
  SHA1: Secret.fromLatin1('12345678901234567890').base32,
  SHA256: Secret.fromLatin1('12345678901234567890123456789012').base32,
  SHA512: Secret.fromLatin1('1234567890123456789012345678901234567890123456789012345678901234').base32,
};

// RFC 6238 appendix B: time (s) → 8-digit code per algorithm.
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP codes', () => {
  it('match every RFC 6238 test vector (SHA1, SHA256, SHA512, 8 digits)', () => {
    for (const [t, sha1, sha256, sha512] of VECTORS) {
      const at = t * 1000;
      expect(totpCode(`otpauth://totp/RFC?secret=${SEEDS.SHA1}&digits=8&algorithm=SHA1`, at).code).toBe(sha1);
      expect(totpCode(`otpauth://totp/RFC?secret=${SEEDS.SHA256}&digits=8&algorithm=SHA256`, at).code).toBe(sha256);
      expect(totpCode(`otpauth://totp/RFC?secret=${SEEDS.SHA512}&digits=8&algorithm=SHA512`, at).code).toBe(sha512);
    }
  });

  it('reads a bare base32 secret as SHA1, 6 digits, 30 s (spaces, case and padding ignored)', () => {
    expect(totpCode(SEEDS.SHA1, 59_000)).toEqual({ code: '287082', period: 30, digits: 6, expiresInMs: 1_000 });
    const spaced = SEEDS.SHA1.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(totpCode(`${spaced}==`, 1111111109_000).code).toBe('081804');
  });

  it('counts down to the end of the period', () => {
    const uri = `otpauth://totp/x?secret=${SEEDS.SHA1}&period=60`;
    expect(totpCode(uri, 60_000).expiresInMs).toBe(60_000);
    expect(totpCode(uri, 61_500).expiresInMs).toBe(58_500);
    expect(totpCode(uri, 119_999).expiresInMs).toBe(1);
    expect(totpCode(uri, 61_500).code).toBe(totpCode(uri, 119_999).code);
    expect(totpCode(uri, 120_000).code).not.toBe(totpCode(uri, 119_999).code);
  });

  it('keeps the issuer and label of a URI', () => {
    const cfg = parseTotp('otpauth://totp/ACME%20Co:jane@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&digits=7');
    expect(cfg).toMatchObject({ issuer: 'ACME Co', label: 'jane@example.com', digits: 7, algorithm: 'SHA1', period: 30 });
  });

  it('explains what is wrong with a malformed value', () => {
    const cases: [string, RegExp][] = [
      ['JBSWY3DP!HPK3PXP', /letters A–Z and the digits 2–7/],
      ['JBSWY3DP', /at least 16 characters/],
      [`otpauth://hotp/x?secret=${SEEDS.SHA1}&counter=1`, /only time-based/],
      ['otpauth://totp/x?issuer=A', /has no secret/],
      [`otpauth://totp/x?secret=${SEEDS.SHA1}&algorithm=MD5`, /algorithm|could not be read/],
      [`otpauth://totp/x?secret=${SEEDS.SHA1}&digits=5`, /6 to 8 digits/],
      [`otpauth://totp/x?secret=${SEEDS.SHA1}&digits=9`, /6 to 8 digits/],
      [`otpauth://totp/x?secret=${SEEDS.SHA1}&period=45`, /30 or 60 seconds/],
      ['otpauth://steam/x?secret=JBSWY3DPEHPK3PXP', /otpauth:\/\/totp\//],
    ];
    for (const [value, message] of cases) expect(totpProblem(value), value).toMatch(message);
    expect(totpProblem('')).toBeNull();
    expect(totpProblem('JBSWY3DPEHPK3PXP')).toBeNull();
  });
});

describe('TOTP on items', () => {
  it('refuses a malformed secret on create, update and import, and changes nothing', async () => {
    const v = await newVault();
    const bad = await caught(() => v.items.create(login('Mail', { totp: 'not a secret!' })));
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/one-time-password secret is not valid/);
    expect(v.items.list()).toHaveLength(0);

    const ok = v.items.create(login('Mail', { totp: 'JBSWY3DPEHPK3PXP' }));
    expect(ok.hasTotp).toBe(true);
    const upd = await caught(() => v.items.update(ok.id, { totp: `otpauth://totp/x?secret=${SEEDS.SHA1}&period=15` }));
    expect(upd.message).toMatch(/30 or 60 seconds/);
    expect(v.items.withSecrets(ok.id).totp).toBe('JBSWY3DPEHPK3PXP');

    const imp = await caught(() => v.items.createMany([login('A'), login('B', { totp: 'JBSWY3DP' })], 'test'));
    expect(imp.message).toMatch(/^Item 2: /);
    expect(v.items.list()).toHaveLength(1);
  });
});
