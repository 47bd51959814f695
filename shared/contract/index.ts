// The IPC contract, declared once: every domain's channels merged into `contract`, and the
// types the preload, main's handlers and the renderer's client derive from it. A channel
// name is written once, as its key here; everything else (the list the preload iterates,
// the handler maps main must fill, window.api's type) follows from the keys.
import type { z } from 'zod';
import type { Result } from '../errors';
import { attachmentChannels } from './attachment';
import { generatorChannels } from './generator';
import { healthChannels } from './health';
import { historyChannels } from './history';
import { importExportChannels } from './import-export';
import { itemChannels } from './item';
import { profileChannels } from './profile';
import { settingsChannels } from './settings';
import { syncChannels } from './sync';
import { vaultChannels } from './vault';

export const contract = {
  ...vaultChannels,
  ...itemChannels,
  ...attachmentChannels,
  ...historyChannels,
  ...importExportChannels,
  ...settingsChannels,
  ...generatorChannels,
  ...healthChannels,
  ...profileChannels,
  ...syncChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;

/** Every channel, in declaration order: what the preload exposes and main registers. */
export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly Channel[];

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
/** `vault`, `item`, `history`, ...: the part of a channel name before the colon. */
export type Domain = DomainOf<Channel>;
/** The channels of one domain, e.g. `ChannelsOf<'item'>` is every `item:*` channel. */
export type ChannelsOf<D extends Domain> = Extract<Channel, `${D}:${string}`>;

/** What the renderer sends (before zod applies defaults and transforms). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives, after main has parsed the request. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

/** The API the preload exposes on `window.api`: one function per channel. */
export type KeystashApi = { [C in Channel]: (req: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };
