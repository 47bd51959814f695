// The health check with zxcvbn in worker threads (score-pool.ts, as the app runs it): the
// findings are the same as scoring in this thread with zxcvbn's own matcher, progress reaches
// the end, every thread scores as zxcvbn does here (the second with the dictionary tries the
// first built), and closing the pool (what lock does) stops a check in flight and ends the threads.
import { afterEach, describe, expect, it } from 'vitest';
import { computeHealth } from '../../../electron/core/health';
import { ScoreWorkerPool } from '../../../electron/core/health/score-pool';
import { KeystashError } from '../../../electron/core/errors';
import { strengthScore } from '../../../electron/core/generator/strength';
import { HEALTH_WORKER_SOURCE } from '../../support/test-services';
import { apiKey, login, newVault } from '../fixtures/vault-helpers';

const pools: ScoreWorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

function pool(): ScoreWorkerPool {
  const p = new ScoreWorkerPool(HEALTH_WORKER_SOURCE);
  pools.push(p);
  return p;
}

// Weak and strong, l33t, reversed, keyboard walks, dates, repeats, sequences, user inputs.
const PASSWORDS = [
  'password1', 'P@ssw0rd!', 'drowssap', 'qwertyuiop', 'zaq12wsx', '19840512', 'aaaaaaaa', 'abcdef123',
  'correcthorsebatterystaple', 'Tr0ub4dor&3', 'alice.wonder', 'alice.wonder1984', 'onetwothree', 'iloveyou!',
  'Vq7#mZ2!pL9@xR4$tK8^', 'tundra-Velvet-42-orbit', 'constructor', 'toString1', '', 'hunter2', 'hunter2',
  'MMQsSD6NeTK5dmucsAIQ', '653630a0ba1f65d5A!', 'summer2024', 'Summer2024!', 'j3nn1f3r', '1q2w3e4r5t',
];

async function fixtureVault() {
  const now = Date.parse('2025-01-01T09:00:00Z');
  const v = await newVault({ now: () => now });
  PASSWORDS.forEach((password, i) => v.items.create(login(`Site ${i % 7}`, { username: i % 3 === 0 ? 'alice.wonder' : `user${i}`, password })));
  v.items.create(apiKey('Stripe', { secret: 'sk_live_same' }));
  return { v, now };
}

describe('health check in worker threads', () => {
  it('finds exactly what the in-thread check finds, reporting progress to the end', async () => {
    const { v, now } = await fixtureVault();
    // Both checks read the list as one unlock loaded it: items with the same title are listed in
    // the order the index buckets hold them, which need not be the order they were added in.
    v.lock();
    await v.unlock('correct horse battery staple');
    const here = await computeHealth(v, { now });
    const steps: [number, number][] = [];
    const there = await computeHealth(v, { now, scorer: pool(), onProgress: (d, t) => steps.push([d, t]) });
    expect(there).toEqual(here);
    expect(here.counts.weak).toBeGreaterThan(10);
    const [done, total] = steps.at(-1) ?? [0, 0];
    expect(done).toBe(total);
    expect(steps.every(([d], i) => i === 0 || d >= (steps[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('scores in every thread as zxcvbn does here, the second thread with the tries the first built', async () => {
    const p = new ScoreWorkerPool(HEALTH_WORKER_SOURCE, 2);
    pools.push(p);
    p.warm();
    // Enough batches for both threads, in the shapes the health bench scores.
    const jobs = Array.from({ length: 320 }, (_, i) => ({ password: `${PASSWORDS[i % PASSWORDS.length] ?? ''}${i % 4 === 0 ? '' : String(i)}`, context: [`user${i}`, `Site ${i % 7}`] }));
    const there = await p.score(jobs, () => undefined);
    expect(p.running).toBe(2);
    expect(there).toEqual(jobs.map((j) => strengthScore(j.password, j.context)));
  });

  it('stops a check in flight when closed (lock), ending its threads', async () => {
    const { v, now } = await fixtureVault();
    for (let i = 0; i < 300; i++) v.items.create(login(`More ${i}`, { password: `Zq${i}-random-${(i * 7919) % 1000}-Tail!` }));
    const p = pool();
    const running = computeHealth(v, { now, scorer: p }).then(() => null, (e: unknown) => e);
    // Close as soon as the threads have work (the first batch goes out while items are read).
    for (let waited = 0; p.running === 0 && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(p.running).toBeGreaterThan(0);
    p.close();
    v.lock();
    const error = await running;
    expect(error).toBeInstanceOf(KeystashError);
    expect((error as KeystashError).code).toBe('locked');
    expect(p.running).toBe(0);
  });
});
