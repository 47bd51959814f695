// An attacker with write access to the file edits the header. Every edit must end in a clean
// `integrity` or `wrong-password` error with the vault still locked: never a crash, never a
// key. KDF settings outside the floor and cap are refused before Argon2 runs, even when the
// attacker recomputes the header digest.
import argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { caught, FAST_KDF, login, newVault, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';

interface HeaderRow {
  format_version: number;
  vault_id: string;
  salt: Buffer;
  kdf_memory_mib: number;
  kdf_iterations: number;
  kdf_parallelism: number;
  wrapped_key: Buffer;
  header_digest: Buffer;
}

/** The same canonical text vault-header.ts hashes; written out here so a change to it is noticed. */
function forgedDigest(h: HeaderRow): Buffer {
  const text = [
    'keystash-header',
    `format=${h.format_version}`,
    `vault=${h.vault_id}`,
    `salt=${Buffer.from(h.salt).toString('hex')}`,
    `m=${h.kdf_memory_mib}`,
    `t=${h.kdf_iterations}`,
    `p=${h.kdf_parallelism}`,
  ].join('|');
  return createHash('sha256').update(text).digest();
}

function editHeader(file: string, change: (h: HeaderRow) => Partial<HeaderRow>, opts: { recomputeDigest: boolean }): void {
  withRaw(file, (db: Database.Database) => {
    const row = db.prepare('SELECT * FROM header WHERE id = 1').get() as HeaderRow;
    const next: HeaderRow = { ...row, ...change(row) };
    if (opts.recomputeDigest && !('header_digest' in change(row))) next.header_digest = forgedDigest(next);
    db.prepare(
      `UPDATE header SET format_version = @format_version, vault_id = @vault_id, salt = @salt, kdf_memory_mib = @kdf_memory_mib,
       kdf_iterations = @kdf_iterations, kdf_parallelism = @kdf_parallelism, wrapped_key = @wrapped_key, header_digest = @header_digest WHERE id = 1`,
    ).run(next);
  });
}

const flip = (b: Buffer, at = 0): Buffer => {
  const c = Buffer.from(b);
  c[at] = (c[at] ?? 0) ^ 0x01;
  return c;
};

async function vaultFile(): Promise<string> {
  const v = await newVault();
  v.items.create(login('GitHub', { password: 'must-stay-hidden' }));
  const file = v.file;
  v.close();
  return file;
}

afterEach(() => vi.restoreAllMocks());

const EDITS: [string, (h: HeaderRow) => Partial<HeaderRow>][] = [
  // Turned back to format 1, which would skip the manifest: the key wrap refuses it.
  ['format_version', (h) => ({ format_version: h.format_version - 1 })],
  ['vault_id', (h) => ({ vault_id: `${h.vault_id.slice(0, -1)}${h.vault_id.endsWith('0') ? '1' : '0'}` })],
  ['salt', (h) => ({ salt: flip(h.salt, 3) })],
  ['salt length', (h) => ({ salt: Buffer.concat([h.salt, Buffer.from([0])]) })],
  ['kdf_memory_mib (in range)', (h) => ({ kdf_memory_mib: h.kdf_memory_mib + 1 })],
  ['kdf_iterations (in range)', (h) => ({ kdf_iterations: h.kdf_iterations + 1 })],
  ['kdf_parallelism (in range)', (h) => ({ kdf_parallelism: h.kdf_parallelism + 1 })],
  ['wrapped_key', (h) => ({ wrapped_key: flip(h.wrapped_key, 30) })],
  ['wrapped_key truncated', (h) => ({ wrapped_key: h.wrapped_key.subarray(0, 20) })],
];

describe('header tampering', () => {
  for (const recomputeDigest of [false, true]) {
    for (const [field, change] of EDITS) {
      it(`${field}${recomputeDigest ? ' with a recomputed digest' : ''} → clean refusal, still locked`, async () => {
        const file = await vaultFile();
        editHeader(file, change, { recomputeDigest });
        const v = openVault(file);
        const err = await caught(() => v.unlock(PASSWORD));
        expect(['integrity', 'wrong-password']).toContain(err.code);
        // The digest covers everything but the wrapped key, so naive edits get the precise message.
        if (!recomputeDigest && !field.startsWith('wrapped_key')) expect(err.code).toBe('integrity');
        expect(v.isUnlocked).toBe(false);
        expect((await caught(() => v.items.list())).code).toBe('locked');
      });
    }
  }

  it('header_digest flipped → integrity', async () => {
    const file = await vaultFile();
    editHeader(file, (h) => ({ header_digest: flip(h.header_digest, 5) }), { recomputeDigest: false });
    const v = openVault(file);
    expect((await caught(() => v.unlock(PASSWORD))).code).toBe('integrity');
    expect(v.isUnlocked).toBe(false);
  });

  it('a deleted header row → integrity', async () => {
    const file = await vaultFile();
    withRaw(file, (db) => db.prepare('DELETE FROM header').run());
    const v = openVault(file);
    expect((await caught(() => v.unlock(PASSWORD))).code).toBe('integrity');
  });

  it('an untouched header still unlocks (the tampering helper itself is faithful)', async () => {
    const file = await vaultFile();
    editHeader(file, () => ({}), { recomputeDigest: true });
    const v = openVault(file);
    await v.unlock(PASSWORD);
    expect(v.items.list().map((s) => s.title)).toEqual(['GitHub']);
  });
});

describe('KDF floor and cap', () => {
  const OUTSIDE: [string, Partial<HeaderRow>][] = [
    ['m below 19 MiB', { kdf_memory_mib: 8 }],
    ['t below 2', { kdf_iterations: 1 }],
    ['p below 1', { kdf_parallelism: 0 }],
    ['m above 1 GiB', { kdf_memory_mib: 4096 }],
    ['t above 10', { kdf_iterations: 50 }],
    ['p above 16', { kdf_parallelism: 64 }],
  ];
  for (const [label, change] of OUTSIDE) {
    it(`${label} with a forged digest is refused before Argon2 runs`, async () => {
      const file = await vaultFile();
      editHeader(file, () => change, { recomputeDigest: true });
      const hash = vi.spyOn(argon2, 'hash');
      const v = openVault(file);
      const err = await caught(() => v.unlock(PASSWORD));
      expect(err.code).toBe('integrity');
      expect(err.message).toMatch(/key-derivation/);
      expect(hash).not.toHaveBeenCalled();
      expect(v.isUnlocked).toBe(false);
    });
  }

  it('the spy does see Argon2 on a normal unlock', async () => {
    const file = await vaultFile();
    const hash = vi.spyOn(argon2, 'hash');
    const v = openVault(file);
    await v.unlock(PASSWORD);
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it('Vault.create and changePassword refuse the same settings with invalid-input', async () => {
    const v = await newVault();
    for (const kdf of [
      { ...FAST_KDF, memoryMiB: 18 },
      { ...FAST_KDF, iterations: 1 },
      { ...FAST_KDF, memoryMiB: 1025 },
      { ...FAST_KDF, iterations: 11 },
      { ...FAST_KDF, parallelism: 17 },
    ]) {
      expect((await caught(() => v.masterPassword.change(PASSWORD, PASSWORD, kdf))).code).toBe('invalid-input');
    }
    expect(v.kdfParams()).toEqual(FAST_KDF);
  });
});
