// Exit codes are part of the CLI's contract with scripts (documented in the README).
import type { ErrorCode } from '../../shared/errors';

export const EXIT = {
  ok: 0,
  /** Usage or input error, an ambiguous item, a busy vault, or anything unexpected. */
  usage: 1,
  /** Wrong master password, locked, or rate-limited. */
  auth: 2,
  integrity: 3,
  notFound: 4,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'wrong-password':
    case 'locked':
    case 'rate-limited':
      return EXIT.auth;
    case 'integrity':
      return EXIT.integrity;
    case 'not-found':
      return EXIT.notFound;
    case 'invalid-input':
    case 'ambiguous':
    case 'exists':
    case 'io':
    case 'busy':
    case 'internal':
      return EXIT.usage;
  }
}
