/**
 * The CLI side by side with markdownlint-cli2 (docs/performance.md, "The CLI side by side
 * with markdownlint-cli2"); part of `npm run bench` (`npm run bench -- cli` runs it alone) or
 * `node --import tsx bench/cli.ts`. Nothing asserts a time.
 *
 * For each size (200, 1,000 and 5,000 documents by default; 12,000 is opt-in, see below) a
 * folder of documents averaging ~4.8 KB is written to a temp dir: the corpus of
 * bench/corpus.ts (which reads test/fixtures too, so it changes a little as fixtures are
 * added; compare runs of one tree), documents made
 * from the methodology's source documents and examples/ taken first and those made from the
 * (small) test fixtures added while the mean is above 4.8 KB, so that every prefix of the
 * list has that mean; documents over the parse limits are left out. Then, in paired runs in
 * alternating order, the built CLI `node bin/segdoc.js check --format json .` and
 * `markdownlint-cli2 "**\/*.md"` (default rules, default formatter, no progress lines) on the
 * same folder, each under /usr/bin/time: wall (this process's clock around the run), CPU
 * (user + system of the process and its threads and waited-for children) and peak RSS
 * (ru_maxrss: the whole process, worker threads included; of a child process tree, the
 * largest process). Reports go to files, so no pipe is drained. Both tools exit 1 when they
 * find problems; only a crash (another code or a signal) is a failure. Then, when
 * `segdoc check --help` lists `--cache`, a cold `--cache` run (empty cache) and a warm one,
 * their findings compared with the run without a cache.
 *
 * Environment: BENCH_CLI_SIZES (comma-separated, default 200,1000,5000: about 6 minutes on a
 * quiet machine before the worker pool, 11 under load; BENCH_CLI_SIZES=200,1000,5000,12000 for
 * the targets at 12,000, another 6–12 minutes; BENCH_CLI_SIZES=200,1000 for a quick run),
 * BENCH_CLI_RUNS (paired runs per size; default 5 at ≤ 200, 3 at ≤ 1,000, 1 above),
 * BENCH_CLI_SEGDOC (another segdoc launcher, e.g. a worktree's bin/segdoc.js),
 * BENCH_CLI_MDL (another markdownlint-cli2 binary), BENCH_CLI_KEEP=1 (keep the temp dir).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { splitChunks } from '../server/src/parse/blocks';
import { checkChunkLimits, DEFAULT_LIMITS } from '../server/src/parse/markdown';
import { buildCorpus, type CorpusDoc } from './corpus';
import { percentile } from './lsp';

const repoRoot = resolve(__dirname, '..');
const env = process.env;
const SIZES = (env['BENCH_CLI_SIZES'] ?? '200,1000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SEGDOC = resolve(env['BENCH_CLI_SEGDOC'] ?? join(repoRoot, 'bin', 'segdoc.js'));
const MDL = resolve(env['BENCH_CLI_MDL'] ?? join(repoRoot, 'node_modules', '.bin', 'markdownlint-cli2'));
const TARGET_MEAN = 4.8 * 1024;
const TIME = '/usr/bin/time';

interface Run {
  wallS: number;
  cpuS: number;
  rssMb: number;
  code: number;
  out: string;
  err: string;
}

const median = (xs: readonly number[]): number => percentile(xs, 50);
const bytes = (d: CorpusDoc): number => Buffer.byteLength(d.text);

function runsFor(size: number): number {
  if (env['BENCH_CLI_RUNS']) return Math.max(1, Number(env['BENCH_CLI_RUNS']));
  return size <= 200 ? 5 : size <= 1000 ? 3 : 1;
}

/** As bench/run.ts: a document the limits would skip measures nothing on segdoc's side. */
function withinLimits(d: CorpusDoc): boolean {
  const body = d.text.startsWith('\uFEFF') ? d.text.slice(1) : d.text;
  if (d.text.length > DEFAULT_LIMITS.maxDocumentLength) return false;
  return splitChunks(body).every((c) => checkChunkLimits(c.text, DEFAULT_LIMITS) === undefined);
}

/**
 * `count` documents with a mean of ~4.8 KB in every prefix: documents from the methodology's
 * source documents and examples (rich, ~6 KB on average) in corpus order, one from the
 * test fixtures (~1.4 KB) whenever the mean so far is above the target.
 */
export function cliCorpus(count: number): CorpusDoc[] {
  // About one generated document in twelve comes from a rich base.
  for (let pool = Math.max(4000, count * 10); ; pool *= 2) {
    const docs = buildCorpus(repoRoot, pool).docs;
    const rich = docs.filter((d) => !d.origin.startsWith('test/'));
    const small = docs.filter((d) => d.origin.startsWith('test/'));
    const out: CorpusDoc[] = [];
    let total = 0;
    let r = 0;
    let s = 0;
    while (out.length < count && (r < rich.length || s < small.length)) {
      const useSmall = (total > TARGET_MEAN * out.length && s < small.length) || r >= rich.length;
      const next = useSmall ? small[s++]! : rich[r++]!;
      if (!withinLimits(next)) continue;
      out.push(next);
      total += bytes(next);
    }
    if (out.length === count && r < rich.length) return out;
  }
}

function writeCorpus(dir: string, docs: readonly CorpusDoc[]): void {
  docs.forEach((d, i) => {
    // Fifty files a folder, the name keeping the kind's suffix (as bench/memory.ts).
    const file = join(dir, `team-${Math.floor(i / 50)}`, `${i}-${basename(d.path)}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, d.text);
  });
  // markdownlint-cli2's defaults, without the progress lines.
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "noProgress": true }\n');
}

/** One run under /usr/bin/time; the reports go to files in `logs`. */
function timed(label: string, cwd: string, logs: string, args: readonly string[]): Run {
  const out = join(logs, `${label}.out`);
  const err = join(logs, `${label}.err`);
  const stats = join(logs, `${label}.time`);
  const fdOut = openSync(out, 'w');
  const fdErr = openSync(err, 'w');
  const t = performance.now();
  const r = spawnSync(TIME, ['-f', '%U %S %M', '-o', stats, process.execPath, ...args], {
    cwd,
    stdio: ['ignore', fdOut, fdErr],
    env: { ...env, NO_COLOR: '1', SEGDOC_TODAY: '2026-06-01' },
  });
  const wallS = (performance.now() - t) / 1000;
  closeSync(fdOut);
  closeSync(fdErr);
  const last = readFileSync(stats, 'utf8').trim().split('\n').pop() ?? '';
  const [user, sys, maxKb] = last.split(' ').map(Number);
  // 0: nothing found; 1: problems found (both tools). Anything else is a crash or a usage error.
  if (r.error || r.status === null || r.status > 1 || !Number.isFinite(maxKb))
    throw new Error(`${label}: exit ${r.status ?? r.signal} (${r.error?.message ?? readFileSync(err, 'utf8').slice(0, 2000)})`);
  return { wallS, cpuS: user! + sys!, rssMb: maxKb! / 1024, code: r.status, out, err };
}

function cacheFlags(): string[] | undefined {
  const help = spawnSync(process.execPath, [SEGDOC, 'check', '--help'], { encoding: 'utf8' });
  const text = `${help.stdout}${help.stderr}`;
  return /--cache\b(?!-)/.test(text) ? (/--cache-location\b/.test(text) ? ['--cache-location'] : []) : undefined;
}

/** The files and findings of a segdoc JSON report, comparable across runs. */
function segdocReport(file: string): { checked: number; findings: number; key: string } {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { files: Array<{ path: string; diagnostics: unknown[] }> };
  const files = [...json.files].sort((a, b) => a.path.localeCompare(b.path));
  return {
    checked: files.length,
    findings: files.reduce((a, f) => a + f.diagnostics.length, 0),
    key: JSON.stringify(files),
  };
}

const fmt = (x: number, d = 2): string => x.toFixed(d);
const range = (xs: readonly number[], d = 2): string =>
  xs.length > 1 ? ` [${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}]` : '';

interface SizeResult extends Record<string, number | string> {
  docs: number;
}

function sizeBench(root: string, docs: readonly CorpusDoc[], cache: string[] | undefined): SizeResult {
  const n = docs.length;
  const dir = join(root, `docs-${n}`);
  const logs = join(root, `logs-${n}`);
  mkdirSync(logs, { recursive: true });
  writeCorpus(dir, docs);
  const kb = docs.reduce((a, d) => a + bytes(d), 0) / 1024;
  console.log(`   ${n} documents (${fmt(kb / 1024, 1)} MB, mean ${fmt(kb / n, 1)} KB):`);
  const seg: Run[] = [];
  const mdl: Run[] = [];
  const runSeg = (i: number): number => seg.push(timed(`segdoc-${i}`, dir, logs, [SEGDOC, 'check', '--format', 'json', '.']));
  const runMdl = (i: number): number => mdl.push(timed(`mdl-${i}`, dir, logs, [MDL, '**/*.md']));
  for (let i = 0; i < runsFor(n); i++) {
    // Alternate the order, so neither tool always runs on a warmer page cache or a cooler CPU.
    if (i % 2 === 0) {
      runSeg(i);
      runMdl(i);
    } else {
      runMdl(i);
      runSeg(i);
    }
    console.log(
      `     pair ${i + 1}: segdoc ${fmt(seg[i]!.wallS)} s (${fmt(seg[i]!.rssMb, 0)} MB), markdownlint-cli2 ${fmt(mdl[i]!.wallS)} s (${fmt(mdl[i]!.rssMb, 0)} MB)`,
    );
  }
  const report = segdocReport(seg[0]!.out);
  const mdlFindings = readFileSync(mdl[0]!.err, 'utf8')
    .split('\n')
    .filter((l) => / error MD\d{3}\//.test(l)).length;
  const ratios = seg.map((s, i) => s.wallS / mdl[i]!.wallS);
  const result: SizeResult = {
    docs: n,
    meanKb: kb / n,
    segdocWallS: median(seg.map((r) => r.wallS)),
    mdlWallS: median(mdl.map((r) => r.wallS)),
    wallRatio: median(ratios),
    segdocRssMb: Math.max(...seg.map((r) => r.rssMb)),
    mdlRssMb: Math.max(...mdl.map((r) => r.rssMb)),
    segdocCores: median(seg.map((r) => r.cpuS / r.wallS)),
    mdlCores: median(mdl.map((r) => r.cpuS / r.wallS)),
    segdocChecked: report.checked,
    segdocFindings: report.findings,
    mdlFindings,
  };
  console.log(
    `     median of ${seg.length}: segdoc ${fmt(result.segdocWallS as number)} s${range(seg.map((r) => r.wallS))}, ` +
      `markdownlint-cli2 ${fmt(result.mdlWallS as number)} s${range(mdl.map((r) => r.wallS))}, ratio ${fmt(result.wallRatio as number)}${range(ratios)}`,
  );
  console.log(
    `     peak RSS segdoc ${fmt(result.segdocRssMb as number, 0)} MB, markdownlint-cli2 ${fmt(result.mdlRssMb as number, 0)} MB (ratio ${fmt((result.segdocRssMb as number) / (result.mdlRssMb as number))}); ` +
      `cores used (CPU ÷ wall) ${fmt(result.segdocCores as number)} / ${fmt(result.mdlCores as number)}`,
  );
  console.log(
    `     segdoc checked ${report.checked} of ${n} files (${report.findings} findings); markdownlint-cli2 ${mdlFindings} findings`,
  );
  if (cache) Object.assign(result, cacheBench(root, dir, logs, cache, report.key));
  return result;
}

function cacheBench(root: string, dir: string, logs: string, flags: string[], key: string): Record<string, number> {
  const location = join(root, `cache-${basename(dir)}`);
  rmSync(location, { recursive: true, force: true });
  const args = [SEGDOC, 'check', '--format', 'json', '--cache', ...(flags.length ? [flags[0]!, location] : []), '.'];
  const cold = timed('segdoc-cache-cold', dir, logs, args);
  const warm = timed('segdoc-cache-warm', dir, logs, args);
  const same = segdocReport(cold.out).key === key && segdocReport(warm.out).key === key;
  console.log(
    `     --cache: cold ${fmt(cold.wallS)} s, warm ${fmt(warm.wallS)} s, warm ÷ cold ${fmt(warm.wallS / cold.wallS, 3)} (${fmt(warm.rssMb, 0)} MB); findings ${same ? 'identical to' : 'DIFFERENT from'} the run without a cache`,
  );
  // Without --cache-location the cache is under the folder: clear it for markdownlint-cli2's next size.
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  return { cacheColdS: cold.wallS, cacheWarmS: warm.wallS, cacheRatio: warm.wallS / cold.wallS, cacheSame: same ? 1 : 0 };
}

function target(label: string, ok: boolean | undefined, value: string): void {
  console.log(`   target ${label}: ${ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met'} (${value})`);
}

function summary(results: readonly SizeResult[], cache: string[] | undefined): void {
  const at = (n: number): SizeResult | undefined => results.find((r) => r.docs === n);
  const num = (r: SizeResult | undefined, k: string): number | undefined => (r ? (r[k] as number) : undefined);
  console.log('\n   | documents | segdoc wall | markdownlint-cli2 wall | ratio | peak RSS segdoc / mdl | cores segdoc / mdl |');
  for (const r of results)
    console.log(
      `   | ${r.docs} | ${fmt(r['segdocWallS'] as number)} s | ${fmt(r['mdlWallS'] as number)} s | ${fmt(r['wallRatio'] as number)} | ` +
        `${fmt(r['segdocRssMb'] as number, 0)} / ${fmt(r['mdlRssMb'] as number, 0)} MB | ${fmt(r['segdocCores'] as number)} / ${fmt(r['mdlCores'] as number)} |`,
    );
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && last.docs > first.docs) {
    const growth = (k: string): string => fmt((last[k] as number) / last.docs / ((first[k] as number) / first.docs));
    console.log(
      `   growth of wall per document, ${first.docs} → ${last.docs}: segdoc ${growth('segdocWallS')} ×, markdownlint-cli2 ${growth('mdlWallS')} × (1 = linear; start-up weighs more at small sizes)`,
    );
  }
  for (const n of [1000, 12000]) {
    const ratio = num(at(n), 'wallRatio');
    target(
      `segdoc wall ≤ 0.5 × markdownlint-cli2's at ${n} documents`,
      ratio === undefined ? undefined : ratio <= 0.5,
      ratio === undefined ? `${n} not run: BENCH_CLI_SIZES=200,1000,5000,12000` : `${fmt(ratio)} ×`,
    );
  }
  const rss = num(at(12000), 'segdocRssMb');
  target(
    'segdoc peak RSS ≤ 400 MB at 12000 documents',
    rss === undefined ? undefined : rss <= 400,
    rss === undefined ? '12000 not run: BENCH_CLI_SIZES=200,1000,5000,12000' : `${fmt(rss, 0)} MB`,
  );
  const cacheRatios = results.map((r) => r['cacheRatio'] as number | undefined).filter((x): x is number => x !== undefined);
  if (!cache) console.log('   target warm --cache ≤ 0.1 × cold: n/a (no --cache)');
  else
    target(
      'warm --cache ≤ 0.1 × cold',
      cacheRatios.every((x) => x <= 0.1),
      cacheRatios.map((x) => fmt(x, 3)).join(', '),
    );
}

export function cliBench(): Record<string, unknown> | undefined {
  console.log(`\n== The CLI side by side with markdownlint-cli2: ${SIZES.join(', ')} documents`);
  for (const [what, file] of [
    ['/usr/bin/time', TIME],
    ['markdownlint-cli2 (npm install)', MDL],
  ] as const)
    if (!existsSync(file)) {
      console.log(`   skipped: ${what} is missing (${file})`);
      return undefined;
    }
  if (!env['BENCH_CLI_SEGDOC']) {
    console.log('   building the CLI: node scripts/build.mjs');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('node scripts/build.mjs failed');
  }
  const version = (args: string[]): string =>
    spawnSync(process.execPath, args, { encoding: 'utf8' }).stdout.split('\n')[0]!.trim();
  const cache = cacheFlags();
  console.log(
    `   segdoc ${version([SEGDOC, '--version'])} (${SEGDOC}); ${version([MDL, '--help'])}; --cache ${cache ? `accepted${cache.length ? ', with --cache-location' : ''}` : 'n/a (no --cache)'}`,
  );
  const root = mkdtempSync(join(os.tmpdir(), 'segdoc-bench-cli-'));
  try {
    const all = cliCorpus(Math.max(...SIZES));
    const results = [...SIZES].sort((a, b) => a - b).map((n) => sizeBench(root, all.slice(0, n), cache));
    summary(results, cache);
    return { segdoc: version([SEGDOC, '--version']), mdl: version([MDL, '--help']), cache: cache !== undefined, results };
  } finally {
    if (env['BENCH_CLI_KEEP']) console.log(`   kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const result = cliBench();
  console.log('\nRESULT ' + JSON.stringify({ node: process.version, cores: os.availableParallelism(), cli: result }));
}
