// `npm run bench` part `startup`: whole-process wall times of the real `keystash` launcher
// (bin/keystash.cjs, the built bundle) against `node -e 0`, and `search` on a 10,000-item vault
// at the default KDF against `keepassxc-cli search` on a 10,000-entry KDBX at the same Argon2id
// cost (64 MiB, 3 passes, 4 lanes); and `search` through the unlock-once agent. Each figure is
// the median of several fresh processes. Prints one JSON object on stdout.
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
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'keystash.cjs');

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.floor(s.length / 2)] ?? Number.NaN) * 10) / 10;
}

/** Wall time of one whole process, from spawn to exit, in ms; fails loudly on a non-zero exit. */
function timeProcess(cmd: string, args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { input: opts.stdin ?? '', env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function sample(cmd: string, args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}, runs = RUNS): { median_ms: number; samples_ms: number[] } {
  timeProcess(cmd, args, opts); // warm the file cache
  const samples = Array.from({ length: runs }, () => Math.round(timeProcess(cmd, args, opts) * 10) / 10);
  return { median_ms: median(samples), samples_ms: samples };
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
    const node = sample(process.execPath, ['-e', '0']);
    const help = sample(process.execPath, [BIN, '--help'], { env });
    const version = sample(process.execPath, [BIN, '--version'], { env });
    const pw = `${PASSWORD}\n`;
    const search = sample(process.execPath, [BIN, '--vault', vault, '--password-stdin', 'search', QUERY], { stdin: pw, env: noAgent }, 5);
    const keepassxc = sample('keepassxc-cli', ['search', '-q', kdbx, QUERY], { stdin: pw }, 5);

    timeProcess(process.execPath, [BIN, '--vault', vault, '--password-stdin', 'unlock', '--timeout', '10m'], { stdin: pw, env });
    let agentSearch: ReturnType<typeof sample>;
    try {
      agentSearch = sample(process.execPath, [BIN, '--vault', vault, 'search', QUERY], { env });
    } finally {
      timeProcess(process.execPath, [BIN, '--vault', vault, 'lock'], { env });
    }
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
      ratios: {
        help_vs_node: ratio(help.median_ms, node.median_ms),
        version_vs_node: ratio(version.median_ms, node.median_ms),
        search_vs_keepassxc: ratio(search.median_ms, keepassxc.median_ms),
        search_via_agent_vs_node: ratio(agentSearch.median_ms, node.median_ms),
      },
      // What keystash adds to a bare Node start: on a loaded machine Node's own start-up
      // dominates every whole-process figure.
      over_node_ms: {
        help: Math.round(help.median_ms - node.median_ms),
        search_via_agent: Math.round(agentSearch.median_ms - node.median_ms),
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
