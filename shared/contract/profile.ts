// profile:* — env profiles (named sets of VAR=keystash:// references for `keystash run
// --profile`), listed and edited in the app. References name items and fields; they are not
// secrets, so they cross IPC as they are, and main checks each one before it is stored.
import { z } from 'zod';
import type { EnvProfile } from '../env-profiles';
import { channel, empty, type DomainChannels } from './kit';

const name = z.string().min(1).max(64);
const varName = z.string().min(1).max(200);

export const profileChannels = {
  'profile:list': channel(empty).returns<EnvProfile[]>(),
  'profile:set': channel(z.object({ name, vars: z.record(varName, z.string().min(1).max(2_000)) }).strict()).returns<EnvProfile>(),
  'profile:remove': channel(z.object({ name, vars: z.array(varName).max(500).optional() }).strict()).returns<null>(),
} satisfies DomainChannels<'profile'>;
