// How a version 5 index bucket's row chunks (bucket-columns.ts) are sealed: under the session's
// key, each chunk's AAD naming the bucket, the chunk's place in it and the bucket's version, so
// a chunk cannot be moved to another bucket, another place or another write of the same bucket.
import type { SessionKeys } from '../vault/session-keys';
import type { RowChunkCipher } from './bucket-streams';

export function rowChunkCipher(keys: SessionKeys, bucket: number, version: number): RowChunkCipher {
  const recordId = (chunk: number): string => `${bucket}/${chunk}`;
  return {
    seal: (chunk, plain) => keys.sealBytes('index-rows', recordId(chunk), plain, version),
    open: (chunk, sealed, use) => keys.tryOpenWith('index-rows', recordId(chunk), sealed, use, version),
  };
}
