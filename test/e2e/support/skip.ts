// Finds Chromium once and says plainly why the renderer e2e suites skip without one.
import { findChromium } from './harness';

export const CHROMIUM = findChromium();
if (!CHROMIUM) {
  console.warn(
    '[renderer e2e] SKIPPED: no Chromium found (checked $KEYSTASH_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
      'Run `bash scripts/install-test-deps.sh` to install Debian’s chromium.',
  );
}
