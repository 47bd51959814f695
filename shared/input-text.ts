// Rules for text that comes from people and files, shared by every side: item fields refuse
// NUL characters, and an error message that quotes such text shows a shortened, printable
// copy, so one oversized or hostile value cannot flood a terminal, a log or the window.
import type { z } from 'zod';

/**
 * Refuses NUL (U+0000) in a text field. C APIs, terminals, clipboards and the tools a value is
 * pasted into cut a string at the first NUL, so what they show or use would not be what the
 * vault holds (a password that works in one place and not another). A regex check rather than
 * a refine: zod runs it several times faster, which a 100,000-row import notices.
 */
export const noNul = (s: z.ZodString, what: string) => s.regex(/^[^\0]*$/, `${what} cannot contain NUL characters (\\0)`);

/** The longest copy of a value an error message quotes, in characters. */
export const QUOTE_MAX = 80;
/** How many names a message lists before it says how many more there are. */
export const LIST_MAX = 20;
/** The longest error message Keystash prints or returns, whatever it quotes. */
export const MESSAGE_MAX = 2_000;

/** Shows control characters (escape sequences, line breaks) as � so a quote stays one inert line. */
function printableLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}

/** Cuts `s` to `max` characters (code points, so no emoji is split) with an ellipsis. */
function cut(s: string, max: number): string {
  // Only the head is spread into code points: the value may be megabytes long.
  const head = [...s.slice(0, max * 2 + 2)];
  return head.length <= max && s.length <= max * 2 + 2 ? s : `${head.slice(0, max - 1).join('')}…`;
}

/** `“value”` for an error message: printable, and cut to `max` characters. */
export function quote(value: string, max = QUOTE_MAX): string {
  return `“${printableLine(cut(value, max))}”`;
}

/** Quoted names separated by commas; past `maxItems`, how many more there are. */
export function quoteList(values: readonly string[], maxItems = LIST_MAX): string {
  const shown = values.slice(0, maxItems).map((v) => quote(v));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en')} more` : shown.join(', ');
}

/** A whole message cut to `max` characters: the last guard for text that quotes input. */
export function capMessage(message: string, max = MESSAGE_MAX): string {
  if (message.length <= max) return message;
  const note = `… (message cut at ${max} characters)`;
  let end = max - note.length;
  // Never end on the first half of a surrogate pair (an emoji cut in two).
  const last = message.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${message.slice(0, end)}${note}`;
}
