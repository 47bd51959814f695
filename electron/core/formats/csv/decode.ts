// Turns the bytes of an imported file into text. Password managers write UTF-8 (with or
// without a byte-order mark) and, on Windows, UTF-16 with a BOM; anything else is refused
// with a clear message rather than guessed, so no character is silently mangled.
import { KeystashError } from '../../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName = 'utf-8';
  let skip = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) skip = 3;
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, skip] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, skip] = ['utf-16be', 2];
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
    return { text, encoding, bom: skip > 0 };
  } catch {
    const what = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new KeystashError(
      'invalid-input',
      `The file is not valid ${what} text. Save it as UTF-8 (or UTF-16 with a byte-order mark) and try again.`,
    );
  }
}
