// Reads a .env file for `keystash run --env-file`: `NAME=value` lines, optionally prefixed by
// `export`; blank lines and `#` comments skipped. A value is unquoted (trimmed; ` #` starts a
// comment), 'single-quoted' (literal) or "double-quoted" (\n, \r, \t, \", \\ and \$ escapes).
// The syntax dotenv, docker compose and shells agree on; anything else is an error naming the line.
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';
import { checkEnvName } from './env-format';

export interface EnvEntry {
  name: string;
  value: string;
  line: number;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

function bad(file: string, line: number, why: string): KeystashError {
  return new KeystashError('invalid-input', `${file}, line ${line}: ${why}`);
}

function doubleQuoted(raw: string, file: string, line: number): string {
  let out = '';
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (ch === '"') {
      const rest = raw.slice(i + 1).trim();
      if (rest !== '' && !rest.startsWith('#')) throw bad(file, line, `unexpected text after the closing quote: ${quote(rest)}.`);
      return out;
    }
    if (ch === '\\') {
      const next = raw[i + 1] ?? '';
      out += ESCAPES[next] ?? `\\${next}`;
      i++;
    } else out += ch;
  }
  throw bad(file, line, 'the double quote is not closed (values span one line; write \\n for a line break).');
}

export function parseEnvFile(text: string, file: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const body = t.startsWith('export ') ? t.slice('export '.length).trimStart() : t;
    const eq = body.indexOf('=');
    if (eq === -1) throw bad(file, line, `expected NAME=value, got ${quote(t)}.`);
    const name = body.slice(0, eq).trim();
    try {
      checkEnvName(name);
    } catch (err) {
      throw bad(file, line, (err as Error).message);
    }
    const rawValue = body.slice(eq + 1).trim();
    let value: string;
    if (rawValue.startsWith('"')) value = doubleQuoted(rawValue, file, line);
    else if (rawValue.startsWith("'")) {
      const end = rawValue.indexOf("'", 1);
      if (end === -1) throw bad(file, line, 'the single quote is not closed.');
      const rest = rawValue.slice(end + 1).trim();
      if (rest !== '' && !rest.startsWith('#')) throw bad(file, line, `unexpected text after the closing quote: ${quote(rest)}.`);
      value = rawValue.slice(1, end);
    } else value = rawValue.replace(/\s+#.*$/, '');
    entries.push({ name, value, line });
  });
  return entries;
}
