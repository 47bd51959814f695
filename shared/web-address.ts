// Web addresses as people type them: "github.com" or "192.168.1.1:8443" mean https. Used when
// an item is saved from the editor (so the stored address shows its scheme and can be edited)
// and when a link is opened or its site named (so addresses saved before that still open).
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** `https://` + the address when it has no scheme; anything else unchanged. */
export function withScheme(address: string): string {
  const a = address.trim();
  return a === '' || HAS_SCHEME.test(a) ? a : `https://${a}`;
}

