// Where an unlock-once agent's socket lives, and the check that nobody else can reach it:
// a per-user directory with mode 0700 ($XDG_RUNTIME_DIR/keystash, else keystash-<uid> under
// the temp dir), owned by this user, not a symlink, and a socket with mode 0600 in it, one
// per vault file. Anyone who can connect to the socket can use the unlocked vault, so the
// agent refuses to start, and the CLI refuses to connect, when the directory is not private.
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
}

function current(): RuntimeEnv {
  return { env: process.env, platform: process.platform, uid: process.getuid?.() ?? -1, tmpdir: os.tmpdir() };
}

/** The agent directory for this user (not created). */
export function agentDir(r: RuntimeEnv = current()): string {
  if (r.platform === 'win32') throw new KeystashError('io', 'The unlock-once agent is not available on Windows yet; run commands without it.');
  const xdg = r.env.XDG_RUNTIME_DIR;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'keystash');
  return path.join(r.tmpdir, `keystash-${r.uid}`);
}

/**
 * One socket per vault file, named by a digest of its real path (sockets have short paths):
 * `agent-…` for the CLI's agent, `app-…` for the desktop app answering for the same vault.
 */
export function socketPath(dir: string, vaultFile: string, kind: 'agent' | 'app' = 'agent'): string {
  let real = path.resolve(vaultFile);
  try {
    real = fs.realpathSync(real);
  } catch {
    // A vault that does not exist yet has no agent; the plain path names it.
  }
  const digest = createHash('sha256').update(real).digest('hex').slice(0, 20);
  return path.join(dir, `${kind}-${digest}.sock`);
}

function refuse(dir: string, why: string): never {
  throw new KeystashError('io', `The agent directory ${dir} ${why}, so other users could reach the unlocked vault; the agent is not used. Remove it or fix it (chmod 700).`);
}

/** Throws unless `dir` is a real directory owned by this user with no group or other access. */
export function checkPrivateDir(dir: string, uid: number = current().uid): void {
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink()) refuse(dir, 'is a symbolic link');
  if (!st.isDirectory()) refuse(dir, 'is not a directory');
  if (st.uid !== uid) refuse(dir, `belongs to another user (uid ${st.uid})`);
  if ((st.mode & 0o077) !== 0) refuse(dir, `has mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}, not 0700`);
}

/** Creates the agent directory (0700) when missing, then checks it is private. */
export function ensurePrivateDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new KeystashError('io', `Could not create the agent directory ${dir}: ${(err as Error).message}.`);
  }
  checkPrivateDir(dir);
}
