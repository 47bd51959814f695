// Recognises well-known API-key and token formats from their fixed prefixes and shapes, so a
// pasted or imported key can pre-fill its service and an environment-variable name. Pure
// string rules (no Node, no DOM): the editor runs them on a pasted value without IPC.
// Each rule is anchored and demands the format's full length and alphabet, so ordinary
// passwords and prose that merely start alike are not taken for keys.

export interface KeyFormat {
  /** Stable id, e.g. `github-pat`. */
  id: string;
  /** What the key is, for people: "GitHub personal access token". */
  label: string;
  service: string;
  /** Suggested environment-variable name. */
  envName: string;
}

interface Rule extends KeyFormat {
  pattern: RegExp;
}

const rules: Rule[] = [
  { id: 'aws-access-key-id', label: 'AWS access key id', service: 'AWS', envName: 'AWS_ACCESS_KEY_ID', pattern: /^AKIA[A-Z0-9]{16}$/ },
  { id: 'aws-temporary-access-key-id', label: 'AWS temporary access key id', service: 'AWS', envName: 'AWS_ACCESS_KEY_ID', pattern: /^ASIA[A-Z0-9]{16}$/ },
  { id: 'github-pat', label: 'GitHub personal access token', service: 'GitHub', envName: 'GITHUB_TOKEN', pattern: /^ghp_[A-Za-z0-9]{36,251}$/ },
  { id: 'github-fine-grained-pat', label: 'GitHub fine-grained personal access token', service: 'GitHub', envName: 'GITHUB_TOKEN', pattern: /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{30,}$/ },
  { id: 'github-oauth', label: 'GitHub OAuth token', service: 'GitHub', envName: 'GITHUB_TOKEN', pattern: /^gho_[A-Za-z0-9]{36,251}$/ },
  { id: 'github-user-to-server', label: 'GitHub app user token', service: 'GitHub', envName: 'GITHUB_TOKEN', pattern: /^ghu_[A-Za-z0-9]{36,251}$/ },
  { id: 'github-server-to-server', label: 'GitHub app installation token', service: 'GitHub', envName: 'GITHUB_TOKEN', pattern: /^ghs_[A-Za-z0-9]{36,251}$/ },
  { id: 'github-refresh', label: 'GitHub refresh token', service: 'GitHub', envName: 'GITHUB_REFRESH_TOKEN', pattern: /^ghr_[A-Za-z0-9]{36,251}$/ },
  { id: 'stripe-secret', label: 'Stripe secret key', service: 'Stripe', envName: 'STRIPE_SECRET_KEY', pattern: /^sk_(live|test)_[A-Za-z0-9]{20,247}$/ },
  { id: 'stripe-publishable', label: 'Stripe publishable key', service: 'Stripe', envName: 'STRIPE_PUBLISHABLE_KEY', pattern: /^pk_(live|test)_[A-Za-z0-9]{20,247}$/ },
  { id: 'stripe-restricted', label: 'Stripe restricted key', service: 'Stripe', envName: 'STRIPE_RESTRICTED_KEY', pattern: /^rk_(live|test)_[A-Za-z0-9]{20,247}$/ },
  // Anthropic before OpenAI: both start with `sk-`.
  { id: 'anthropic', label: 'Anthropic API key', service: 'Anthropic', envName: 'ANTHROPIC_API_KEY', pattern: /^sk-ant-(?:[a-z]+\d{2}-)?[A-Za-z0-9_-]{32,}$/ },
  { id: 'openai-project', label: 'OpenAI project key', service: 'OpenAI', envName: 'OPENAI_API_KEY', pattern: /^sk-(proj|svcacct|admin)-[A-Za-z0-9_-]{40,}$/ },
  { id: 'openai', label: 'OpenAI API key', service: 'OpenAI', envName: 'OPENAI_API_KEY', pattern: /^sk-(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{32,}$/ },
  { id: 'slack-bot', label: 'Slack bot token', service: 'Slack', envName: 'SLACK_BOT_TOKEN', pattern: /^xoxb-\d{6,}-[0-9A-Za-z-]{20,}$/ },
  { id: 'slack-user', label: 'Slack user token', service: 'Slack', envName: 'SLACK_USER_TOKEN', pattern: /^xoxp-\d{6,}-[0-9A-Za-z-]{20,}$/ },
  { id: 'slack-app', label: 'Slack app-level token', service: 'Slack', envName: 'SLACK_APP_TOKEN', pattern: /^xapp-\d-[A-Z0-9]{6,}-\d{6,}-[A-Za-z0-9]{20,}$/ },
  { id: 'google-api-key', label: 'Google API key', service: 'Google', envName: 'GOOGLE_API_KEY', pattern: /^AIza[0-9A-Za-z_-]{35}$/ },
  { id: 'npm', label: 'npm access token', service: 'npm', envName: 'NPM_TOKEN', pattern: /^npm_[A-Za-z0-9]{36}$/ },
];

const PEM = /^-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n:,\- ]+\r?\n-----END \1?PRIVATE KEY-----$/;

function pemFormat(kind: string | undefined): KeyFormat {
  const k = kind?.trim();
  if (k === 'OPENSSH') return { id: 'pem-openssh', label: 'OpenSSH private key', service: 'SSH', envName: 'SSH_PRIVATE_KEY' };
  return { id: `pem-${(k ?? 'pkcs8').toLowerCase()}`, label: `${k ? `${k} ` : ''}private key (PEM)`, service: 'Private key', envName: 'PRIVATE_KEY' };
}

/** The recognised format of a pasted key, or null when it matches none. */
export function recogniseKey(value: string): KeyFormat | null {
  const v = value.trim();
  if (v.length < 20 || v.length > 20_000) return null;
  if (v.startsWith('-----BEGIN')) {
    const m = PEM.exec(v);
    return m ? pemFormat(m[1]) : null;
  }
  for (const { pattern, ...format } of rules) if (pattern.test(v)) return format;
  return null;
}

/** Every rule, for documentation and tests. */
export const KEY_FORMATS: readonly KeyFormat[] = rules.map(({ pattern: _p, ...f }) => f);
