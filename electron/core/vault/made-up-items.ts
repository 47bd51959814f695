// Made-up vault items for the unlock rehearsal (unlock-rehearsal.ts): logins, API keys and notes
// whose fields have the lengths and the mix of characters real ones have (Latin-1 accents, and
// some text beyond Latin-1, which V8 stores as two-byte strings), so that the rehearsal takes the
// same code paths as a real vault. Nothing here comes from a person's data or the network.
import type { ItemInput } from '../../../shared/domain';

const NAMES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Proseware', 'Adatum', 'Wingtip', 'Lucerne', 'Margie', 'Café Olé', 'Zoë Bank', 'Ålesund Kraft', 'Tōkyō Gas', 'Πόλις', 'Łódź Net'];
const PEOPLE = ['sam', 'alex', 'kim', 'noor', 'jo', 'ren', 'lee', 'ana', 'élodie', 'søren'];
const WORDS = ['recovery', 'codes', 'kept', 'offline', 'billing', 'contact', 'renewal', 'shared', 'rotate', 'quarterly', 'admin', 'console', 'backup', 'hardware', 'key', 'changed', 'réunion', 'straße', '東京'];
const TAGS = ['work', 'home', 'money', 'dev', 'travel', 'old'];
const FOLDERS = ['', '', 'Work', 'Home', 'Dev/Services'];

/** The `i`-th made-up item: about seven logins, two API keys and one note in every ten. */
export function madeUpItem(i: number): ItemInput {
  const name = NAMES[i % NAMES.length] ?? 'Northwind';
  const person = PEOPLE[(i * 7) % PEOPLE.length] ?? 'sam';
  // Names in another script keep no Latin letters: those get a numbered host instead.
  const domain = `${name.toLowerCase().normalize('NFKD').replace(/[^a-z]+/g, '') || `site${i % NAMES.length}`}.example`;
  const words = (n: number): string => Array.from({ length: n }, (_, k) => WORDS[(i * 3 + k * 5) % WORDS.length]).join(' ');
  const common = {
    tags: i % 3 === 0 ? [] : [TAGS[i % TAGS.length] ?? 'work'],
    folder: FOLDERS[i % FOLDERS.length] ?? '',
    favorite: i % 17 === 0,
  };
  const kind = i % 10;
  if (kind < 7) {
    return {
      type: 'login',
      title: `${name} ${i % 4 === 0 ? 'admin' : 'account'} ${i}`,
      username: i % 2 === 0 ? `${person}${i}@${domain}` : `${person}.${i}`,
      password: `made-up-${i}-${'x'.repeat(12 + (i % 9))}`,
      urls: [`https://login.${domain}/${i}`],
      notes: i % 3 === 0 ? words(6 + (i % 20)) : '',
      totp: i % 8 === 0 ? 'JBSWY3DPEHPK3PXP' : '',
      ...common,
    };
  }
  if (kind < 9) {
    return {
      type: 'api_key',
      title: `${name} API key ${i}`,
      service: name,
      keyId: `key_${i}`,
      secret: `sk_made_up_${i}_${'y'.repeat(24)}`,
      environment: i % 2 === 0 ? 'production' : 'staging',
      urls: i % 2 === 0 ? [`https://dashboard.${domain}/api`] : [],
      notes: i % 4 === 0 ? words(5 + (i % 8)) : '',
      ...common,
    };
  }
  return { type: 'note', title: `${name} notes ${i}`, notes: words(20 + (i % 30)), ...common };
}
