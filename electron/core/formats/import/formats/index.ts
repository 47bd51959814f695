// The format registry: detection from the header row, most specific first, and lookup by id.
import { quote } from '../../../../../shared/input-text';
import { KeystashError } from '../../../errors';
import { normalizeHeader } from '../row';
import type { FormatSpec, ImportFormat } from '../types';
import { bitwarden } from './bitwarden';
import { chrome, firefox, keepassxc, safari } from './browsers';
import { dashlane } from './dashlane';
import { keystash } from './keystash';
import { lastpass } from './lastpass';
import { nordPass } from './nordpass';
import { onePassword } from './onepassword';
import { protonPass } from './protonpass';

/** Order matters: a format whose headers are a superset of another's is tried first. */
export const KNOWN_FORMATS: readonly FormatSpec[] = [keystash, nordPass, bitwarden, protonPass, lastpass, firefox, onePassword, safari, keepassxc, dashlane, chrome];

export function headerSet(headers: readonly string[]): Set<string> {
  return new Set(headers.map(normalizeHeader));
}

export function detectFormat(headers: readonly string[]): FormatSpec | null {
  const set = headerSet(headers);
  return KNOWN_FORMATS.find((f) => f.detect(set)) ?? null;
}

export function formatById(id: Exclude<ImportFormat, 'generic'>, headers: readonly string[]): FormatSpec {
  const spec = KNOWN_FORMATS.find((f) => f.id === id);
  if (!spec) throw new KeystashError('invalid-input', `Unknown import format ${quote(id)}.`);
  const set = headerSet(headers);
  const missing = spec.required.filter((c) => !set.has(c));
  if (missing.length > 0) {
    throw new KeystashError(
      'invalid-input',
      `This file does not look like a ${spec.label} export: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Try --format generic with --map.`,
    );
  }
  return spec;
}
