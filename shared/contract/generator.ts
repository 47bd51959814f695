// generator:* — make a password, passphrase or PIN, and the session's history of them
// (values stay in main; the window copies one by its index).
import { z } from 'zod';
import { generatorRequestSchema, type GeneratedSecret, type GeneratorHistoryRow } from '../generator';
import { channel, empty, type DomainChannels } from './kit';

export const generatorChannels = {
  'generator:generate': channel(z.object({ options: generatorRequestSchema }).strict()).returns<GeneratedSecret>(),
  'generator:history': channel(empty).returns<GeneratorHistoryRow[]>(),
  'generator:copy': channel(z.object({ index: z.number().int().min(0).max(99) }).strict()).returns<{ clearsInMs: number }>(),
  'generator:clear-history': channel(empty).returns<null>(),
} satisfies DomainChannels<'generator'>;
