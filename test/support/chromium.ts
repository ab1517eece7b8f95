import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs (without the
 * background-networking ones it keeps trying Google's hosts). Fails the test, rather than skipping
 * it, when the browser is missing: `why` says what the test needs it for.
 */
export async function launchChromium(why: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: ${why}. ` +
        'Install it with `apt-get update && apt-get install -y chromium`.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
