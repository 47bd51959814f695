// The character sets the password generator draws from, and the look-alike characters that
// "exclude similar" removes (they are hard to tell apart when a password is read or typed).
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const DIGITS = '0123456789';
/** Printable ASCII punctuation, minus space (easily lost at the start or end of a field). */
export const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
export const LOOK_ALIKES = 'Il1O0|';

/** The distinct characters of `s` (by code point), in first-seen order. */
export function uniqueChars(s: string): string[] {
  return [...new Set([...s])];
}

export function withoutLookAlikes(chars: string[]): string[] {
  return chars.filter((c) => !LOOK_ALIKES.includes(c));
}
