// The generator's one entry point: validate a request, produce a password, passphrase or PIN,
// and describe it (entropy in bits, zxcvbn score, crack time).
import { generatorRequestSchema, type GeneratedSecret } from '../../../shared/generator';
import { parseOrThrow } from '../validation';
import { generatePassphrase, passphraseEntropy } from './passphrase';
import { generatePassword, passwordEntropy } from './password';
import { generatePin, pinEntropy } from './pin';
import { cryptoRandom, type RandomSource } from './random';
import { strength } from './strength';

export function generate(request: unknown, rng: RandomSource = cryptoRandom): GeneratedSecret {
  const req = parseOrThrow(generatorRequestSchema, request, 'The generator options are not valid');
  let value: string;
  let entropyBits: number;
  switch (req.kind) {
    case 'password':
      value = generatePassword(req, rng);
      entropyBits = passwordEntropy(req);
      break;
    case 'passphrase':
      value = generatePassphrase(req, rng);
      entropyBits = passphraseEntropy(req);
      break;
    case 'pin':
      value = generatePin(req, rng);
      entropyBits = pinEntropy(req);
      break;
  }
  return { kind: req.kind, value, entropyBits, strength: strength(value) };
}

export { strength } from './strength';
