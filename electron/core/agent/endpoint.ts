// Where a CLI finds the agent of a vault: the endpoint file `agent-<digest>.endpoint` in the
// private agent directory (runtime-dir.ts), holding the agent's address and the token every
// connection must present first (token.ts). The address is the Unix socket beside it, or on
// Windows a named pipe `\\.\pipe\keystash-agent-<user tag>-<random>`: a pipe lives in one
// machine-wide namespace that Node cannot restrict, so its name is unguessable and the token,
// readable only from the user's profile folder, is what admits a client. A client accepts only
// an address of exactly that shape, so a planted file cannot send the token elsewhere (to
// another socket, or to a remote `\\host\pipe\…`).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { pathsOf, socketPath, vaultDigest, type RuntimeEnv } from './runtime-dir';
import { isToken } from './token';

export type EndpointKind = 'agent' | 'app';

export interface Endpoint {
  /** A Unix socket path, or a Windows named pipe name. */
  address: string;
  token: string;
}

export function endpointFile(r: Pick<RuntimeEnv, 'platform'>, dir: string, vaultFile: string, kind: EndpointKind = 'agent'): string {
  return pathsOf(r).join(dir, `${kind}-${vaultDigest(vaultFile)}.endpoint`);
}

/** Names this Windows user in pipe names without spelling out the account. */
function userTag(r: Pick<RuntimeEnv, 'env'>): string {
  return createHash('sha256')
    .update(`${r.env.USERDOMAIN ?? ''}\\${r.env.USERNAME ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

const PIPE = /^\\\\\.\\pipe\\keystash-(agent|app)-([0-9a-f]{16})-[0-9a-f]{32}$/;

/** A fresh address for an agent about to listen: its socket, or a new random pipe name. */
export function newAddress(r: Pick<RuntimeEnv, 'platform' | 'env'>, dir: string, vaultFile: string, kind: EndpointKind = 'agent', random = randomBytes(16).toString('hex')): string {
  if (r.platform !== 'win32') return socketPath(dir, vaultFile, kind);
  return `\\\\.\\pipe\\keystash-${kind}-${userTag(r)}-${random}`;
}

/** Whether an endpoint file's address is one this user's agent of this vault could have. */
export function isOwnAddress(r: Pick<RuntimeEnv, 'platform' | 'env'>, dir: string, vaultFile: string, kind: EndpointKind, address: string): boolean {
  if (r.platform !== 'win32') return address === socketPath(dir, vaultFile, kind);
  const m = PIPE.exec(address);
  return m !== null && m[1] === kind && m[2] === userTag(r);
}

/** Writes the endpoint file whole (temp file, then rename), readable by this user only. */
export function writeEndpoint(file: string, endpoint: Endpoint): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(endpoint), { mode: 0o600, flag: 'w' });
  fs.renameSync(tmp, file);
}

/** The endpoint in the file; null when there is none or it is not one (treated as no agent). */
export function readEndpoint(file: string): Endpoint | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<Endpoint> | null;
    return v && typeof v.address === 'string' && isToken(v.token) ? { address: v.address, token: v.token } : null;
  } catch {
    return null;
  }
}
