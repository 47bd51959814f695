// The app's list in real Chromium against the real core (the e2e harness: the built renderer,
// window.api bound to main's handlers), at 10,000 and 100,000 items: from pressing Enter on
// the unlock screen to the first row painted, and from each keystroke of a search to the
// frame that shows its result (typed at about 8 keys a second). JSON on stdout.
// BENCH_UI_SIZES=10000,100000 picks sizes; needs Chromium (see test/e2e/support/skip.ts).
import type { Page } from 'playwright-core';
import type { ItemInput } from '../shared/domain';
import { findChromium, PASSWORD, seedVault, startHarness, stopShared } from '../test/e2e/support/harness';

const SIZES = (process.env.BENCH_UI_SIZES ?? '10000,100000').split(',').map(Number);
const TARGETS = { keystroke_p95_ms: 50, unlock_to_first_row_ms_10k: 300 };
const SERVICES = ['GitHub', 'Stripe', 'Slack', 'Figma', 'Notion', 'Linear', 'Vercel', 'Twilio', 'Sentry', 'Datadog'];
const QUERIES = ['github account 0012', 'stripe 00045', 'slack account 1', 'notion 0007'];

function items(n: number): ItemInput[] {
  return Array.from({ length: n }, (_, i): ItemInput => {
    const service = SERVICES[i % SERVICES.length] ?? 'Service';
    return { type: 'login', title: `${service} account ${String(i).padStart(6, '0')}`, username: `user${i}@example.com`, password: `pw-${i}-horse`, urls: [`https://${service.toLowerCase()}.com`] };
  });
}

// In the page: the time from each keydown in the search box to the first frame after the list
// or its count next changed.
const INSTALL_PROBE = `(() => {
  const w = window;
  w.__samples = [];
  const body = document.querySelector('.list-pane');
  let pending = null;
  new MutationObserver(() => {
    if (pending === null) return;
    const t0 = pending;
    pending = null;
    requestAnimationFrame(() => w.__samples.push(performance.now() - t0));
  }).observe(body, { subtree: true, childList: true, characterData: true });
  document.querySelector('input[type=search]').addEventListener('keydown', () => { pending = performance.now(); }, true);
})()`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? Number.NaN);
};

async function measure(exe: string, n: number): Promise<Record<string, unknown>> {
  const h = await startHarness(exe, { viewport: { width: 1280, height: 800 } });
  try {
    const p: Page = h.page;
    if (process.env.NO_HEALTH) (h.handlers as any)['health:report'] = async () => ({ ok: false, error: { code: 'busy', message: 'off' } });
    await seedVault(h, []);
    h.services.vault.unlocked().items.createMany(items(n), 'bench');
    await h.call('vault:lock', {});
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor({ timeout: 120_000 });
    await p.getByRole('textbox', { name: 'Master password', exact: true }).fill(PASSWORD);
    // Enter → the first row painted, timed in the page (unlock itself includes the KDF).
    const unlock = (await p.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      const check = () => document.querySelector('[role=option]') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check);
      document.querySelector('form button[type=submit]').click();
      check();
    })`)) as number;
    const kdf = await h.call('vault:measure-kdf', { kdf: h.services.vault.opened().kdfParams() });
    const kdfMs = kdf.ok ? (kdf.value as { ms: number }).ms : 0;
    await p.evaluate(INSTALL_PROBE);
    const search = p.getByRole('searchbox', { name: 'Search items' });
    for (const q of QUERIES) {
      await search.fill('');
      await p.waitForTimeout(600);
      await search.pressSequentially(q, { delay: 120 });
      await p.waitForTimeout(800);
    }
    const samples = (await p.evaluate('window.__samples')) as number[];
    return {
      items: n,
      unlock_to_first_row_ms: Math.round(unlock),
      kdf_ms: Math.round(kdfMs),
      unlock_to_first_row_without_kdf_ms: Math.round(unlock - kdfMs),
      keystroke_to_paint_p50_ms: pct(samples, 0.5),
      keystroke_to_paint_p95_ms: pct(samples, 0.95),
      keystroke_samples: samples.length, all: samples.map(Math.round),
    };
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  const exe = findChromium();
  if (!exe) throw new Error('No Chromium found; run scripts/install-test-deps.sh.');
  const results = [];
  for (const n of SIZES) {
    process.stderr.write(`ui: ${n} items...\n`);
    results.push(await measure(exe, n));
    process.stderr.write(`  ${JSON.stringify(results.at(-1))}\n`);
  }
  await stopShared();
  process.stdout.write(`${JSON.stringify({ ui: results, targets: TARGETS })}\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
