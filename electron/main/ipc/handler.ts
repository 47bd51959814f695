// The one wrapper every IPC handler goes through: validate the request with the channel's
// contract schema, run the service call, and turn any failure into an error Result.
// Nothing thrown here ever reaches Electron (which would log a stack and reject the invoke).
import type { Channel } from '../../../shared/ipc-channels';
import { contract, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc-contract';
import type { Result } from '../../../shared/errors';
import { toErrorInfo } from '../../core/errors';
import { parseOrThrow } from '../../core/validation';

export type Handler<C extends Channel> = (req: unknown) => Promise<Result<ResponseOf<C>>>;
export type HandlerMap<K extends Channel = Channel> = { [C in K]: Handler<C> };

export function handler<C extends Channel>(
  channel: C,
  run: (req: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>,
): Handler<C> {
  const schema = contract[channel].request;
  return async (raw) => {
    try {
      // A call with no argument means "no options" (e.g. `api['vault:status']()`).
      const req = parseOrThrow(schema, raw ?? {}, `Invalid ${channel} request`) as ParsedRequestOf<C>;
      return { ok: true, value: await run(req) };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  };
}
