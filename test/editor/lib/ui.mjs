// UI tests: what a user sees and does in code-server with segdoc installed from its VSIX
// (`code-server --install-extension`, as a user would). playwright-core drives Debian's
// chromium; every step saves a screenshot under test-results/editor-ui/.
//
// The VSIX is not built here: `npm run package` rebuilds dist/ in place, which would pull
// the bundles from under the other test files that npm test runs at the same time. CI
// builds it first (.ci/editor.sh); locally, run `npm run package` before `npm test`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { installExtension, prepare, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureResultsDir, newestMtime, root, since, tempDir } from './env.mjs';
import { quickOpen as openFile, screenshotSteps } from './workbench.mjs';

/** What the VSIX is built from: a VSIX older than any of these is stale. */
const SOURCES = [
  'client/src',
  'server/src',
  'schemas',
  'snippets',
  'package.json',
  'package.nls.json',
  'package.nls.ru.json',
  '.vscodeignore',
];

/**
 * Finds the VSIX to test: $SEGDOC_VSIX, else segdoc-<version>.vsix at the repository root
 * (where `npm run package` writes it). Returns { path } or { problem }: a missing or stale
 * VSIX skips the UI tests, or fails them when the editor tests are required.
 */
export function findVsix() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const path = process.env.SEGDOC_VSIX || join(root, `segdoc-${version}.vsix`);
  if (!existsSync(path)) return { problem: `${path} does not exist: run \`npm run package\` first` };
  if (!process.env.SEGDOC_VSIX && statSync(path).mtimeMs < newestMtime(SOURCES)) {
    return { problem: `${path} is older than the sources: run \`npm run package\` again` };
  }
  return { path };
}

/**
 * Resolves once the user settings file matches `pattern`: the Settings editor has written
 * it. Waits on fs.watch events (the editor may replace the file, so the folder is watched).
 */
function settingsWritten(userData, pattern, timeoutMs = 20_000) {
  const dir = join(userData, 'User');
  const file = join(dir, 'settings.json');
  const matches = () => existsSync(file) && pattern.test(readFileSync(file, 'utf8'));
  return new Promise((resolve, reject) => {
    const watcher = watch(dir, () => {
      if (!matches()) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the Settings editor did not write ${pattern} into ${file} within ${timeoutMs} ms`));
    }, timeoutMs);
    if (matches()) {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

/** The segdoc language servers started from the extensions installed in `extensionsDir`. */
function serverPids(extensionsDir) {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l))
    .filter((m) => m && m[2].includes(extensionsDir) && /dist\/server\.js/.test(m[2]))
    .map((m) => Number(m[1]));
}

const SEL = {
  workbench: '.monaco-workbench',
  editor: '.editor-instance .monaco-editor',
  lines: '.editor-instance .monaco-editor .view-lines',
  squiggleError: '.editor-instance .monaco-editor .squiggly-error',
  squiggleWarning: '.editor-instance .monaco-editor .squiggly-warning',
  problemRows: '.markers-panel .monaco-list-row',
  actionRows: '.action-widget .monaco-list-row',
  suggestRows: '.suggest-widget .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputRows: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
};

/** Monaco renders spaces as U+00A0 in view lines; tests compare plain text. */
const plain = (s) => s.replace(/\u00a0/g, ' ');

export async function runUiTests(t, vsix) {
  const t0 = performance.now();
  const shots = ensureResultsDir('editor-ui');
  const tmp = tempDir('ui');
  const dirs = prepare(tmp.dir);
  // An empty file for the snippet step: not a segdoc document until the template is in.
  writeFileSync(join(dirs.workspace, 'personas/new-persona.md'), '');
  const timings = {};
  let server;
  let browser;
  try {
    const installed = installExtension(dirs, vsix);
    t.diagnostic(installed.split('\n').pop());
    timings.installMs = since(t0);
    server = await startCodeServer(dirs);
    browser = await launchBrowser();
    const { page } = browser;
    page.setDefaultTimeout(30_000);

    const step = screenshotSteps(t, page, shots);

    const problems = async () => {
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
    };
    const quickOpen = (name) => openFile(page, name);
    // Closes every editor (Ctrl+K Ctrl+W) and waits until the Problems panel no longer lists
    // `file`: closed documents lose their diagnostics, so the panel then shows only what the
    // next step opens (it renders only the rows in view, so fewer rows keep them visible).
    const closeAll = async (file) => {
      await problems();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+W');
      await page.locator(SEL.activeTab).waitFor({ state: 'detached' });
      await page.locator(SEL.problemRows, { hasText: file }).waitFor({ state: 'detached' });
    };
    const firstLine = async () => plain((await page.locator(`${SEL.lines} .view-line`).first().innerText()) ?? '');

    await step('persona with problems shows error squiggles', async () => {
      const loadStarted = performance.now();
      await page.goto(
        workbenchUrl(server, dirs.workspace, { openFile: join(dirs.workspace, 'personas/devops-dana.persona.md') }),
      );
      await page.locator(SEL.workbench).waitFor();
      await page.locator(SEL.activeTab, { hasText: 'devops-dana.persona.md' }).waitFor();
      await page.locator(SEL.squiggleError).first().waitFor({ timeout: 60_000 });
      timings.pageLoadToFirstSquiggleMs = since(loadStarted);
      assert.match(await firstLine(), /^# Persona: DevOps Dana/);
    });

    await step('Problems panel lists segdoc codes', async () => {
      await problems();
      const rows = page.locator(SEL.problemRows, { hasText: 'required-section' });
      await rows.first().waitFor();
      const texts = (await page.locator(SEL.problemRows).allInnerTexts()).map(plain);
      assert.ok(
        texts.some((x) => /Missing required section "Information Sources"/.test(x) && /segdoc/.test(x)),
        texts.join('\n'),
      );
      assert.ok(
        texts.some((x) => /Missing required section "Marketing Tactics"/.test(x)),
        texts.join('\n'),
      );
    });

    await step('Ctrl+. offers the insert-section quick fix', async () => {
      // The findings sit on the H1's text: put the cursor inside it.
      await page.locator(`${SEL.lines} .view-line`).first().click();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+.');
      await page.locator(SEL.actionRows, { hasText: 'Insert section "Information Sources"' }).waitFor();
    });

    await step('applying the quick fix removes the problem', async () => {
      // The menu is driven with the keyboard, as a user does after Ctrl+. (a pointer block
      // over the page makes mouse clicks on it unreliable).
      const wanted = 'Insert section "Information Sources"';
      const focused = page.locator(`${SEL.actionRows}.focused`);
      for (let i = 0; i < 20 && !(await focused.innerText()).includes(wanted); i++) await page.keyboard.press('ArrowDown');
      assert.match(await focused.innerText(), /Insert section "Information Sources"/);
      await page.keyboard.press('Enter');
      const gone = page.locator(SEL.problemRows, { hasText: 'Missing required section "Information Sources"' });
      await gone.waitFor({ state: 'detached' });
      await page.locator(SEL.problemRows, { hasText: 'Missing required section "Marketing Tactics"' }).waitFor();
      // Show the inserted section (it lands at its template place, below the fold).
      await page.keyboard.press('Control+End');
      await page.locator(`${SEL.lines} .view-line`, { hasText: '## Information Sources' }).waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    });

    await step('closing the persona clears its problems', async () => {
      await closeAll('devops-dana.persona.md');
    });

    await step('typing persona and accepting the suggestion inserts the template', async ({ screenshot }) => {
      await quickOpen('new-persona.md');
      await page.locator(SEL.lines).first().click();
      await page.keyboard.type('persona');
      // Quick suggestions are off in Markdown by default, so ask for them as a user would.
      await page.keyboard.press('Control+Space');
      const focused = page.locator(`${SEL.suggestRows}.focused`);
      await focused.waitFor();
      // Exact prefix first: "persona", not "persona-ru".
      assert.match(plain(await focused.innerText()), /^persona\b(?!-)/m, `focused suggestion: ${await focused.innerText()}`);
      await screenshot('suggestion');
      await page.keyboard.press('Tab');
      await page.locator(`${SEL.lines} .view-line`, { hasText: '# Persona: [Persona Name] - [Role]' }).waitFor();
      await page.locator(`${SEL.lines} .view-line`, { hasText: '## Demographics' }).waitFor();
      assert.equal(await firstLine(), '# Persona: [Persona Name] - [Role]');
    });

    await step('the template document has placeholders but no missing sections', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      await problems();
      await page.locator(SEL.problemRows, { hasText: 'new-persona.md' }).first().waitFor();
      await page.locator(SEL.problemRows, { hasText: 'placeholder' }).first().waitFor();
      await page.locator(SEL.squiggleWarning).first().waitFor();
      const texts = (await page.locator(SEL.problemRows).allInnerTexts()).map(plain);
      assert.ok(!texts.some((x) => /required-section/.test(x)), texts.join('\n'));
    });

    await step('a Russian persona has its Russian headings recognised', async () => {
      await closeAll('new-persona.md');
      await quickOpen('ivan.persona.md');
      await page.locator(SEL.squiggleError).first().waitFor();
      assert.match(await firstLine(), /^# Персона: Иван/);
      await problems();
      await page.locator(SEL.problemRows, { hasText: 'Маркетинговые тактики' }).first().waitFor();
      const required = (await page.locator(SEL.problemRows, { hasText: 'required-section' }).allInnerTexts()).map(plain);
      // Only the one section the fixture lacks is missing: Демография, Цели и обязанности,
      // Боли, … were all matched to their sections.
      assert.equal(required.length, 1, required.join('\n'));
      assert.match(required[0], /Маркетинговые тактики/);
    });

    await step('choosing Russian in the Settings editor gives Russian messages without a reload', async ({ screenshot }) => {
      // Ctrl+, opens the Settings editor; the search narrows it to segdoc's language setting.
      await page.keyboard.press('Control+Comma');
      await page.locator('.settings-editor').waitFor();
      await page.keyboard.type('segdoc.language');
      // The search refines as it types; choose only once it has settled on the one setting.
      await page.locator('.settings-editor .settings-count-widget', { hasText: '1 Setting Found' }).waitFor();
      const select = page.locator('.settings-editor .setting-item-enum select');
      await select.waitFor();
      const written = settingsWritten(dirs.userData, /"segdoc\.language":\s*"ru"/);
      await select.selectOption('ru');
      await written;
      await screenshot('settings-editor');
      // Back to the document: its problems are now in Russian.
      await page.keyboard.press('Control+W');
      await problems();
      await page.locator(SEL.problemRows, { hasText: 'Отсутствует обязательный раздел «Маркетинговые тактики»' }).waitFor();
      await page.locator(SEL.problemRows, { hasText: 'Missing' }).first().waitFor({ state: 'detached' });
    });

    await step('a crashed server is restarted and the user is told once, not once per crash', async () => {
      const told = /stopped unexpectedly and was restarted|неожиданно остановился и был перезапущен/;
      const kill = () => {
        const pids = serverPids(dirs.extensions);
        assert.equal(pids.length, 1, `one segdoc server running; found ${pids.join(', ') || 'none'}`);
        process.kill(pids[0], 'SIGKILL');
      };
      const required = 'Отсутствует обязательный раздел «Маркетинговые тактики»';
      await page.locator(SEL.problemRows, { hasText: required }).waitFor();
      kill();
      await page.locator('.notification-toast', { hasText: told }).first().waitFor();
      // The restarted server answers: a section typed at the end (text the old server never
      // saw) makes the problem go away.
      await page.locator(`${SEL.lines} .view-line`).first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('\n## Маркетинговые тактики\n\n- Каналы: Telegram-чаты DevOps\n');
      // The client clears a crashed server's diagnostics, so the missing-section row going
      // away proves nothing yet; the other rows coming back does.
      await page.locator(SEL.problemRows, { hasText: required }).waitFor({ state: 'detached' });
      await page.locator(SEL.problemRows, { hasText: 'recommended-section' }).first().waitFor();
      await page.locator(SEL.problemRows, { hasText: required }).waitFor({ state: 'detached' });
      // A second crash: the server comes back again (a second copy of the section is
      // reported as a duplicate), and no second notification is shown.
      kill();
      await page.keyboard.insertText('\n## Маркетинговые тактики\n\n- Каналы: конференции\n');
      await page.locator(SEL.problemRows, { hasText: 'duplicate-section' }).first().waitFor();
      await page.keyboard.press('F1');
      await page.keyboard.type('Notifications: Show Notifications');
      await page.locator(SEL.quickInputRows, { hasText: 'Show Notifications' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.notifications-center .notification-list-item').first().waitFor();
      const notices = (await page.locator('.notifications-center .notification-list-item').allInnerTexts()).filter((x) =>
        told.test(x),
      );
      assert.equal(notices.length, 1, `one restart notification; got:\n${notices.join('\n')}`);
    });
  } finally {
    t.diagnostic(`ui timings: ${JSON.stringify(timings)}`);
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'timings.json'), JSON.stringify({ ...timings, totalMs: since(t0) }, null, 2));
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  }
}

/**
 * One cold start as a user meets it, for docs/performance.md: a fresh code-server with the
 * VSIX installed, a fresh browser, the persona opened from the URL; timed until the first
 * error squiggle is drawn.
 */
export async function measureColdStart(vsix) {
  const tmp = tempDir('cold');
  const dirs = prepare(tmp.dir);
  installExtension(dirs, vsix);
  let server;
  let browser;
  try {
    const spawned = performance.now();
    server = await startCodeServer(dirs);
    browser = await launchBrowser();
    const { page } = browser;
    const load = performance.now();
    await page.goto(workbenchUrl(server, dirs.workspace, { openFile: join(dirs.workspace, 'personas/devops-dana.persona.md') }));
    // The document's text on screen is VS Code's share of the wait; what follows is segdoc's.
    await page.locator(`${SEL.lines} .view-line`, { hasText: '# Persona: DevOps Dana' }).waitFor({ timeout: 60_000 });
    const text = since(load);
    await page.locator(SEL.squiggleError).first().waitFor({ timeout: 60_000 });
    const squiggle = since(load);
    return {
      spawnToFirstSquiggleMs: since(spawned),
      pageLoadToFirstSquiggleMs: squiggle,
      pageLoadToTextMs: text,
      textToFirstSquiggleMs: squiggle - text,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  }
}
