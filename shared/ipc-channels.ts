// The names of every IPC channel, with no dependencies, so the preload can build
// `window.api` from this list alone. `ipc-contract.ts` gives each one its schema and types;
// a contract test proves the two (and the main-process handlers) are the same set.
export const CHANNELS = [
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:change-password',
  'vault:kdf-params',
  'vault:measure-kdf',
  'item:list',
  'item:counts',
  'item:get',
  'item:create',
  'item:update',
  'item:trash',
  'item:restore',
  'item:purge',
  'item:reveal',
  'item:copy-field',
  'item:password-history',
  'item:reveal-history',
  'item:open-url',
  'history:list',
  'import:preview',
  'import:commit',
  'export:save',
  'settings:get',
  'settings:set',
] as const;

export type Channel = (typeof CHANNELS)[number];
