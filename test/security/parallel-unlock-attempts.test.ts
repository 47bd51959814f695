// Attack: parallel attempts. After the free attempts were used, 8 processes guessed at once and
// all 8 ran Argon2: the delay was checked before the attempt was recorded, so each saw the
// same, expired delay. Now the check and the record are one write transaction before the key
// derivation, so the processes queue on SQLite's write lock and each sees the attempts before
// it. Runs real processes (test/security/fixtures/unlock-guesser.ts) against a real vault file
// with real SQLite and Argon2 at FAST_KDF, under the default throttle (3 free attempts, then 1 s).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../../electron/core/vault/unlock-throttle';
import { newVault, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';
import type { GuessResult } from './fixtures/unlock-guesser';

const GUESSER = path.join(__dirname, 'fixtures', 'unlock-guesser.ts');
const PROCESSES = 8;

/** A guessing process: `ready` once it has the vault open; `next()` is its next result. */
class Guesser {
  readonly child: ChildProcessWithoutNullStreams;
  readonly ready: Promise<void>;
  private lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private stderr = '';

  constructor(file: string, password: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', GUESSER, file, password], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8').on('data', (c: string) => (this.stderr += c));
    let buffer = '';
    this.child.stdout.setEncoding('utf8').on('data', (c: string) => {
      buffer += c;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) this.push(line);
    });
    this.ready = this.line().then((l) => {
      if (l !== 'ready') throw new Error(`guesser said ${l}: ${this.stderr}`);
    });
    this.child.on('close', (code) => this.push(`exit ${code}: ${this.stderr}`));
  }

  async guess(): Promise<GuessResult> {
    const line = await this.line();
    if (!line.startsWith('{')) throw new Error(`guesser failed: ${line}`);
    return JSON.parse(line) as GuessResult;
  }

  private push(line: string): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(line);
    } else this.lines.push(line);
  }

  private line(): Promise<string> {
    const next = this.lines.shift();
    if (next !== undefined) return Promise.resolve(next);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

let guessers: Guesser[] = [];

afterEach(() => {
  for (const g of guessers) g.child.stdin.end();
  guessers = [];
});

/** Releases every guesser at once (they all have the vault open already) and collects the results. */
async function guessTogether(): Promise<GuessResult[]> {
  const results = guessers.map((g) => g.guess());
  for (const g of guessers) g.child.stdin.write('go\n');
  return Promise.all(results);
}

function count(results: GuessResult[], outcome: string): number {
  return results.filter((r) => r.outcome === outcome).length;
}

function recordedAttempts(file: string): number {
  return withRaw(file, (db) => (db.prepare('SELECT COUNT(*) AS n FROM unlock_failures').get() as { n: number }).n);
}

function pastTheDelay(): Promise<void> {
  return new Promise((r) => setTimeout(r, DEFAULT_THROTTLE.baseDelayMs + 100));
}

describe('attack: parallel attempts', () => {
  it('8 processes guessing at once: only the free attempts run Argon2, then only 1 per delay; the rest are refused at once', async () => {
    const v = await newVault();
    const file = v.file;
    v.close();
    guessers = Array.from({ length: PROCESSES }, () => new Guesser(file, 'a wrong guess'));
    await Promise.all(guessers.map((g) => g.ready));

    // A fresh vault: the 3 free attempts run; the others see them recorded and are refused.
    const first = await guessTogether();
    expect(count(first, 'wrong-password')).toBe(DEFAULT_THROTTLE.freeAttempts);
    expect(count(first, 'rate-limited')).toBe(PROCESSES - DEFAULT_THROTTLE.freeAttempts);
    expect(recordedAttempts(file)).toBe(DEFAULT_THROTTLE.freeAttempts);

    // The finding: once the delay after the free attempts has passed, 8 at once all ran Argon2.
    await pastTheDelay();
    const second = await guessTogether();
    expect(count(second, 'wrong-password')).toBe(1);
    expect(count(second, 'rate-limited')).toBe(PROCESSES - 1);
    // Refused without a key derivation: each refusal is quicker than the attempt that ran one.
    const kdfMs = Math.min(...second.filter((r) => r.outcome === 'wrong-password').map((r) => r.ms));
    for (const r of second.filter((x) => x.outcome === 'rate-limited')) expect(r.ms).toBeLessThan(kdfMs);
    expect(recordedAttempts(file)).toBe(DEFAULT_THROTTLE.freeAttempts + 1);

    // The owner is told about exactly the attempts that ran, and nothing was removed.
    await new Promise((r) => setTimeout(r, 2 * DEFAULT_THROTTLE.baseDelayMs + 100));
    const owner = openVault(file);
    const report = await owner.unlock(PASSWORD);
    expect(report.failedAttempts).toHaveLength(DEFAULT_THROTTLE.freeAttempts + 1);
    expect(report.removedFailedAttempts).toBeUndefined();
    owner.close();
  });
});
