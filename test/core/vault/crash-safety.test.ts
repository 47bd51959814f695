// Crash safety: a child process unlocks the vault and adds items in a loop, printing each id
// only after create() has returned. We SIGKILL it at varied moments (during unlock, right
// after it, in the middle of the write loop), then reopen the vault and check that it opens
// cleanly and that every acknowledged item is there with exactly the values that were written.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/data';
import { expectedItem } from '../fixtures/vault-writer';
import { newVault, openVault, PASSWORD, withRaw } from '../fixtures/vault-helpers';

const WRITER = path.join(__dirname, '..', 'fixtures', 'vault-writer.ts');
/** Total kills across the suite; two lanes (two vault files) run side by side. */
const KILLS = 52;
const LANES = 2;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

type Moment = 'during-unlock' | 'after-unlock' | 'mid-write';
const MOMENTS: Moment[] = ['during-unlock', 'after-unlock', 'mid-write', 'mid-write'];

interface Ack {
  tag: string;
  i: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the writer once and kills it at the chosen moment; returns the acknowledged items. */
async function runAndKill(file: string, tag: string, moment: Moment, rand: () => number): Promise<Map<string, Ack>> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, PASSWORD, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks = new Map<string, Ack>();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const wantAcks = 1 + Math.floor(rand() * 25);
  const killed = new Promise<void>((resolve) => {
    let armed = false;
    const kill = (delayMs: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, delayMs);
    };
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const [word, index, id] = line.split(' ');
      if (word === 'ack' && id) acks.set(id, { tag, i: Number(index) });
      // Argon2 at the floor settings takes a few tens of ms, so 0–60 ms lands inside unlock or just after it.
      if (moment === 'during-unlock' && line === 'unlocking') kill(Math.floor(rand() * 60));
      if (moment === 'after-unlock' && line === 'unlocked') kill(Math.floor(rand() * 15));
      if (moment === 'mid-write' && acks.size >= wantAcks) kill(Math.floor(rand() * 3));
    });
    lines.on('close', () => resolve());
  });
  await killed;
  const code = await exited;
  if (code !== null && code !== 0) throw new Error(`writer failed before the kill: ${stderr}`);
  // The pipe may still hold acks written just before the kill.
  await sleep(5);
  return acks;
}

async function verify(file: string, acked: Map<string, Ack>, context: string): Promise<void> {
  withRaw(file, (db) => expect(db.pragma('quick_check', { simple: true }), context).toBe('ok'));
  const v = openVault(file);
  const report = await v.unlock(PASSWORD);
  expect(report.damagedItemIds, context).toEqual([]);
  const listed = new Set(v.items.list().map((s) => s.id));
  for (const [id, { tag, i }] of acked) {
    expect(listed.has(id), `${context}: acknowledged ${tag}#${i} missing from the list`).toBe(true);
    expect(v.items.withSecrets(id), `${context}: ${tag}#${i}`).toMatchObject(expectedItem(tag, i));
  }
  // Items written but not acknowledged (killed between commit and print) may exist; they must be intact too.
  for (const id of listed) {
    const item = v.items.withSecrets(id);
    const m = /^(\S+) item (\d+)$/.exec(item.title);
    expect(m, `${context}: unexpected title ${item.title}`).not.toBeNull();
    expect(item, context).toMatchObject(expectedItem(m?.[1] ?? '', Number(m?.[2])));
  }
  expect(v.history.firstBrokenLink(), context).toBeNull();
  v.close();
}

describe('crash safety', () => {
  it(`loses no acknowledged item across ${KILLS} SIGKILLs (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const v = await newVault();
        const file = v.file;
        v.close();
        return file;
      }),
    );
    const perLane = Math.ceil(KILLS / LANES);
    const counts = await Promise.all(
      lanes.map(async (file, lane) => {
        const rand = prng(SEED * 31 + lane);
        const acked = new Map<string, Ack>();
        const seen: Record<Moment, number> = { 'during-unlock': 0, 'after-unlock': 0, 'mid-write': 0 };
        for (let round = 0; round < perLane; round++) {
          const moment = MOMENTS[round % MOMENTS.length] as Moment;
          const tag = `L${lane}R${round}`;
          const acks = await runAndKill(file, tag, moment, rand);
          for (const [id, ack] of acks) acked.set(id, ack);
          seen[moment]++;
          await verify(file, acked, `seed ${SEED}, lane ${lane}, round ${round} (${moment})`);
        }
        return { acked: acked.size, seen };
      }),
    );
    const totalKills = counts.reduce((n, c) => n + Object.values(c.seen).reduce((a, b) => a + b, 0), 0);
    expect(totalKills).toBeGreaterThanOrEqual(50);
    expect(counts.reduce((n, c) => n + c.acked, 0)).toBeGreaterThan(100);
  });
});
