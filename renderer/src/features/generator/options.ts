// The generator's option state as the form edits it, and its translation to a request.
import { PASSPHRASE_WORDS, PASSWORD_LENGTH, PIN_LENGTH, type GeneratorKind, type GeneratorRequest } from '../../../../shared/generator';

export interface GeneratorOptionsState {
  kind: GeneratorKind;
  length: number;
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
  custom: string;
  excludeSimilar: boolean;
  words: number;
  separator: string;
  capitalize: boolean;
  addNumber: boolean;
  pinLength: number;
}

export const DEFAULT_OPTIONS: GeneratorOptionsState = {
  kind: 'password',
  length: PASSWORD_LENGTH.default,
  lower: true,
  upper: true,
  digits: true,
  symbols: true,
  custom: '',
  excludeSimilar: false,
  words: PASSPHRASE_WORDS.default,
  separator: '-',
  capitalize: false,
  addNumber: false,
  pinLength: PIN_LENGTH.default,
};

export function toRequest(o: GeneratorOptionsState): GeneratorRequest {
  switch (o.kind) {
    case 'password':
      return { kind: 'password', length: o.length, lower: o.lower, upper: o.upper, digits: o.digits, symbols: o.symbols, custom: o.custom, excludeSimilar: o.excludeSimilar };
    case 'passphrase':
      return { kind: 'passphrase', words: o.words, separator: o.separator, capitalize: o.capitalize, addNumber: o.addNumber };
    case 'pin':
      return { kind: 'pin', length: o.pinLength };
  }
}

export const SCORE_LABEL = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export const KIND_LABEL = { password: 'Password', passphrase: 'Passphrase', pin: 'PIN' } as const;
