// The agent's connection token: 32 random bytes, made when the agent starts, kept in its
// endpoint file (endpoint.ts) and presented by every client as its first frame. The agent
// compares in constant time and drops a connection that does not present it. On Unix the
// socket's modes already keep other users out; on Windows, where Node cannot restrict a named
// pipe, the token is what does.
import { randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^[0-9a-f]{64}$/;

export const newToken = (): string => randomBytes(32).toString('hex');

export const isToken = (v: unknown): v is string => typeof v === 'string' && TOKEN.test(v);

export function tokenMatches(expected: string, presented: unknown): boolean {
  if (!isToken(presented) || !isToken(expected)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(presented, 'hex'));
}
