// Where an unlock-once agent's endpoint lives, and the check that nobody else can reach it.
// On Unix: a per-user directory with mode 0700 ($XDG_RUNTIME_DIR/keystash, else keystash-<uid>
// under the temp dir), owned by this user, not a symlink, and a socket with mode 0600 in it,
// one per vault file. Anyone who can connect to the socket can use the unlocked vault, so the
// agent refuses to start, and the CLI refuses to connect, when the directory is not private.
// On Windows: %LOCALAPPDATA%\Keystash\agent (the user's own profile folder) holds the endpoint
// file naming the agent's named pipe and its token (endpoint.ts); Node cannot set or read
// ACLs, so there the check is only that the folder is a real folder (docs/security.md).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeystashError } from '../errors';

export interface RuntimeEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  uid: number;
  tmpdir: string;
  home: string;
}

export function currentRuntime(): RuntimeEnv {
  return { env: process.env, platform: process.platform, uid: process.getuid?.() ?? -1, tmpdir: os.tmpdir(), home: os.homedir() };
}

/** Paths of the platform the runtime describes (win32 paths are built on Unix in the tests). */
export const pathsOf = (r: Pick<RuntimeEnv, 'platform'>): path.PlatformPath => (r.platform === 'win32' ? path.win32 : path.posix);

/** The agent directory for this user (not created). */
export function agentDir(r: RuntimeEnv = currentRuntime()): string {
  const p = pathsOf(r);
  if (r.platform === 'win32') {
    const local = r.env.LOCALAPPDATA;
    return p.join(local && p.isAbsolute(local) ? local : p.join(r.home, 'AppData', 'Local'), 'Keystash', 'agent');
  }
  const xdg = r.env.XDG_RUNTIME_DIR;
  if (xdg && p.isAbsolute(xdg)) return p.join(xdg, 'keystash');
  return p.join(r.tmpdir, `keystash-${r.uid}`);
}

/** A short digest of the vault file's real path: one agent (and one app bridge) per vault file. */
export function vaultDigest(vaultFile: string): string {
  let real = path.resolve(vaultFile);
  try {
    real = fs.realpathSync(real);
  } catch {
    // A vault that does not exist yet has no agent; the plain path names it.
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 20);
}

/**
 * The Unix socket of a vault, named by the digest of its real path (sockets have short paths):
 * `agent-…` for the CLI's agent, `app-…` for the desktop app answering for the same vault.
 */
export function socketPath(dir: string, vaultFile: string, kind: 'agent' | 'app' = 'agent'): string {
  return path.join(dir, `${kind}-${vaultDigest(vaultFile)}.sock`);
}

function refuse(dir: string, why: string): never {
  throw new KeystashError('io', `The agent directory ${dir} ${why}, so other users could reach the unlocked vault; the agent is not used. Remove it or fix it (chmod 700).`);
}

/** Throws unless `dir` is a real directory owned by this user with no group or other access (on Windows: a real directory). */
export function checkPrivateDir(dir: string, r: Pick<RuntimeEnv, 'uid' | 'platform'> = currentRuntime()): void {
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink()) refuse(dir, 'is a symbolic link');
  if (!st.isDirectory()) refuse(dir, 'is not a directory');
  // Windows reports no owner and a made-up mode: its folder's ACL is the profile's (not checked).
  if (r.platform === 'win32') return;
  if (st.uid !== r.uid) refuse(dir, `belongs to another user (uid ${st.uid})`);
  if ((st.mode & 0o077) !== 0) refuse(dir, `has mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}, not 0700`);
}

/** Creates the agent directory (0700) when missing, then checks it is private. */
export function ensurePrivateDir(dir: string, r: RuntimeEnv = currentRuntime()): void {
  try {
    // On Windows the parent (%LOCALAPPDATA%\Keystash) may not exist yet; on Unix the parent is
    // the runtime or temp dir, and only the last level is ours.
    if (r.platform === 'win32') fs.mkdirSync(pathsOf(r).dirname(dir), { recursive: true });
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new KeystashError('io', `Could not create the agent directory ${dir}: ${(err as Error).message}.`);
  }
  checkPrivateDir(dir, r);
}
