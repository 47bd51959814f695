// What the window knows about the vault file before and after unlock: whether it exists, is
// open, and how long the unlock throttle makes the next try wait.
export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  path: string;
  failedCount: number;
  retryAfterMs: number;
}
