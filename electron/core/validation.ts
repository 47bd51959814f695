// Turns zod failures into one clear `invalid-input` sentence.
import type { z } from 'zod';
import { KeystashError } from './errors';

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new KeystashError('invalid-input', `${what}: ${issue?.message ?? 'invalid'}${where}.`);
}
