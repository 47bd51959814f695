// Deterministic, realistic-looking vault contents for the benchmark: a mix of logins, API
// keys and notes with service names (some accented), people's usernames, URLs, tags, folders
// and a sentence or two of notes. A seeded PRNG keeps every run comparable.
import type { ItemInput } from '../shared/domain';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SERVICES = [
  'GitHub', 'GitLab', 'Google', 'Gmail', 'Amazon', 'AWS', 'Azure', 'DigitalOcean', 'Heroku', 'Netlify', 'Vercel',
  'Stripe', 'PayPal', 'Twilio', 'SendGrid', 'Mailchimp', 'Slack', 'Discord', 'Zoom', 'Dropbox', 'Notion', 'Trello',
  'Jira', 'Confluence', 'Atlassian', 'Figma', 'Adobe', 'Spotify', 'Netflix', 'Twitter', 'LinkedIn', 'Facebook',
  'Instagram', 'Reddit', 'Cloudflare', 'Fastly', 'Datadog', 'Sentry', 'PagerDuty', 'OpenAI', 'Anthropic', 'Hetzner',
  'OVH', 'Crédit Agricole', 'Société Générale', 'Banque Populaire', 'Deutsche Bank', 'Sparkasse Köln', 'Café Müller',
  'Zürich Versicherung', 'Électricité de France', 'Orange', 'Bouygues Télécom', 'Mercado Libre', 'Telefónica',
  'Škoda Connect', 'Ikea', 'Airbnb', 'Booking.com', 'Uber', 'Lyft', 'Steam', 'Epic Games', 'Nintendo', 'PlayStation',
];
const FIRST = ['alice', 'bob', 'carol', 'dave', 'eve', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'olivia', 'peggy', 'trent', 'victor', 'walter', 'zoë', 'josé', 'françois', 'mª.luisa'];
const LAST = ['smith', 'jones', 'martin', 'dubois', 'müller', 'garcía', 'rossi', 'nowak', 'kim', 'tanaka', 'silva', 'novák'];
const TAGS = ['work', 'personal', 'finance', 'dev', 'infra', 'family', 'travel', 'shopping', 'social', 'legacy', 'shared', 'prod', 'staging'];
const FOLDERS = ['', '', 'Work', 'Personal', 'Finance', 'Dev/Backend', 'Dev/Frontend', 'Family', 'Archive'];
const WORDS = (
  'account recovery codes stored offline security questions answer first pet street childhood backup email ' +
  'billing contact renewal annual plan shared with team rotate quarterly legacy admin console support ticket ' +
  'two factor enabled hardware key phone number changed last year invoice address office warehouse réunion ' +
  'mot de passe changé sécurité überprüfung straße contraseña cambiada'
).split(' ');
const ENVS = ['production', 'staging', 'development', 'test'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function sentence(r: () => number, n: number): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(r, WORDS));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function token(r: () => number, n: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[Math.floor(r() * abc.length)];
  return s;
}

function tags(r: () => number): string[] {
  const n = Math.floor(r() * 3);
  return [...new Set(Array.from({ length: n }, () => pick(r, TAGS)))];
}

/** The i-th item of a generated vault: ~70 % logins, ~20 % API keys, ~10 % notes. */
export function makeItem(r: () => number, i: number): ItemInput {
  const service = pick(r, SERVICES);
  const person = `${pick(r, FIRST)}.${pick(r, LAST)}`;
  const domain = `${service.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '')}.com`;
  const kind = r();
  const common = { tags: tags(r), folder: pick(r, FOLDERS), favorite: r() < 0.05 };
  if (kind < 0.7) {
    return {
      type: 'login',
      title: r() < 0.3 ? `${service} (${person.split('.')[0]})` : `${service} ${i % 7 === 0 ? 'admin' : 'account'}`,
      username: r() < 0.5 ? `${person}@${pick(r, ['gmail.com', 'outlook.com', 'proton.me', domain])}` : person,
      password: token(r, 20),
      urls: [`https://${r() < 0.5 ? 'www' : 'login'}.${domain}/`],
      notes: r() < 0.4 ? sentence(r, 8 + Math.floor(r() * 20)) : '',
      totp: r() < 0.15 ? 'JBSWY3DPEHPK3PXP' : '',
      ...common,
    };
  }
  if (kind < 0.9) {
    return {
      type: 'api_key',
      title: `${service} API key ${pick(r, ENVS)}`,
      service,
      keyId: `key_${token(r, 12)}`,
      secret: `sk_${token(r, 40)}`,
      environment: pick(r, ENVS),
      urls: r() < 0.5 ? [`https://dashboard.${domain}/api`] : [],
      notes: r() < 0.3 ? sentence(r, 6 + Math.floor(r() * 10)) : '',
      ...common,
    };
  }
  return {
    type: 'note',
    title: `${pick(r, ['Recovery codes', 'Wi-Fi', 'Passport', 'Alarm code', 'Licence', 'Notes'])} ${service}`,
    notes: `${sentence(r, 20 + Math.floor(r() * 40))} ${sentence(r, 10 + Math.floor(r() * 30))}`,
    ...common,
  };
}

/** 200 mixed queries: single words, prefixes, two terms, accented and unaccented forms, misses. */
export function makeQueries(r: () => number): string[] {
  const out: string[] = [];
  const kinds = [
    () => pick(r, SERVICES).split(' ')[0] ?? 'git', // single word
    () => (pick(r, SERVICES).split(' ')[0] ?? 'git').slice(0, 3).toLowerCase(), // prefix
    () => `${pick(r, SERVICES).split(' ')[0]} ${pick(r, ['admin', 'api', 'prod', 'alice', 'work'])}`, // two terms
    () => pick(r, ['credit', 'Crédit', 'societe', 'MÜLLER', 'muller', 'zurich', 'electricite', 'zoe', 'jose', 'skoda']), // accents
    () => pick(r, ['qzxwv', 'nonexistent-service', 'zzzz top', 'xylophone']), // misses
    () => pick(r, ['recovery', 'rotate', 'gmail', 'proton', 'staging', 'dev/back', 'finance']),
  ];
  for (let i = 0; i < 200; i++) out.push(pick(r, kinds)());
  return out;
}
