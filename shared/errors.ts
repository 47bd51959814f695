// Error codes that cross every boundary (core → IPC → renderer, core → CLI exit codes).
// The UI and the CLI react to the code; the message is for humans.

export const ERROR_CODES = [
  'locked',
  'wrong-password',
  'rate-limited',
  'integrity',
  'not-found',
  'invalid-input',
  'exists',
  'ambiguous',
  'io',
  /** The vault is in the middle of another write (an import in the app, or another process). */
  'busy',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Milliseconds until the next unlock attempt is allowed (`rate-limited` only). */
  retryAfterMs?: number;
  /** Items named by an `integrity` error. */
  itemIds?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
