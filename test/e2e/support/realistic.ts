// Seeds the sample items with believable dates and use (created weeks ago, copied and
// revealed now and then, one password rotated), so screenshots look like a lived-in vault.
import type { Harness } from './harness';
import { FAST_KDF, PASSWORD } from './harness';
import { SAMPLE_ITEMS } from './seed';

const DAY = 86_400_000;

export async function seedLivedIn(h: Harness, clock: { at: number | null }): Promise<void> {
  const now = Date.now();
  clock.at = now - 60 * DAY;
  const created = await h.call('vault:create', { password: PASSWORD, kdf: FAST_KDF });
  if (!created.ok) throw new Error(created.error.message);
  const ids: string[] = [];
  for (const [i, item] of SAMPLE_ITEMS.entries()) {
    clock.at = now - (58 - i * 5) * DAY;
    const r = await h.call('item:create', { item });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.value.id);
  }
  const vault = h.services.vault.unlocked();
  const use = (index: number, field: 'password' | 'username' | 'secret', kind: 'copy' | 'reveal', ago: number) => {
    clock.at = now - ago;
    const id = ids[index];
    if (id) vault.items.useField(id, field, kind);
  };
  clock.at = now - 12 * DAY;
  const github = ids[0];
  if (github) vault.items.update(github, { password: 'tundra-Velvet-42-orbit-2' });
  use(0, 'password', 'copy', 3 * DAY);
  use(0, 'username', 'copy', 2 * 3600_000);
  use(0, 'password', 'copy', 2 * 3600_000 - 60_000);
  use(0, 'password', 'reveal', 40 * 60_000);
  use(1, 'password', 'copy', 26 * 3600_000);
  use(2, 'password', 'copy', 5 * DAY);
  use(5, 'secret', 'copy', 9 * DAY);
  use(7, 'secret', 'reveal', 20 * 60_000);
  clock.at = null;
}
