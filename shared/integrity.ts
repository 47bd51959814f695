// What the whole-vault integrity check reports (electron/core/vault/manifest.ts and
// items/bucket-store.ts): each problem with its reason, and the rollback warning from this
// machine's "last state seen". Shared by the core, the unlock report over IPC, the CLI and the UI.

/** What an integrity check found wrong with the vault's state (see docs/security.md). */
export type IntegrityReason = 'missing-item' | 'older-version' | 'unknown-record' | 'stale-bucket' | 'altered-manifest';

export interface IntegrityProblem {
  reason: IntegrityReason;
  /** The item id, `bucket <n>`, or `manifest`. */
  id: string;
  /** One sentence naming the record and what is wrong with it. */
  message: string;
}

/** This machine last saw a newer state of the vault than the file now holds. */
export interface RollbackWarning {
  /** The state counter this machine last saw, and the file's. */
  seenSeq: number;
  fileSeq: number;
  message: string;
}
