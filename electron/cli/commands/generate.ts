// `keystash generate`: random passwords, EFF passphrases or PINs, one per line. It never
// opens the vault, so it needs no password and records nothing (the app's generator keeps
// an encrypted history; the CLI's results exist only on your terminal or in your pipe).
import {
  PASSPHRASE_WORDS,
  PASSWORD_LENGTH,
  PIN_LENGTH,
  generatorRequestSchema,
  type GeneratorRequest,
} from '../../../shared/generator';
import { generatePassphrase, passphraseEntropy } from '../../core/generator/passphrase';
import { generatePassword, passwordEntropy } from '../../core/generator/password';
import { generatePin, pinEntropy } from '../../core/generator/pin';
import { strength } from '../../core/generator/strength';
import { parseOrThrow } from '../../core/validation';
import { type Args, type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';

const MAX_COUNT = 1_000;

function request(a: Args): GeneratorRequest {
  const words = a.int('words', PASSPHRASE_WORDS);
  const pin = a.int('pin', PIN_LENGTH);
  const passwordOnly = ['length', 'no-symbols', 'no-digits', 'no-upper', 'no-lower', 'exclude-similar', 'custom'].filter((o) => a.has(o));
  const passphraseOnly = ['separator', 'capitalize', 'number'].filter((o) => a.has(o));
  if (words !== undefined && pin !== undefined) throw usageError('Choose either --words (a passphrase) or --pin, not both.');
  const mixed = (kind: string, opts: string[]): never => {
    throw usageError(`--${opts[0] ?? ''} does not apply to a ${kind}.`);
  };
  if (pin !== undefined) {
    if (passwordOnly.length || passphraseOnly.length) mixed('PIN', [...passwordOnly, ...passphraseOnly]);
    return { kind: 'pin', length: pin };
  }
  if (words !== undefined || passphraseOnly.length) {
    if (passwordOnly.length) mixed('passphrase', passwordOnly);
    const separator = a.string('separator');
    return { kind: 'passphrase', words: words ?? PASSPHRASE_WORDS.default, capitalize: a.flag('capitalize'), addNumber: a.flag('number'), ...(separator !== undefined ? { separator } : {}) };
  }
  return {
    kind: 'password',
    length: a.int('length', PASSWORD_LENGTH) ?? PASSWORD_LENGTH.default,
    lower: !a.flag('no-lower'),
    upper: !a.flag('no-upper'),
    digits: !a.flag('no-digits'),
    symbols: !a.flag('no-symbols'),
    custom: a.string('custom') ?? '',
    excludeSimilar: a.flag('exclude-similar'),
  };
}

export const generate: Command = {
  name: 'generate',
  summary: 'Generate passwords, passphrases or PINs (no vault needed)',
  usage: 'generate [--length N] [--no-symbols] [--no-digits] [--no-upper] [--no-lower] [--exclude-similar] [--words N] [--separator S] [--pin N] [--count N]',
  details: `Prints one result per line on stdout and the entropy on stderr. Draws from the OS CSPRNG
with rejection sampling (no modulo bias); a password holds at least one character of each
chosen set. Passphrases use the EFF large wordlist (7776 words, ~12.9 bits a word).
This command never opens the vault and keeps no history (the app's generator does).

Examples:
  keystash generate                          # 20 characters, all four sets
  keystash generate --length 32 --no-symbols --count 5
  keystash generate --words 6 --separator ' ' --capitalize --number
  keystash generate --pin 6
  keystash generate --json | jq -r '.results[0].crackTime'`,
  options: {
    length: { type: 'string', value: 'N', help: `Password length, ${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max} (default ${PASSWORD_LENGTH.default})` },
    'no-symbols': { type: 'boolean', help: 'No punctuation symbols' },
    'no-digits': { type: 'boolean', help: 'No digits' },
    'no-upper': { type: 'boolean', help: 'No uppercase letters' },
    'no-lower': { type: 'boolean', help: 'No lowercase letters' },
    custom: { type: 'string', value: 'CHARS', help: 'Extra characters, required at least once' },
    'exclude-similar': { type: 'boolean', help: 'Leave out look-alikes (I l 1 O 0 |)' },
    words: { type: 'string', value: 'N', help: `A passphrase of N words, ${PASSPHRASE_WORDS.min}-${PASSPHRASE_WORDS.max} (default ${PASSPHRASE_WORDS.default})` },
    separator: { type: 'string', value: 'S', help: 'Between passphrase words (default -)' },
    capitalize: { type: 'boolean', help: 'Capitalise each passphrase word' },
    number: { type: 'boolean', help: 'Append a random digit to one passphrase word' },
    pin: { type: 'string', value: 'N', help: `A PIN of N digits, ${PIN_LENGTH.min}-${PIN_LENGTH.max}` },
    count: { type: 'string', value: 'N', help: `How many results, 1-${MAX_COUNT} (default 1)` },
    json: { type: 'boolean', help: 'Print {"results": [{value, kind, entropyBits, score, crackTime}]} (slower: scores each result)' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const a = ctx.args;
    const count = a.int('count', { min: 1, max: MAX_COUNT }) ?? 1;
    const req = parseOrThrow(generatorRequestSchema, request(a), 'The generator options are not valid');
    let make: () => string;
    let bits: number;
    if (req.kind === 'password') {
      bits = passwordEntropy(req); // also refuses impossible requests before anything is printed
      make = () => generatePassword(req);
    } else if (req.kind === 'passphrase') {
      bits = passphraseEntropy(req);
      make = () => generatePassphrase(req);
    } else {
      bits = pinEntropy(req);
      make = () => generatePin(req);
    }
    const values = Array.from({ length: count }, make);
    if (a.flag('json')) {
      ctx.out.json({
        results: values.map((value) => {
          const s = strength(value);
          return { value, kind: req.kind, entropyBits: Number(bits.toFixed(2)), score: s.score, crackTime: s.crackTime };
        }),
      });
    } else {
      ctx.out.lines(values);
      // zxcvbn costs milliseconds a value, so only a single result gets its score here.
      const only = count === 1 ? values[0] : undefined;
      const s = only !== undefined ? strength(only) : null;
      const rated = s ? `; strength ${s.score}/4, estimated crack time ${s.crackTime}` : '';
      ctx.out.note(`Entropy: ${bits.toFixed(1)} bits${count > 1 ? ' each' : ''}${rated}.`);
    }
    return EXIT.ok;
  },
};
