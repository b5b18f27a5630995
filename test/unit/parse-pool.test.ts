/**
 * The parse pool (services/parse-pool.ts): chunks parsed in worker threads give the model a
 * parse on this thread gives; a chunk past the budget becomes a skipped part and the worker
 * is replaced; a worker that dies or cannot start loses nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildDocument, buildDocumentAsync, FragmentCache } from '../../server/src/model/build';
import type { SegDocument } from '../../server/src/model/types';
import { DEFAULT_LIMITS, type ParseLimits } from '../../server/src/parse/markdown';
import { lint, lintAsync } from '../../server/src/services/engine';
import { ParsePool } from '../../server/src/services/parse-pool';

const root = path.resolve(__dirname, '..', '..');
const realistic = path.join(root, 'test', 'fixtures', 'realistic');

function plain(doc: SegDocument): unknown {
  const { lines: _lines, definitions, ...rest } = doc;
  return JSON.parse(JSON.stringify({ ...rest, definitions: [...definitions].sort() }));
}

const UNBOUNDED: ParseLimits = { ...DEFAULT_LIMITS, maxSetextCost: Infinity };
const SLOW = '# Persona: Dana\n\n## Notes\n\n' + 'a\n=\n'.repeat(10_000) + '\n## Goals\n\n- **Primary Goal**: [Goal]\n';

describe('parse pool', () => {
  const pool = new ParsePool({ size: 2 });
  after(() => pool.dispose());

  test('documents parsed in workers are the documents parsed here, findings and all', async () => {
    const files = readdirSync(realistic).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 20);
    for (const f of files) {
      const text = readFileSync(path.join(realistic, f), 'utf8');
      const here = lint(text, { path: f, cache: null, now: new Date('2026-11-23') });
      const there = await lintAsync(text, pool, { path: f, cache: new FragmentCache(), now: new Date('2026-11-23') });
      assert.deepEqual(plain(there.doc), plain(here.doc), f);
      assert.deepEqual(there.findings, here.findings, f);
    }
    assert.ok(pool.stats.parsed > files.length, 'the workers did the parsing');
  });

  test('an edit re-parses only the chunks it touched', async () => {
    const text = readFileSync(path.join(root, 'examples', 'en', 'stratus-cloud.segmentation.md'), 'utf8');
    const cache = new FragmentCache();
    await buildDocumentAsync(text, pool, { cache });
    const before = pool.stats.parsed;
    const edited = text.replace('## ', '## Our ');
    const doc = await buildDocumentAsync(edited, pool, { cache });
    assert.ok(pool.stats.parsed - before <= 2, `${pool.stats.parsed - before} chunks parsed again`);
    assert.deepEqual(plain(doc), plain(buildDocument(edited, { cache: null })));
  });

  test('a chunk past the budget is a parse-time skipped part; the rest is parsed; the worker is replaced', async () => {
    const slow = new ParsePool({ size: 1, budgetMs: 300 });
    const logged: string[] = [];
    const logging = new ParsePool({ size: 1, budgetMs: 300, log: (m) => logged.push(m) });
    try {
      const doc = await buildDocumentAsync(SLOW, logging, { limits: UNBOUNDED });
      assert.deepEqual(
        doc.skipped.map((s) => [s.reason, s.detail['budget']]),
        [['parse-time', 300]],
      );
      // In the Notes section, where the slow part is.
      const at = doc.skipped[0]!.span.start;
      assert.ok(at >= SLOW.indexOf('## Notes') && at < SLOW.indexOf('## Goals'), `at ${at}`);
      assert.deepEqual(
        doc.allSections.map((s) => s.heading.text),
        ['Persona: Dana', 'Notes', 'Goals'],
        'the slow section keeps its heading; the next one is read',
      );
      assert.equal(doc.allSections[2]!.fields.length, 1);
      assert.ok(logging.stats.timedOut >= 1);
      assert.match(logged[0]!, /took longer than 300 ms/);
      // The replaced worker parses the next document.
      const next = await buildDocumentAsync('# Persona: Mia\n\n## Goals\n\n- ship\n', logging, { cache: null });
      assert.deepEqual(next.skipped, []);
      assert.equal(next.allSections[1]!.lists[0]!.items.length, 1);
      assert.ok(logging.stats.workersStarted >= 2);
      // Through a cache, the same chunk does not pay the budget twice.
      // (Other limits than the defaults get a cache of their own, one per limits object.)
      const limits = { ...UNBOUNDED };
      await buildDocumentAsync(SLOW, slow, { limits });
      const timedOut = slow.stats.timedOut;
      assert.ok(timedOut >= 1);
      const again = await buildDocumentAsync(SLOW.replace('[Goal]', 'Grow'), slow, { limits });
      assert.equal(again.skipped.length, 1);
      assert.equal(again.allSections[2]!.fields[0]!.value.text, 'Grow');
      assert.equal(slow.stats.timedOut, timedOut);
    } finally {
      slow.dispose();
      logging.dispose();
    }
  });

  test('a worker that dies while parsing loses only its chunk (parse-failed)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'segdoc-pool-'));
    const script = path.join(dir, 'dies.js');
    // Ready, then exits on the first chunk that mentions "boom", like a worker out of memory.
    writeFileSync(
      script,
      `require(${JSON.stringify(require.resolve('tsx/cjs'))});
       const { parentPort } = require('node:worker_threads');
       const { makeFragment } = require(${JSON.stringify(path.join(root, 'server', 'src', 'model', 'build.ts'))});
       parentPort.on('message', (j) => { if (j.text.includes('boom')) process.exit(3); parentPort.postMessage({ id: j.id, fragment: makeFragment(j.text, j.limits, j.last) }); });
       parentPort.postMessage({ ready: true });`,
    );
    const logged: string[] = [];
    const dying = new ParsePool({ size: 1, script, log: (m) => logged.push(m) });
    try {
      const doc = await buildDocumentAsync('# Persona: Dana\n\n## Notes\n\nboom\n\n## Goals\n\n- ship\n', dying, {
        cache: null,
        chunkMin: 0,
      });
      assert.deepEqual(
        doc.skipped.map((s) => s.reason),
        ['parse-failed'],
      );
      assert.deepEqual(
        doc.allSections.map((s) => s.heading.text),
        ['Persona: Dana', 'Notes', 'Goals'],
      );
      assert.equal(doc.allSections[2]!.lists[0]!.items.length, 1);
      assert.equal(dying.stats.failed, 1);
      assert.match(logged.join('\n'), /stopped while reading a chunk/);
    } finally {
      dying.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without a worker script, chunks are parsed here and that is said once', async () => {
    const logged: string[] = [];
    const broken = new ParsePool({ script: path.join(tmpdir(), 'no-such-parse-worker.js'), log: (m) => logged.push(m) });
    try {
      const text = '# Persona: Dana\n\n## Goals\n\n- ship\n';
      for (let i = 0; i < 3; i++) {
        const doc = await buildDocumentAsync(text + '\n'.repeat(i), broken, { cache: null });
        assert.deepEqual(plain(doc), plain(buildDocument(text + '\n'.repeat(i), { cache: null })));
      }
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0]!, /parses on the main thread/);
    } finally {
      broken.dispose();
    }
  });
});

describe('fragment cache', () => {
  test('is bounded in estimated bytes and keeps no document text alive', () => {
    const cache = new FragmentCache(200_000);
    let text = readFileSync(path.join(root, 'examples', 'en', 'stratus-cloud.segmentation.md'), 'utf8');
    for (let i = 0; i < 200; i++) {
      text = text.replace('## ', `## v${i} `);
      buildDocument(text, { cache });
      assert.ok(cache.bytes <= 200_000 + 100_000, `${cache.bytes} bytes`);
    }
    assert.ok(cache.entries > 0);
  });
});
