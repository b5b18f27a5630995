// Launches Debian's chromium through playwright-core (Playwright's own browser download
// cannot work here), headless, in a throwaway profile.
import { chromium } from 'playwright-core';
import { chromiumBin, tempDir } from './env.mjs';

/**
 * The flags keep chromium off the network: this machine's closed network refuses its
 * background connections, many at a time, and component updates and sync would try.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Resolves to { context, page, close() }; the profile folder goes away on close. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const profile = tempDir('chromium');
  // Playwright refuses --user-data-dir among the args; a persistent context takes it instead.
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: chromiumBin,
    headless: true,
    args: ARGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      profile.cleanup();
    },
  };
}
