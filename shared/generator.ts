// Generator requests and results, shared by the core, the IPC contract, the CLI and the UI.
// Neither Node nor DOM code lives here.
import { z } from 'zod';

export const PASSWORD_LENGTH = { min: 4, max: 128, default: 20 } as const;
export const PASSPHRASE_WORDS = { min: 3, max: 20, default: 6 } as const;
export const PIN_LENGTH = { min: 4, max: 12, default: 6 } as const;
export const GENERATOR_HISTORY_LIMIT = 100;

// Control characters in a custom set would end up invisible inside a password.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const noControl = /^[^\u0000-\u001f\u007f-\u009f]*$/;

export const passwordOptionsSchema = z
  .object({
    kind: z.literal('password'),
    length: z.number().int().min(PASSWORD_LENGTH.min).max(PASSWORD_LENGTH.max).default(PASSWORD_LENGTH.default),
    lower: z.boolean().default(true),
    upper: z.boolean().default(true),
    digits: z.boolean().default(true),
    symbols: z.boolean().default(true),
    /** Extra characters, used as one more required set. */
    custom: z.string().max(256).regex(noControl, 'The custom set cannot contain control characters').default(''),
    excludeSimilar: z.boolean().default(false),
  })
  .strict();

export const passphraseOptionsSchema = z
  .object({
    kind: z.literal('passphrase'),
    words: z.number().int().min(PASSPHRASE_WORDS.min).max(PASSPHRASE_WORDS.max).default(PASSPHRASE_WORDS.default),
    separator: z.string().max(10).regex(noControl, 'The separator cannot contain control characters').default('-'),
    capitalize: z.boolean().default(false),
    /** Appends one random digit to one randomly chosen word. */
    addNumber: z.boolean().default(false),
  })
  .strict();

export const pinOptionsSchema = z
  .object({
    kind: z.literal('pin'),
    length: z.number().int().min(PIN_LENGTH.min).max(PIN_LENGTH.max).default(PIN_LENGTH.default),
  })
  .strict();

export const generatorRequestSchema = z.discriminatedUnion('kind', [passwordOptionsSchema, passphraseOptionsSchema, pinOptionsSchema]);
export type GeneratorRequest = z.input<typeof generatorRequestSchema>;
export type PasswordOptions = z.output<typeof passwordOptionsSchema>;
export type PassphraseOptions = z.output<typeof passphraseOptionsSchema>;
export type PinOptions = z.output<typeof pinOptionsSchema>;
export type GeneratorKind = GeneratorRequest['kind'];

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  /** zxcvbn-ts score: 0 (too guessable) to 4 (very unguessable). */
  score: StrengthScore;
  guessesLog10: number;
  /** Estimated time to crack offline against a slow hash (10^4 guesses/s), e.g. "3 centuries". */
  crackTime: string;
  crackTimeSeconds: number;
  warning: string | null;
}

export interface GeneratedSecret {
  kind: GeneratorKind;
  value: string;
  /** log2 of the number of equally likely results these options can produce. */
  entropyBits: number;
  strength: Strength;
}

/** A result as the window gets it: `token` names it when the person copies or uses it. */
export interface OfferedSecret extends GeneratedSecret {
  token: string;
}

export interface GeneratorHistoryEntry {
  kind: GeneratorKind;
  value: string;
  entropyBits: number;
  score: StrengthScore;
  /** When it was generated (ms since epoch). */
  at: number;
}

/** A history entry as the window sees it: everything but the value (copy goes through main). */
export interface GeneratorHistoryRow {
  index: number;
  kind: GeneratorKind;
  length: number;
  entropyBits: number;
  score: StrengthScore;
  at: number;
}
