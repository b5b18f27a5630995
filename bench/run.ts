/**
 * `npm run bench` — segdoc's performance figures in one run (docs/performance.md explains
 * the method and records results). Not part of the tests: nothing here asserts a time.
 *
 *  1. Corpus: ≥ 1,000 realistic documents (bench/corpus.ts). For each, back to back and in
 *     alternating order: a bare remark parse of the whole text (unified + remark-parse +
 *     remark-gfm + remark-frontmatter, as parse/markdown.ts configures them) and the
 *     engine's full check, `lint()`, with a fresh FragmentCache (cold: every chunk parsed,
 *     the honest comparison); then the same check again with that cache (warm: what a
 *     re-check costs when no chunk changed). Several passes; medians of the pass totals.
 *  2. Latency through the real server, `node dist/server.js --stdio`, for a ~100 KB
 *     document: didChange → publishDiagnostics, single-character edits at random places
 *     (seeded), then edits inside the largest section only (the worst case); then the five
 *     shapes of 100 KB document of bench/shapes.ts (BENCH_SHAPES, BENCH_SHAPE_EDITS).
 *  3. Segments (bench/segments.ts): the workspace pass of unknown-segment at 1,000 and 5,000
 *     documents, the indexed judgement against the one-by-one scan it replaced, and lint() of
 *     a document of 250 short segments with and without a custom threshold.
 *
 *  4. The CLI side by side with markdownlint-cli2 (bench/cli.ts): wall, peak RSS, cores used
 *     and a warm --cache run, at 200, 1,000 and 5,000 documents (BENCH_CLI_SIZES; 12,000 opt-in).
 *
 * Parts: `npm run bench -- cli segments` runs only the parts named (corpus, lsp, segments,
 * cli); with no names, all of them but those a BENCH_SKIP_* variable leaves out.
 *
 * Environment: BENCH_DOCS (corpus size, default 1000), BENCH_PASSES (default 3),
 * BENCH_EDITS (edits per latency phase, default 300), BENCH_SKIP_LSP=1, BENCH_SKIP_CORPUS=1, BENCH_SKIP_SEGMENTS=1, BENCH_SKIP_CLI=1,
 * BENCH_SERVER (a server bundle to use instead of dist/server.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildDocument, FragmentCache } from '../server/src/model/build';
import { splitChunks } from '../server/src/parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS } from '../server/src/parse/markdown';
import { lint } from '../server/src/services/engine';
import { buildCorpus, largeDocument, rng, type CorpusDoc } from './corpus';
import { percentile, startServer } from './lsp';
import { shapesLatency } from './shapes';
import { segmentsBench } from './segments';
import { cliBench } from './cli';

const repoRoot = resolve(__dirname, '..');
const env = process.env;
const DOCS = Number(env['BENCH_DOCS'] ?? 1000);
const PASSES = Number(env['BENCH_PASSES'] ?? 3);
const EDITS = Number(env['BENCH_EDITS'] ?? 300);
const NOW = new Date('2026-06-01T00:00:00Z');

function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; node ${process.version} ${process.platform}-${process.arch}; load average at start ${load}`;
}

/** A document the limits would skip would measure nothing on the engine side (and may hang remark). */
function withinLimits(d: CorpusDoc): boolean {
  const body = d.text.startsWith('\uFEFF') ? d.text.slice(1) : d.text;
  if (d.text.length > DEFAULT_LIMITS.maxDocumentLength) return false;
  return splitChunks(body).every((c) => checkChunkLimits(c.text, DEFAULT_LIMITS) === undefined);
}

function corpusBench(): Record<string, number> {
  // Documents over the limits (the parse-limit fixtures and their variations) are left
  // out; generate enough that at least DOCS remain.
  let built = buildCorpus(repoRoot, DOCS);
  let docs = built.docs.filter(withinLimits);
  if (docs.length < DOCS) {
    built = buildCorpus(repoRoot, DOCS + (built.docs.length - docs.length) * 2 + 10);
    docs = built.docs.filter(withinLimits).slice(0, Math.max(DOCS, 0));
  }
  const chars = docs.reduce((a, d) => a + d.text.length, 0);
  const sizes = docs.map((d) => d.text.length);
  console.log(
    `\n== Corpus: ${docs.length} documents (those over the parse limits left out), ${(chars / 1e6).toFixed(2)} M characters`,
  );
  console.log(`   from ${built.bases.length} bases in ${built.sources.join(', ')}`);
  console.log(
    `   sizes: median ${(median(sizes) / 1024).toFixed(1)} KB, p95 ${(percentile(sizes, 95) / 1024).toFixed(1)} KB, max ${(Math.max(...sizes) / 1024).toFixed(1)} KB`,
  );

  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
  // Warm up both code paths (JIT) on a slice of the corpus.
  for (const d of docs.slice(0, 40)) {
    bare.parse(d.text);
    lint(d.text, { path: d.path, cache: new FragmentCache(), now: NOW });
  }

  const totals = { bare: [] as number[], cold: [] as number[], warm: [] as number[], build: [] as number[] };
  for (let pass = 0; pass < PASSES; pass++) {
    let tBare = 0;
    let tCold = 0;
    let tWarm = 0;
    let tBuild = 0;
    docs.forEach((d, i) => {
      const cache = new FragmentCache();
      const runBare = (): void => {
        const t = performance.now();
        bare.parse(d.text);
        tBare += performance.now() - t;
      };
      const runCold = (): void => {
        const t = performance.now();
        lint(d.text, { path: d.path, cache, now: NOW });
        tCold += performance.now() - t;
      };
      // Alternate the order so that neither side always runs on a warmer cache or heap.
      if ((i + pass) % 2 === 0) {
        runBare();
        runCold();
      } else {
        runCold();
        runBare();
      }
      let t = performance.now();
      lint(d.text, { path: d.path, cache, now: NOW });
      tWarm += performance.now() - t;
      // The parse and model alone (no detection, validation or rules), cold as well.
      t = performance.now();
      buildDocument(d.text, { path: d.path, cache: new FragmentCache() });
      tBuild += performance.now() - t;
    });
    totals.bare.push(tBare);
    totals.cold.push(tCold);
    totals.warm.push(tWarm);
    totals.build.push(tBuild);
    console.log(
      `   pass ${pass + 1}: bare remark ${(tBare / 1000).toFixed(2)} s, engine cold ${(tCold / 1000).toFixed(2)} s (ratio ${(tCold / tBare).toFixed(3)}), ` +
        `parse + model cold ${(tBuild / 1000).toFixed(2)} s (ratio ${(tBuild / tBare).toFixed(3)}), engine warm ${(tWarm / 1000).toFixed(2)} s`,
    );
  }
  const ratios = totals.cold.map((c, i) => c / totals.bare[i]!);
  const result = {
    docs: docs.length,
    megachars: chars / 1e6,
    bareS: median(totals.bare) / 1000,
    coldS: median(totals.cold) / 1000,
    ratio: median(ratios),
    warmS: median(totals.warm) / 1000,
    buildS: median(totals.build) / 1000,
    buildRatio: median(totals.build.map((b, i) => b / totals.bare[i]!)),
  };
  console.log(`   median of ${PASSES} passes:`);
  console.log(
    `     bare remark parse (whole texts)      ${result.bareS.toFixed(2)} s   ${(result.megachars / result.bareS).toFixed(2)} M chars/s`,
  );
  console.log(
    `     engine check, cold cache (lint)      ${result.coldS.toFixed(2)} s   ${(result.megachars / result.coldS).toFixed(2)} M chars/s`,
  );
  console.log(
    `     ratio engine / bare                  ${result.ratio.toFixed(3)}   (target ≤ 1.15: ${result.ratio <= 1.15 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `     parse + model only, cold (buildDocument) ${result.buildS.toFixed(2)} s   ratio to bare ${result.buildRatio.toFixed(3)}`,
  );
  console.log(
    `     engine check, warm cache             ${result.warmS.toFixed(2)} s   (${((result.warmS / docs.length) * 1000).toFixed(2)} ms per document: detection, validation, rules, model assembly)`,
  );
  return result;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/server.js, built by scripts/build.mjs when missing or older than the sources. */
function serverBundle(): string | undefined {
  if (env['BENCH_SERVER']) return resolve(env['BENCH_SERVER']);
  const main = join(repoRoot, 'server', 'src', 'lsp', 'main.ts');
  const dist = join(repoRoot, 'dist', 'server.js');
  if (!existsSync(main) || !existsSync(join(repoRoot, 'server', 'src', 'lsp', 'server.ts'))) return undefined;
  if (!existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(repoRoot, 'server', 'src'))) {
    console.log('   dist/server.js is missing or older than server/src: running node scripts/build.mjs');
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('node scripts/build.mjs failed');
  }
  return dist;
}

function describe(label: string, xs: readonly number[]): string {
  return `${label.padEnd(34)} n=${xs.length}  p50 ${percentile(xs, 50).toFixed(1)} ms  p95 ${percentile(xs, 95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;
}

/** The engine alone on the same kind of edits, without the protocol: what the server's figure is made of. */
function engineLatency(text: string, path: string, count: number): number[] {
  const cache = new FragmentCache();
  const r = rng(42);
  lint(text, { path, cache });
  const out: number[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(r() * current.length);
    current = current.slice(0, at) + 'x' + current.slice(at);
    const t = performance.now();
    lint(current, { path, cache });
    out.push(performance.now() - t);
  }
  return out;
}

async function latencyBench(): Promise<Record<string, number | Record<string, number>> | undefined> {
  const big = largeDocument(repoRoot, 100);
  const body = big.text;
  const chunks = splitChunks(body);
  const largest = chunks.reduce((a, c) => (c.text.length > a.text.length ? c : a));
  console.log(
    `\n== Latency through the language server: ${(body.length / 1024).toFixed(1)} KB document, ${chunks.length} chunks, largest ${(largest.text.length / 1024).toFixed(1)} KB ("${largest.text.split('\n')[0]}")`,
  );
  const serverPath = serverBundle();
  if (!serverPath) {
    console.log('   skipped: server/src/lsp is not there yet (run again once the language server exists)');
    return undefined;
  }
  const folder = mkdtempSync(join(os.tmpdir(), 'segdoc-bench-'));
  const uri = pathToFileURL(join(folder, big.path)).href;
  const session = await startServer(serverPath, uri, body);
  let result: Record<string, number>;
  try {
    console.log(`   didOpen → first diagnostics (cold parse of the whole document): ${session.openMs.toFixed(0)} ms`);
    await session.edits(30, 1);
    const random = await session.edits(EDITS, 42);
    console.log('   ' + describe('random places', random.samples));
    const region = { from: largest.start, to: largest.start + largest.text.length };
    const worst = await session.edits(Math.max(200, Math.round(EDITS * 0.7)), 43, region);
    console.log('   ' + describe(`largest section only (${(largest.text.length / 1024).toFixed(1)} KB)`, worst.samples));
    const inProcess = engineLatency(body, join(folder, big.path), Math.min(EDITS, 300));
    console.log('   ' + describe('same kind of edits, lint() in process', inProcess));
    const local = lint(worst.text, { path: join(folder, big.path), now: NOW, cache: null });
    const agree = local.findings.length === worst.lastDiagnostics;
    console.log(
      `   check: the server's last diagnostics (${worst.lastDiagnostics}) ${agree ? 'match' : 'DO NOT match'} a local lint() of the same text (${local.findings.length})`,
    );
    const p95 = percentile(random.samples, 95);
    console.log(`   target p95 ≤ 25 ms at random places: ${p95 <= 25 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);
    result = {
      openMs: session.openMs,
      randomP50: percentile(random.samples, 50),
      randomP95: p95,
      worstP50: percentile(worst.samples, 50),
      worstP95: percentile(worst.samples, 95),
      largestKB: largest.text.length / 1024,
    };
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  // The five shapes of document of issue 14 (bench/shapes.ts), one server each.
  return { ...result, shapes: await shapesLatency(repoRoot, serverPath) };
}

async function main(): Promise<void> {
  console.log(machine());
  console.log('Figures are wall-clock on a shared machine: other processes add noise. Repeat runs and compare medians.');
  // `npm run bench -- cli segments`: only the parts named; otherwise all but the BENCH_SKIP_* ones.
  const named = process.argv.slice(2);
  const part = (name: string, skip: string): boolean => (named.length ? named.includes(name) : !env[skip]);
  const corpus = part('corpus', 'BENCH_SKIP_CORPUS') ? corpusBench() : undefined;
  const latency = part('lsp', 'BENCH_SKIP_LSP') ? await latencyBench() : undefined;
  const segments = part('segments', 'BENCH_SKIP_SEGMENTS') ? segmentsBench() : undefined;
  const cli = part('cli', 'BENCH_SKIP_CLI') ? cliBench() : undefined;
  console.log(
    '\nRESULT ' +
      JSON.stringify({
        node: process.version,
        cpu: os.cpus()[0]?.model.trim(),
        cores: os.availableParallelism(),
        corpus,
        latency,
        segments,
        cli,
      }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
