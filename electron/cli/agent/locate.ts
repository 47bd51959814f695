// Finding the agent of a vault and opening an admitted connection to it: the endpoint file in
// the private agent directory (core/agent/runtime-dir.ts, endpoint.ts), checked before use,
// then a connection that presents the agent's token as its first frame. Both clients (the
// full one in client.ts and the quick one in quick-client.ts) go through here.
import fs from 'node:fs';
import type net from 'node:net';
import { endpointFile, isOwnAddress, readEndpoint, type Endpoint, type EndpointKind } from '../../core/agent/endpoint';
import { sendFrame } from '../../core/agent/frames';
import { agentDir, checkPrivateDir, currentRuntime } from '../../core/agent/runtime-dir';
import { connect } from './peer';

export interface Located {
  endpoint: Endpoint;
  /** The endpoint file, removed with a dead agent's socket. */
  file: string;
}

/**
 * The endpoint of this vault's agent, or null when there is none. `warn` hears why an agent
 * that seems to be there is not used (a directory made shared, an address that is not its own).
 */
export function locateAgent(vaultPath: string, warn: (message: string) => void, kind: EndpointKind = 'agent'): Located | null {
  const r = currentRuntime();
  let dir: string;
  try {
    dir = agentDir(r);
  } catch {
    return null;
  }
  const file = endpointFile(r, dir, vaultPath, kind);
  const endpoint = readEndpoint(file);
  if (!endpoint) return null;
  try {
    checkPrivateDir(dir, r);
  } catch (err) {
    warn(`Warning: ${(err as Error).message}`);
    return null;
  }
  if (!isOwnAddress(r, dir, vaultPath, kind, endpoint.address)) {
    warn(`Warning: the agent file ${file} names an address that is not this vault's agent; the agent is not used.`);
    return null;
  }
  return { endpoint, file };
}

/** A connection to the agent that has presented its token; null when nobody listens (a dead agent). */
export async function openAgent(endpoint: Endpoint): Promise<net.Socket | null> {
  const socket = await connect(endpoint.address);
  if (socket) sendFrame(socket, { t: 'hello', token: endpoint.token });
  return socket;
}

/** Removes what a dead agent left: its endpoint file and, on Unix, its socket. */
export function removeEndpoint(found: Located): void {
  fs.rmSync(found.file, { force: true });
  if (process.platform !== 'win32') fs.rmSync(found.endpoint.address, { force: true });
}
