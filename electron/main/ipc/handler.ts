// The one wrapper every IPC handler goes through: validate the request with the channel's
// contract schema, run the service call, and turn any failure into an error Result.
// Nothing thrown here ever reaches Electron (which would log a stack and reject the invoke).
// A handler file names each channel once, as a key of the map it gives `handlers<D>()`; the
// map's type demands exactly the domain's channels, and the schema is looked up by that key.
import {
  contract,
  type Channel,
  type ChannelsOf,
  type Domain,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { toErrorInfo } from '../../core/errors';
import { parseOrThrow } from '../../core/validation';

export type Handler<C extends Channel> = (req: unknown) => Promise<Result<ResponseOf<C>>>;
export type HandlerMap<K extends Channel = Channel> = { [C in K]: Handler<C> };

/** A handler body: the parsed request in, the response (or a thrown KeystashError) out. */
export type Run<C extends Channel> = (req: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Runs<D extends Domain> = { [C in ChannelsOf<D>]: Run<C> };

function wrap(channel: Channel, run: (req: unknown) => unknown): (raw: unknown) => Promise<Result<unknown>> {
  const schema = contract[channel].request;
  return async (raw) => {
    try {
      // A call with no argument means "no options" (e.g. `api['vault:status']()`).
      const req = parseOrThrow(schema, raw ?? {}, `Invalid ${channel} request`);
      return { ok: true, value: await run(req) };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  };
}

/** Wraps a domain's bodies, e.g. `handlers<'item'>({ 'item:get': (r) => ..., ... })`. */
export function handlers<D extends Domain>(runs: Runs<D>): HandlerMap<ChannelsOf<D>> {
  const out: Record<string, Handler<Channel>> = {};
  for (const [channel, run] of Object.entries(runs) as [ChannelsOf<D>, (req: unknown) => unknown][]) {
    out[channel] = wrap(channel, run) as Handler<Channel>;
  }
  return out as HandlerMap<ChannelsOf<D>>;
}
