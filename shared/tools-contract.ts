// IPC contract entries for the generator, one-time codes, vault health and API-key copies.
// Spread into `contract` in ipc-contract.ts; kept here so those features own their schemas.
import { z } from 'zod';
import { generatorRequestSchema, type GeneratedSecret, type GeneratorKind, type StrengthScore } from './generator';
import type { DueKey, HealthReport } from './health';

function channel<Req extends z.ZodType, Res>(request: Req): { request: Req; response: Res } {
  return { request, response: undefined as Res };
}

const id = z.string().min(1).max(100);
const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

/** A history entry as the window sees it: everything but the value (copy goes through main). */
export interface GeneratorHistoryRow {
  index: number;
  kind: GeneratorKind;
  length: number;
  entropyBits: number;
  score: StrengthScore;
  at: number;
}

export interface TotpReply {
  code: string;
  period: number;
  digits: number;
  expiresInMs: number;
}

export interface HealthReply extends HealthReport {
  /** Titles and types of every item a finding names, for links. */
  items: { id: string; title: string; type: string }[];
}

export const ENV_COPY_FORMATS = ['shell', 'dotenv'] as const;

export const toolsContract = {
  'generator:generate': channel<z.ZodObject<{ options: typeof generatorRequestSchema }>, GeneratedSecret>(
    z.object({ options: generatorRequestSchema }).strict(),
  ),
  'generator:history': channel<typeof empty, GeneratorHistoryRow[]>(empty),
  'generator:copy': channel<z.ZodObject<{ index: z.ZodNumber }>, { clearsInMs: number }>(z.object({ index: z.number().int().min(0).max(99) }).strict()),
  'generator:clear-history': channel<typeof empty, null>(empty),
  'item:totp': channel<typeof byId, TotpReply>(byId),
  'item:copy-totp': channel<typeof byId, { clearsInMs: number; expiresInMs: number }>(byId),
  'item:copy-env': channel<z.ZodObject<{ id: typeof id; format: z.ZodEnum<{ shell: 'shell'; dotenv: 'dotenv' }> }>, { clearsInMs: number; name: string }>(
    z.object({ id, format: z.enum(ENV_COPY_FORMATS) }).strict(),
  ),
  'health:report': channel<typeof empty, HealthReply>(empty),
  'health:due-keys': channel<typeof empty, DueKey[]>(empty),
};
