// API keys that come as several values used together: an AWS access-key pair (key id + secret,
// plus an optional region field), a Twilio account (SID + auth token), a Google Cloud
// service-account JSON. A recognised item maps each of its fields to the variable its tools
// read, so `keystash env ITEM` and `keystash run --env ITEM` export the whole set, and `add`
// pre-fills the service (and a service account's key id).
import type { Item, RevealableField } from '../../../shared/domain';

export interface EnvVar {
  name: string;
  field: RevealableField;
}

export interface KeySet {
  id: string;
  service: string;
  vars(item: Pick<Item, 'keyId' | 'secret' | 'fields'>): EnvVar[];
}

const AWS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const TWILIO_SID = /^AC[0-9a-f]{32}$/;

/** A custom field by name (case and separators ignored), as `field:N`. */
function customField(item: Pick<Item, 'fields'>, ...names: string[]): RevealableField | null {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = names.map(norm);
  const i = item.fields.findIndex((f) => wanted.includes(norm(f.name)));
  return i === -1 ? null : `field:${i}`;
}

/** The parsed service-account JSON, or null when the value is not one. */
export function serviceAccount(value: string): { client_email?: string; project_id?: string } | null {
  const v = value.trim();
  if (!v.startsWith('{') || v.length > 20_000) return null;
  try {
    const parsed = JSON.parse(v) as unknown;
    if (typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'service_account' && 'private_key' in parsed) {
      return parsed as { client_email?: string; project_id?: string };
    }
  } catch {
    // Not JSON: not a service account.
  }
  return null;
}

const AWS: KeySet = {
  id: 'aws-access-key',
  service: 'AWS',
  vars: (item) => {
    const region = customField(item, 'region', 'aws_region', 'aws_default_region');
    return [
      { name: 'AWS_ACCESS_KEY_ID', field: 'keyId' },
      { name: 'AWS_SECRET_ACCESS_KEY', field: 'secret' },
      ...(region ? [{ name: 'AWS_REGION', field: region }] : []),
    ];
  },
};

const TWILIO: KeySet = {
  id: 'twilio',
  service: 'Twilio',
  vars: () => [
    { name: 'TWILIO_ACCOUNT_SID', field: 'keyId' },
    { name: 'TWILIO_AUTH_TOKEN', field: 'secret' },
  ],
};

const GCP: KeySet = {
  id: 'gcp-service-account',
  service: 'Google Cloud',
  vars: () => [{ name: 'GOOGLE_CREDENTIALS', field: 'secret' }],
};

/** The set an API key belongs to, from its key id or secret; null for a single-value key. */
export function keySetOf(item: Pick<Item, 'type' | 'keyId' | 'secret'>): KeySet | null {
  if (item.type !== 'api_key') return null;
  if (AWS_KEY_ID.test(item.keyId.trim())) return AWS;
  if (TWILIO_SID.test(item.keyId.trim())) return TWILIO;
  if (serviceAccount(item.secret)) return GCP;
  return null;
}

export const KEY_SETS: readonly KeySet[] = [AWS, TWILIO, GCP];
