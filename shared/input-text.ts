// Rules for text that comes from people and files, shared by every side: item fields refuse
// NUL characters, and an error message that quotes such text shows a shortened, printable
// copy, so one oversized or hostile value cannot flood a terminal, a log or the window.
import { z } from 'zod';

/**
 * Refuses NUL (U+0000) in a text field. C APIs, terminals, clipboards and the tools a value is
 * pasted into cut a string at the first NUL, so what they show or use would not be what the
 * vault holds (a password that works in one place and not another).
 */
export const noNul = (s: z.ZodString, what: string) => s.refine((v) => !v.includes('\0'), `${what} cannot contain NUL characters (\\0)`);
