// What the UI tests do in the workbench page, shared by the VSIX UI tests (lib/ui.mjs) and
// the authoring UI test: steps that each end with a screenshot, and opening a file by name.

import { join } from 'node:path';
import { since } from './env.mjs';

/**
 * A `step(name, fn)` that runs `fn` as a subtest of `t` and then, passed or not, saves a
 * screenshot of `page` under `shots` (numbered in the order of the steps); with `timings`,
 * how long each step took. `fn` gets `screenshot(suffix)` for more pictures of the same step.
 */
export function screenshotSteps(t, page, shots, timings) {
  let shot = 0;
  return (name, fn) =>
    t.test(name, async () => {
      shot += 1;
      const prefix = String(shot).padStart(2, '0');
      const file = join(shots, `${prefix}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      const started = performance.now();
      try {
        await fn({ screenshot: (suffix) => page.screenshot({ path: join(shots, `${prefix}-${suffix}.png`) }) });
      } finally {
        if (timings) timings[name] = since(started);
        await page.screenshot({ path: file }).catch(() => {});
      }
    });
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its tab. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}
