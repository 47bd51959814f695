// One benchmark step in its own process, so each vault size starts from a clean heap:
//   build <file> <n>    creates a vault of n generated items (low KDF, createMany in batches)
//   measure <file> <n>  unlocks it, times search and single adds, reports RSS; prints one JSON line
//   unlock <file> <n>        one more unlock sample (unlock_ms is the median of three)
//   unlock-noble <file> <n>  the same with @noble/ciphers alone, as in the desktop app, after the
//                            unlock rehearsal the app runs while its lock screen waits
//   unlock-noble-cold <file> <n>  the same without the rehearsal (a process's first unlock, cold)
import argon2 from 'argon2';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { DEFAULT_KDF, type KdfParams } from '../shared/domain';
import { LIST_WINDOW_ROWS } from '../shared/item-views';
import { Vault } from '../electron/core/vault';
import { UnlockRehearsal } from '../electron/core/vault/unlock-rehearsal';
import { makeItem, makeQueries, prng } from './data';

const BUILD_KDF: KdfParams = { memoryMiB: 19, iterations: 2, parallelism: 1 };
export const BENCH_PASSWORD = 'benchmark master password';
const BATCH = 5_000;
/** The pause between the unlock rehearsal's end and the unlock (see unlockOnly). */
const TYPING_MS = 200;
const ADDS = 30;

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const round = (x: number): number => Math.round(x * 100) / 100;

async function build(file: string, n: number): Promise<void> {
  const r = prng(n);
  const vault = await Vault.create(file, BENCH_PASSWORD, { kdf: BUILD_KDF });
  for (let done = 0; done < n; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - done) }, (_, i) => makeItem(r, done + i));
    vault.items.createMany(batch, 'benchmark');
    log(`  built ${Math.min(n, done + BATCH)}/${n}`);
  }
  vault.close();
}

/** Process CPU time (all threads) in ms: less distorted than wall time on a busy machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Wraps argon2.hash so the unlock timing can subtract exactly the KDF part of that same call,
 * in wall time and in CPU time (the main thread idles while Argon2 runs on the thread pool).
 */
function timeArgon2(): { wall: () => number; cpu: () => number } {
  let wall = 0;
  let cpu = 0;
  const lib = argon2 as unknown as { hash: (...a: unknown[]) => Promise<unknown> };
  const original = lib.hash.bind(argon2);
  lib.hash = async (...a: unknown[]) => {
    const t = performance.now();
    const c = cpuMs();
    try {
      return await original(...a);
    } finally {
      wall += performance.now() - t;
      cpu += cpuMs() - c;
    }
  };
  return { wall: () => wall, cpu: () => cpu };
}

/**
 * Collects the garbage of loading this script through tsx (TypeScript compiled on the fly)
 * before timing, so unlock does not pay for it; the bundled CLI and app load far less.
 */
function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The vault's own Argon2 settings, timed on their own: each the first key derivation of a fresh
 * process (best of three), as the unlock's own is. Unlock reads ahead while Argon2 runs, and a
 * busy main thread delays the KDF's completion callback; subtracting this instead of the KDF's
 * in-call wall time counts any read-ahead that did not fit as unlock time. Not timed in this
 * process: after a few derivations here Argon2 reuses memory that a process's first one must
 * touch page by page (24–28 ms against ~100 ms on the bench machine), and subtracting that would
 * count most of the KDF's own memory as unlock time.
 */
function kdfAloneMs(file: string): number {
  const times = [1, 2, 3].map(() => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, 'kdf', file, '0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { kdf_ms?: number };
    if (r.status !== 0 || typeof out.kdf_ms !== 'number') throw new Error(`timing the KDF on its own failed with status ${r.status}`);
    return out.kdf_ms;
  });
  return Math.min(...times);
}

/** One key derivation at the vault's settings, the first of this process. */
async function kdfOnce(file: string): Promise<void> {
  const vault = Vault.open(file);
  const params = vault.kdfParams();
  vault.close();
  process.stdout.write(`${JSON.stringify({ kdf_ms: round(await Vault.measureKdf(params)) })}\n`);
}

async function measure(file: string, n: number): Promise<void> {
  const kdfTimer = timeArgon2();
  const vault = Vault.open(file);
  const queries = makeQueries(prng(42));

  const loadavg = os.loadavg()[0] ?? 0;
  settleHeap();
  const t0 = performance.now();
  const c0 = cpuMs();
  const report = await vault.unlock(BENCH_PASSWORD);
  const firstHits = vault.items.list({ text: queries[0] }).length; // search is ready once this answers
  const unlockTotal = performance.now() - t0;
  const unlockCpu = cpuMs() - c0 - kdfTimer.cpu();
  const kdfInUnlock = kdfTimer.wall();
  if (report.damagedItemIds.length > 0) throw new Error('damaged items in benchmark vault');

  // Warm up once, then time every query.
  for (const q of queries.slice(0, 20)) vault.items.list({ text: q });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let hits = firstHits;
  for (const q of queries) {
    const t = performance.now();
    const c = cpuMs();
    hits += vault.items.list({ text: q }).length;
    cpuTimes.push(cpuMs() - c);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const rssMb = process.memoryUsage().rss / (1024 * 1024);

  const r = prng(n + 1);
  const adds: number[] = [];
  for (let i = 0; i < ADDS; i++) {
    const input = makeItem(r, n + i);
    const t = performance.now();
    vault.items.create(input);
    adds.push(performance.now() - t);
  }
  adds.sort((a, b) => a - b);
  const count = vault.items.counts();
  vault.close();

  const kdfMs = await Vault.measureKdf(DEFAULT_KDF);
  const kdfAlone = kdfAloneMs(file);
  const out = {
    items: n,
    kdf_ms: round(kdfMs),
    kdf_params: DEFAULT_KDF,
    unlock_ms: round(unlockTotal - Math.min(kdfInUnlock, kdfAlone)),
    unlock_total_ms: round(unlockTotal),
    unlock_kdf_ms: round(kdfInUnlock),
    unlock_kdf_alone_ms: round(kdfAlone),
    unlock_cpu_ms: round(unlockCpu),
    search_p50_ms: round(percentile(times, 50)),
    search_p95_ms: round(percentile(times, 95)),
    search_max_ms: round(percentile(times, 100)),
    search_cpu_p50_ms: round(percentile(cpuTimes, 50)),
    search_cpu_p95_ms: round(percentile(cpuTimes, 95)),
    search_queries: times.length,
    search_hits: hits,
    add_item_ms: round(percentile(adds, 50)),
    add_item_samples: adds.length,
    rss_mb: round(rssMb),
    items_after: count.all + count.trash,
    loadavg_1m: round(loadavg),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/**
 * One more unlock sample (plus the first search), in a fresh process: unlock_ms is their median.
 * `rehearse`: first run the unlock rehearsal to its end, as the app does while its lock screen
 * waits for the master password (core/vault/unlock-rehearsal.ts).
 */
async function unlockOnly(file: string, n: number, noble: boolean, rehearse = false): Promise<void> {
  if (noble) {
    // As the desktop app runs it: Electron's BoringSSL has no ChaCha20-Poly1305, so the app
    // decrypts with @noble/ciphers alone. Hiding the cipher from this process (before its first
    // seal or open) makes crypto.ts fall back exactly as it does there.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the patch must land on the CommonJS module object that cipher.ts reads; an ESM namespace is read-only
    const nodeCrypto = require('node:crypto') as { getCiphers: () => string[] };
    const all = nodeCrypto.getCiphers();
    nodeCrypto.getCiphers = () => all.filter((c) => !c.includes('chacha20'));
  }
  const kdfTimer = timeArgon2();
  const vault = Vault.open(file);
  const rehearsal = rehearse ? await UnlockRehearsal.start().finished : null;
  if (rehearsal && rehearsal.state !== 'completed') throw new Error(`the unlock rehearsal did not complete: ${JSON.stringify(rehearsal)}`);
  // A person types the master password for a second or more after the lock screen shows; a
  // fifth of that lets V8's background threads finish what the rehearsal gave them.
  if (rehearsal) await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
  // Only the unlock's own key derivation is subtracted below, not the rehearsal's two.
  const kdfBefore = kdfTimer.wall();
  settleHeap();
  const faults0 = process.resourceUsage().minorPageFault;
  const t0 = performance.now();
  await vault.unlock(BENCH_PASSWORD);
  const query = makeQueries(prng(42))[0];
  // Search is ready once the first query answers. The desktop app asks for the first window of
  // rows, as its list does; the CLI prints every match.
  if (noble) vault.items.page({ text: query, limit: LIST_WINDOW_ROWS });
  else vault.items.list({ text: query });
  const total = performance.now() - t0;
  // Pages the process touched for the first time (Argon2's memory included): see run.ts page_first_touch_us.
  const faults = process.resourceUsage().minorPageFault - faults0;
  // What listing every match of that first query costs on top (each match's list item built):
  // the app's figure without the window would have been about the sum of the two.
  const t1 = performance.now();
  if (noble) vault.items.list({ text: query });
  const fullList = performance.now() - t1;
  vault.close();
  const kdfInCall = kdfTimer.wall() - kdfBefore;
  const kdfAlone = kdfAloneMs(file);
  const unlock = total - Math.min(kdfInCall, kdfAlone);
  const key = noble ? (rehearse ? 'unlock_noble' : 'unlock_noble_cold') : 'unlock';
  const extra = noble ? { unlock_noble_then_full_list_ms: round(fullList) } : {};
  const kdf = { [`${key}_kdf_in_call_ms`]: round(kdfInCall), [`${key}_kdf_alone_ms`]: round(kdfAlone) };
  process.stdout.write(`${JSON.stringify({ items: n, [`${key}_ms`]: round(unlock), [`${key}_page_faults`]: faults, ...kdf, ...extra })}\n`);
}

const MODES: Record<string, (file: string, n: number) => Promise<void>> = {
  build,
  kdf: (file) => kdfOnce(file),
  measure,
  unlock: (file, n) => unlockOnly(file, n, false),
  'unlock-noble': (file, n) => unlockOnly(file, n, true, true),
  'unlock-noble-cold': (file, n) => unlockOnly(file, n, true),
};
const [mode, file, nText] = process.argv.slice(2);
const n = Number(nText);
const run = mode ? MODES[mode] : undefined;
if (!file || !Number.isInteger(n) || !run) {
  log('usage: size-worker.ts build|measure|unlock|unlock-noble|unlock-noble-cold <file> <n>');
  process.exit(2);
}
run(file, n).catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
