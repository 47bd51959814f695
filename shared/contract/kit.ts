// The contract kit: how a channel is declared, and the request pieces several domains share.
// A channel's request type comes from its zod schema (z.input before parsing, z.output after);
// only the response type is written by hand, once, with `.returns<Res>()`.
import { z } from 'zod';

/** One channel: the schema main validates the request with, and a phantom response type. */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  /** Never read at run time; it only carries `Res` to the types. */
  readonly response: Res;
}

/** `channel(schema).returns<Res>()`: the request is inferred, the response named once. */
export function channel<Req extends z.ZodType>(request: Req): { returns<Res>(): ChannelSpec<Req, Res> } {
  return { returns: <Res>() => ({ request, response: undefined as Res }) };
}

/** A domain's channels, all named `<domain>:<action>` (a stray prefix fails to compile). */
export type DomainChannels<D extends string> = Record<`${D}:${string}`, ChannelSpec>;

export const id = z.string().min(1).max(100);
export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();
export const password = z.string().min(1, 'Enter the master password').max(1024);
