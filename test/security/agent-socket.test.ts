// Attacks on the unlock-once agent (docs/security.md#the-unlock-once-agent): whoever can connect
// to its socket can use the unlocked vault, so the socket must be reachable by this user only,
// the agent must refuse a directory others can reach, and the key must not leak to disk, to
// the process list or to the environment.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, PASSWORD } from '../cli/cli-harness';
import { agentVault, stopAgent } from '../cli/agent-harness';

const started: number[] = [];
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

beforeAll(() => {
  buildCli();
});
afterEach(() => {
  for (const pid of started.splice(0)) stopAgent(pid);
});

/** Every file under `dir`, recursively, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('the agent socket', () => {
  it('is mode 0600 in a directory of mode 0700 owned by this user', async () => {
    const v = await agentVault();
    const { result, pid } = await v.unlock();
    started.push(pid);
    expect(result.code).toBe(0);
    const dir = fs.statSync(v.agentDir);
    expect(dir.mode & 0o777).toBe(0o700);
    expect(dir.uid).toBe(process.getuid?.());
    const [sock] = v.sockets();
    const st = fs.statSync(path.join(v.agentDir, sock ?? ''));
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it.runIf(isRoot)('cannot be connected to by another user', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    const sock = path.join(v.agentDir, v.sockets()[0] ?? '');
    // The same connect the CLI makes, run as the unprivileged user `nobody`.
    const probe = `require('net').createConnection(${JSON.stringify(sock)}).on('connect', () => { console.log('CONNECTED'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
    const asNobody = (): string => spawnSync(process.execPath, ['-e', probe], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', cwd: '/' }).stdout.trim();
    // Everything above the agent directory open, as /tmp is: the 0700 directory stops them.
    fs.chmodSync(v.dir, 0o755);
    fs.chmodSync(v.runtime, 0o755);
    expect(asNobody()).toBe('EACCES');
    // The socket's own 0600 stops them too, should the directory ever be traversable.
    fs.chmodSync(v.agentDir, 0o711);
    expect(asNobody()).toBe('EACCES');
    fs.chmodSync(v.agentDir, 0o700);
    // Control: the owner can connect to the same socket.
    const own = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(own.stdout.trim()).toBe('CONNECTED');
  });
});

describe('an agent directory that is not private', () => {
  it('is refused when group or others can reach it: no agent starts', async () => {
    const v = await agentVault();
    fs.mkdirSync(v.agentDir, { mode: 0o755 });
    fs.chmodSync(v.agentDir, 0o755);
    const { result } = await v.unlock();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mode 0755, not 0700');
    expect(v.files()).toEqual([]);
  });

  it('is refused when it is a symbolic link, even to a private directory', async () => {
    const v = await agentVault();
    const real = path.join(v.runtime, 'elsewhere');
    fs.mkdirSync(real, { mode: 0o700 });
    fs.symlinkSync(real, v.agentDir);
    const { result } = await v.unlock();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('symbolic link');
    expect(fs.readdirSync(real)).toEqual([]);
  });

  it.runIf(isRoot)('is refused when another user owns it', async () => {
    const v = await agentVault();
    fs.mkdirSync(v.agentDir, { mode: 0o700 });
    fs.chownSync(v.agentDir, NOBODY, NOBODY);
    const { result } = await v.unlock();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`another user (uid ${NOBODY})`);
    expect(v.files()).toEqual([]);
  });

  it('made shared after the agent started: the CLI refuses to talk to the agent', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    fs.chmodSync(v.agentDir, 0o777);
    const r = await v.bare(['list']);
    expect(r.stderr).toContain('not 0700');
    // It fell back to the in-process run, which needs the password: nothing was answered.
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('the unlocked key', () => {
  it('is never on disk, in the agent’s arguments or in its environment', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'api_key', '--title', 'K', '--secret-stdin'], ['sk_canary_never_on_disk']);
    const before = filesUnder(v.dir);
    const { pid } = await v.unlock();
    started.push(pid);
    expect((await v.bare(['show', 'K', '--reveal'])).stdout).toContain('sk_canary_never_on_disk');
    // The agent wrote nothing but its directory, its socket and its endpoint file (address and
    // token, mode 0600) (the vault's own -wal/-shm aside).
    const added = filesUnder(v.dir).filter((f) => !before.includes(f) && !/\.keystash-(wal|shm)$/.test(f));
    expect(added).toEqual(['run/keystash', ...v.files().map((f) => `run/keystash/${f}`)]);
    expect(v.files().map((f) => f.replace(/-[0-9a-f]{20}\./, '-D.'))).toEqual(['agent-D.endpoint', 'agent-D.sock']);
    const endpoint = path.join(v.agentDir, v.files()[0] ?? '');
    expect(fs.statSync(endpoint).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(fs.readFileSync(endpoint, 'utf8')) as object)).toEqual(['address', 'token']);
    expect(fs.readFileSync(endpoint, 'utf8')).not.toContain('sk_canary_never_on_disk');
    for (const part of ['cmdline', 'environ']) {
      const text = fs.readFileSync(`/proc/${pid}/${part}`, 'latin1');
      expect(text, part).not.toContain(PASSWORD);
      expect(text, part).not.toContain('sk_canary_never_on_disk');
    }
  });
});

/** Sends `frames` (one JSON line each) on a fresh connection; resolves with all it got back once the agent closes it. */
function exchange(address: string, frames: object[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(address);
    let got = '';
    socket.setEncoding('utf8').on('data', (c: string) => (got += c));
    socket.on('connect', () => socket.write(frames.map((f) => `${JSON.stringify(f)}\n`).join('')));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });
}

describe('the agent token', () => {
  const list = { t: 'run', name: 'list', argv: ['--json'], cwd: '/', stdinIsTty: false, env: {} };

  it('admits only a connection whose first frame is the token; others are dropped unanswered', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'note', '--title', 'Only for the token holder']);
    const { pid } = await v.unlock();
    started.push(pid);
    const file = path.join(v.agentDir, v.files().find((f) => f.endsWith('.endpoint')) ?? '');
    const { address, token } = JSON.parse(fs.readFileSync(file, 'utf8')) as { address: string; token: string };
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(await exchange(address, [list])).toBe('');
    expect(await exchange(address, [{ t: 'hello', token: 'f'.repeat(64) }, list])).toBe('');
    expect(await exchange(address, [{ t: 'hello', token: token.slice(0, 62) }, list])).toBe('');
    expect(await exchange(address, [{ t: 'hello' }, list])).toBe('');
    // Control: with the token the same request is answered.
    expect(await exchange(address, [{ t: 'hello', token }, list])).toContain('Only for the token holder');
  });

  it('a CLI with a wrong token is not answered: it runs the command itself and needs the password', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    const file = path.join(v.agentDir, v.files().find((f) => f.endsWith('.endpoint')) ?? '');
    const endpoint = JSON.parse(fs.readFileSync(file, 'utf8')) as { address: string; token: string };
    fs.writeFileSync(file, JSON.stringify({ ...endpoint, token: '0'.repeat(64) }));
    const r = await v.bare(['list']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('--password-stdin');
  });

  it('an endpoint file naming another address is not used: the token never goes there', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    const file = path.join(v.agentDir, v.files().find((f) => f.endsWith('.endpoint')) ?? '');
    const endpoint = JSON.parse(fs.readFileSync(file, 'utf8')) as { address: string; token: string };
    // A listener elsewhere that records whatever reaches it.
    const elsewhere = path.join(v.dir, 'elsewhere.sock');
    let received = '';
    const trap = net.createServer((s) => s.setEncoding('utf8').on('data', (c: string) => (received += c)));
    await new Promise<void>((resolve) => trap.listen(elsewhere, resolve));
    try {
      fs.writeFileSync(file, JSON.stringify({ ...endpoint, address: elsewhere }));
      for (const args of [['list'], ['search', 'x']]) {
        const r = await v.bare(args);
        expect(r.stderr).toContain("names an address that is not this vault's agent");
        expect(r).toMatchObject({ code: 1, stdout: '' });
      }
      expect(received).toBe('');
    } finally {
      trap.close();
    }
  });
});
