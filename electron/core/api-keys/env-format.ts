// Turns a secret into shell or .env text, and picks the variable name: the one the key's
// format suggests, else the item title in UPPER_SNAKE case.
import { recogniseKey } from '../../../shared/api-key-formats';
import type { Item } from '../../../shared/domain';
import type { EnvFormat } from '../../../shared/item-views';
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkEnvName(name: string): string {
  if (!NAME.test(name)) {
    throw new KeystashError('invalid-input', `${quote(name)} is not a valid environment-variable name: use letters, digits and _, not starting with a digit.`);
  }
  return name;
}

/** "Stripe prod key" → STRIPE_PROD_KEY; accents dropped; never empty, never starts with a digit. */
export function envNameFromTitle(title: string): string {
  const snake = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (snake === '') return 'SECRET';
  return /^\d/.test(snake) ? `_${snake}` : snake;
}

/** The value a bare ITEM stands for: an API key's secret, a login's password. */
export function defaultField(item: Item): 'secret' | 'password' {
  return item.type === 'api_key' ? 'secret' : 'password';
}

/** The suggested variable name for an item: from the key's format, else from its title. */
export function defaultEnvName(item: Item): string {
  const value = item.type === 'api_key' ? item.secret : item.password;
  return recogniseKey(value)?.envName ?? envNameFromTitle(item.title);
}

function checkValue(name: string, value: string): void {
  // The environment is a list of C strings: a NUL would silently cut the value short.
  if (value.includes('\0')) throw new KeystashError('invalid-input', `The value for ${name} contains a NUL character, which an environment variable cannot hold.`);
}

/** POSIX single quotes keep everything literal; a ' itself is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A double-quoted .env value. Backslash, double quote and `$` are escaped (so dotenv-expand,
 * docker compose, godotenv and Ruby dotenv read the value literally) and line breaks become
 * \n / \r, which those parsers and motdotla/dotenv turn back into newlines.
 */
export function dotenvQuote(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

export function envLine(name: string, value: string, format: EnvFormat): string {
  checkEnvName(name);
  checkValue(name, value);
  return format === 'shell' ? `export ${name}=${shellQuote(value)}` : `${name}=${dotenvQuote(value)}`;
}
