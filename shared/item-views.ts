// What the window is told about items beyond their summaries: list rows, password-history
// entries without their values, one-time codes, and the formats an API key copies as.
// Nothing here carries a stored secret; values leave main only through reveal and copy.
import type { ItemSummary } from './domain';

/**
 * Rows the window asks main for at a time: a tall window's rows plus the list's overscan. A
 * keystroke's reply is then ~12 KB rather than a few screens' worth; scrolling fetches the
 * next window as it comes.
 */
export const LIST_WINDOW_ROWS = 50;

/** One row of the item list: enough to draw it, nothing secret. */
export interface ItemListRow {
  id: string;
  type: ItemSummary['type'];
  title: string;
  subtitle: string;
  favorite: boolean;
  /** The first web address's host without `www.` (for the row's monogram), or ''. */
  host: string;
  /** A login with a one-time code, and an item with a web address (for the shortcuts). */
  hasTotp: boolean;
  hasUrl: boolean;
  deletedAt: number | null;
  updatedAt: number;
  lastUsedAt: number | null;
}

export interface PasswordHistoryMeta {
  index: number;
  field: string;
  changedAt: number;
}

export interface TotpReply {
  code: string;
  period: number;
  digits: number;
  expiresInMs: number;
}

/** How an env line is written: `export NAME='value'` for a shell, `NAME="value"` for a .env file. */
export const ENV_FORMATS = ['shell', 'dotenv'] as const;
export type EnvFormat = (typeof ENV_FORMATS)[number];
