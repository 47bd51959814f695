// generator:* — make a password, passphrase or PIN, and the history of the ones actually used
// (copied, or put into an item): a result enters history only through copy-offered or
// use-offered, by its token. History values stay in main unless one is revealed.
import { z } from 'zod';
import { generatorRequestSchema, type OfferedSecret, type GeneratorHistoryRow } from '../generator';
import { channel, empty, type DomainChannels } from './kit';

export const generatorChannels = {
  'generator:generate': channel(z.object({ options: generatorRequestSchema }).strict()).returns<OfferedSecret>(),
  'generator:copy-offered': channel(z.object({ token: z.string().min(1).max(100) }).strict()).returns<{ clearsInMs: number }>(),
  'generator:use-offered': channel(z.object({ token: z.string().min(1).max(100) }).strict()).returns<null>(),
  'generator:reveal': channel(z.object({ index: z.number().int().min(0).max(99) }).strict()).returns<{ value: string }>(),
  'generator:history': channel(empty).returns<GeneratorHistoryRow[]>(),
  'generator:copy': channel(z.object({ index: z.number().int().min(0).max(99) }).strict()).returns<{ clearsInMs: number }>(),
  'generator:clear-history': channel(empty).returns<null>(),
} satisfies DomainChannels<'generator'>;
