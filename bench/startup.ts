// `npm run bench` part `startup`: whole-process wall times of the real `keystash` launcher
// (bin/keystash.cjs, the built bundle) against `node -e 0`, and `search` on a 10,000-item vault
// at the default KDF against `keepassxc-cli search` on a 10,000-entry KDBX at the same Argon2id
// cost (64 MiB, 3 passes, 4 lanes); and `search` through the unlock-once agent, by the quick
// client (the launcher as people run it) and by the full client (the bundle itself). Each
// figure is the median of several fresh processes, wall time and (on Linux) CPU time of the
// process; for the agent also the agent's own CPU per request. The machine may be shared:
// the ratios to `node -e 0`, measured in the same run, are the figures to compare.
// The cheap processes (node -e 0, --help, --version, the agent searches) are timed in turns,
// round after round, so that each sees the same load. Prints one JSON object on stdout.
import argon2 from 'argon2';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as kdbxweb from 'kdbxweb';
import { DEFAULT_KDF } from '../shared/domain';
import { Vault } from '../electron/core/vault';
import { makeItem, prng } from './data';

const N = 10_000;
const PASSWORD = 'benchmark master password';
const QUERY = 'github';
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 9);
/** Runs for the cheap processes (node -e 0, the agent searches), whose spread is widest. */
const MANY = Number(process.env.BENCH_STARTUP_MANY ?? 25);
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'keystash.cjs');

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.floor(s.length / 2)] ?? Number.NaN) * 10) / 10;
}

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every common build). */
const TICK_MS = 10;

/** User + system CPU ms of a process (`self`: the children this process waited for); null off Linux. */
function cpuMs(pid: number | 'self', children = false): number | null {
  try {
    // Fields after the command name: utime stime cutime cstime are 14-17 of the whole line.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    const [u, s] = children ? [f[13], f[14]] : [f[11], f[12]];
    return ((u ?? 0) + (s ?? 0)) * TICK_MS;
  } catch {
    return null;
  }
}

/** Wall and CPU time of one whole process, from spawn to exit, in ms; fails loudly on a non-zero exit. */
function timeProcess(cmd: string, args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): { wall: number; cpu: number | null } {
  const cpu0 = cpuMs('self', true);
  const t = performance.now();
  const r = spawnSync(cmd, args, { input: opts.stdin ?? '', env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t;
  const cpu1 = cpuMs('self', true);
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

interface Sample {
  median_ms: number;
  /** Median CPU time (user + system) of the process, 10 ms resolution; null off Linux. */
  cpu_median_ms: number | null;
  samples_ms: number[];
}

interface Run {
  cmd: string;
  args: string[];
  opts?: { stdin?: string; env?: NodeJS.ProcessEnv };
}

function summary(timed: { wall: number; cpu: number | null }[]): Sample {
  const cpu = timed.map((r) => r.cpu);
  return {
    median_ms: median(timed.map((r) => r.wall)),
    cpu_median_ms: cpu.every((c): c is number => c !== null) ? median(cpu) : null,
    samples_ms: timed.map((r) => Math.round(r.wall * 10) / 10),
  };
}

function sample(cmd: string, args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}, runs = RUNS): Sample {
  timeProcess(cmd, args, opts); // warm the file cache
  return summary(Array.from({ length: runs }, () => timeProcess(cmd, args, opts)));
}

/**
 * Several processes timed in turn, round after round, so each sees the same machine: on a
 * shared machine the load changes within seconds, and one-after-the-other medians compare
 * different loads.
 */
function interleaved<K extends string>(runs: Record<K, Run>, rounds: number): Record<K, Sample> {
  const keys = Object.keys(runs) as K[];
  for (const k of keys) timeProcess(runs[k].cmd, runs[k].args, runs[k].opts); // warm the file cache
  const timed = Object.fromEntries(keys.map((k) => [k, [] as { wall: number; cpu: number | null }[]])) as Record<K, { wall: number; cpu: number | null }[]>;
  for (let i = 0; i < rounds; i++) for (const k of keys) timed[k].push(timeProcess(runs[k].cmd, runs[k].args, runs[k].opts));
  return Object.fromEntries(keys.map((k) => [k, summary(timed[k])])) as Record<K, Sample>;
}

async function buildVault(file: string): Promise<void> {
  const r = prng(N);
  const vault = await Vault.create(file, PASSWORD, { kdf: DEFAULT_KDF });
  for (let done = 0; done < N; done += 5_000) vault.items.createMany(Array.from({ length: 5_000 }, (_, i) => makeItem(r, done + i)), 'benchmark');
  vault.close();
}

/** The same items as a KDBX 4 database, Argon2id at Keystash's default cost. */
async function buildKdbx(file: string): Promise<void> {
  kdbxweb.CryptoEngine.setArgon2Impl((password, salt, memory, iterations, length, parallelism, type, version) =>
    argon2
      .hash(Buffer.from(password), { raw: true, salt: Buffer.from(salt), memoryCost: memory, timeCost: iterations, hashLength: length, parallelism, type: type as 0 | 1 | 2, version })
      .then((h) => h.buffer.slice(h.byteOffset, h.byteOffset + h.byteLength) as ArrayBuffer),
  );
  const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(PASSWORD)), 'bench');
  db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const params = db.header.kdfParameters;
  if (!params) throw new Error('kdbxweb made no KDF parameters');
  params.set('M', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(DEFAULT_KDF.memoryMiB * 1024 * 1024));
  params.set('I', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(DEFAULT_KDF.iterations));
  params.set('P', kdbxweb.VarDictionary.ValueType.UInt32, DEFAULT_KDF.parallelism);
  const group = db.getDefaultGroup();
  const r = prng(N);
  for (let i = 0; i < N; i++) {
    const item = makeItem(r, i);
    const entry = db.createEntry(group);
    entry.fields.set('Title', item.title ?? '');
    entry.fields.set('UserName', item.username ?? '');
    entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(item.password ?? item.secret ?? ''));
    entry.fields.set('URL', item.urls?.[0] ?? '');
    entry.fields.set('Notes', item.notes ?? '');
  }
  fs.writeFileSync(file, Buffer.from(await db.save()));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-bench-startup-'));
  // The agent's socket lives in a private runtime dir of its own, away from the person's agent.
  const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-bench-run-'));
  const env = { ...process.env, XDG_RUNTIME_DIR: runtime, HOME: dir };
  const noAgent = { ...env, KEYSTASH_NO_AGENT: '1' };
  try {
    const vault = path.join(dir, 'vault.keystash');
    const kdbx = path.join(dir, 'vault.kdbx');
    log(`startup: building a ${N.toLocaleString('en')}-item vault and KDBX at the default KDF...`);
    await buildVault(vault);
    await buildKdbx(kdbx);

    log('startup: timing processes...');
    const pw = `${PASSWORD}\n`;
    const search = sample(process.execPath, [BIN, '--vault', vault, '--password-stdin', 'search', QUERY], { stdin: pw, env: noAgent }, 5);
    const keepassxc = sample('keepassxc-cli', ['search', '-q', kdbx, QUERY], { stdin: pw }, 5);

    const unlocked = spawnSync(process.execPath, [BIN, '--vault', vault, '--password-stdin', 'unlock', '--timeout', '10m'], { input: pw, env, encoding: 'utf8' });
    const agentPid = Number(/agent pid (\d+)/.exec(unlocked.stderr)?.[1]);
    if (unlocked.status !== 0 || !Number.isFinite(agentPid)) throw new Error(`unlock failed: ${unlocked.stderr}`);
    let timed: Record<'node' | 'help' | 'version' | 'agentSearch' | 'fullClientSearch', Sample>;
    let agentCpuPerSearch: number | null = null;
    try {
      const before = cpuMs(agentPid);
      timed = interleaved(
        {
          node: { cmd: process.execPath, args: ['-e', '0'] },
          help: { cmd: process.execPath, args: [BIN, '--help'], opts: { env } },
          version: { cmd: process.execPath, args: [BIN, '--version'], opts: { env } },
          // Through the agent: the launcher as people run it (the quick client), and the bundle
          // run directly (the full client, as before the quick client existed).
          agentSearch: { cmd: process.execPath, args: [BIN, '--vault', vault, 'search', QUERY], opts: { env } },
          fullClientSearch: { cmd: process.execPath, args: [path.join(ROOT, 'out', 'cli', 'keystash.mjs'), '--vault', vault, 'search', QUERY], opts: { env } },
        },
        MANY,
      );
      const after = cpuMs(agentPid);
      if (before !== null && after !== null) agentCpuPerSearch = Math.round((after - before) / (2 * (MANY + 1)));
    } finally {
      timeProcess(process.execPath, [BIN, '--vault', vault, 'lock'], { env });
    }
    const { node, help, version, agentSearch, fullClientSearch } = timed;
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const result = {
      items: N,
      kdf: DEFAULT_KDF,
      node_e0: node,
      help,
      version,
      search_no_agent: search,
      keepassxc_cli_search: keepassxc,
      search_via_agent: agentSearch,
      search_via_agent_full_client: fullClientSearch,
      /** The agent's CPU per search, quick and full clients together (it runs the search; a client only relays). */
      agent_cpu_per_search_ms: agentCpuPerSearch,
      load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
      ratios: {
        help_vs_node: ratio(help.median_ms, node.median_ms),
        version_vs_node: ratio(version.median_ms, node.median_ms),
        search_vs_keepassxc: ratio(search.median_ms, keepassxc.median_ms),
        search_via_agent_vs_node: ratio(agentSearch.median_ms, node.median_ms),
        search_via_agent_full_client_vs_node: ratio(fullClientSearch.median_ms, node.median_ms),
        ...(agentSearch.cpu_median_ms !== null && node.cpu_median_ms ? { search_via_agent_cpu_vs_node_cpu: ratio(agentSearch.cpu_median_ms, node.cpu_median_ms) } : {}),
      },
      // What keystash adds to a bare Node start: on a loaded machine Node's own start-up
      // dominates every whole-process figure.
      over_node_ms: {
        help: Math.round(help.median_ms - node.median_ms),
        search_via_agent: Math.round(agentSearch.median_ms - node.median_ms),
        search_via_agent_full_client: Math.round(fullClientSearch.median_ms - node.median_ms),
      },
      targets: { help_vs_node: 2, version_vs_node: 2, search_vs_keepassxc: 0.5, search_via_agent_ms: 100 },
    };
    const missed = [
      ...(['help_vs_node', 'version_vs_node', 'search_vs_keepassxc'] as const).filter((k) => result.ratios[k] > result.targets[k]),
      ...(agentSearch.median_ms > result.targets.search_via_agent_ms ? ['search_via_agent_ms'] : []),
    ];
    process.stdout.write(`${JSON.stringify({ startup: { ...result, targets_missed: missed } })}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(runtime, { recursive: true, force: true });
  }
}

void main();
