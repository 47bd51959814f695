// The one error type the core throws on purpose. Everything that crosses a boundary
// (IPC, CLI) is turned into an ErrorInfo by `toErrorInfo`, so no stack trace ever leaks.
import type { ErrorCode, ErrorInfo } from '../../shared/errors';
import { capMessage } from '../../shared/input-text';

export class KeystashError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly itemIds: string[] | undefined;

  constructor(code: ErrorCode, message: string, extra: { retryAfterMs?: number; itemIds?: string[] } = {}) {
    // Messages may quote input (a title, a column list): capped so none can run to megabytes.
    super(capMessage(message));
    this.name = 'KeystashError';
    this.code = code;
    this.retryAfterMs = extra.retryAfterMs;
    this.itemIds = extra.itemIds;
  }
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof KeystashError) {
    const info: ErrorInfo = { code: err.code, message: err.message };
    if (err.retryAfterMs !== undefined) info.retryAfterMs = err.retryAfterMs;
    if (err.itemIds !== undefined) info.itemIds = err.itemIds;
    return info;
  }
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    if (sqliteCode === 'SQLITE_BUSY') {
      return { code: 'busy', message: 'The vault is busy with another write (an import, or another Keystash process); try again in a moment.' };
    }
    if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
      return { code: 'integrity', message: 'The vault file is damaged or is not a Keystash vault.' };
    }
    return { code: 'io', message: `The vault file could not be read or written (${sqliteCode}).` };
  }
  return { code: 'internal', message: 'Something went wrong inside Keystash. Your vault was not changed.' };
}
