/**
 * Segment benchmarks (docs/performance.md, "Segments and the workspace pass"); run alone
 * with `node --import tsx bench/segments.ts`, or as part of `npm run bench`. Nothing asserts
 * a time.
 *
 *  1. The workspace pass: for 1,000 and 5,000 generated documents (a quarter segmentations
 *     of about eight segments each, the rest personas naming a segment exactly, in another
 *     case, longer, with a typo, or not at all), the unknown-segment judgement of every
 *     persona's Segment against the whole workspace's list — the one-by-one scan the rule
 *     used to run (kept here as the reference) and the index (rules/segments/known.ts), in
 *     the same run, with their results compared. The scan is timed on BENCH_SCAN_SAMPLE
 *     personas (default 750: all of them at 1,000 documents) and scaled.
 *  2. `lint()` of a segmentation document of about 250 short segments, warm fragment cache,
 *     with the default options and with a config that changes segment-differentiable's
 *     threshold (which used to make the segment evaluation run once per option set).
 */
import { segmentNameKey } from '../server/src/model/segments';
import { FragmentCache } from '../server/src/model/build';
import { knownSegmentIndex, type ReferenceMatch } from '../server/src/rules/segments/known';
import type { KnownSegment } from '../server/src/rules/types';
import { lint, type LintConfig } from '../server/src/services/engine';
import { rng } from './corpus';
import { percentile } from './lsp';
import { referenceMatch as scanMatch } from '../test/fixtures/segment-scan';

const WORDS =
  'cloud native startups mid market platform teams regulated fintech digital agencies enterprise retail healthcare logistics public sector education gaming media manufacturing insurance telecom energy biotech legal nonprofit travel малый средний бизнес ритейл производство банки логистика'.split(
    ' ',
  );

const SUFFIXES = ['Operators', 'Teams', 'Builders', 'компании', 'команды'];

function workspace(docs: number, seed: number): { known: KnownSegment[]; values: string[] } {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const known: KnownSegment[] = [];
  const values: string[] = [];
  const segmentations = Math.round(docs / 4);
  for (let d = 0; d < segmentations; d++) {
    for (let s = 0; s < 8; s++) {
      // Names repeat across documents (versions and variations of a segmentation), as in the corpus.
      const words = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(WORDS));
      known.push({
        name: `${words.join(' ')} ${pick(SUFFIXES)}`.replace(/^./, (c) => c.toUpperCase()),
        source: `doc${d}.segmentation.md`,
      });
    }
  }
  for (let p = segmentations; p < docs; p++) {
    const name = pick(known).name;
    const r = random();
    const at = Math.floor(random() * name.length);
    values.push(
      r < 0.4
        ? name
        : r < 0.55
          ? name.toUpperCase()
          : r < 0.7
            ? `${name} in Europe`
            : r < 0.85
              ? name.slice(0, at) + name.slice(at + 1)
              : Array.from({ length: 3 }, () => pick(WORDS)).join(' '),
    );
  }
  return { known, values };
}

/** Personas the reference scan is timed on (BENCH_SCAN_SAMPLE): all of them at 1,000 documents, a sample at 5,000. */
const SCAN_SAMPLE = Number(process.env['BENCH_SCAN_SAMPLE'] ?? 750);

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function workspacePassBench(): Record<string, number> {
  const result: Record<string, number> = {};
  for (const docs of [1000, 5000]) {
    const { known, values } = workspace(docs, docs);
    let scan: ReferenceMatch[] = [];
    let indexed: ReferenceMatch[] = [];
    // The scan is quadratic: past SCAN_SAMPLE personas it is timed on a sample and scaled.
    const sample = values.slice(0, SCAN_SAMPLE);
    const tScan = (time(() => (scan = sample.map((v) => scanMatch(known, v)))) * values.length) / sample.length;
    // A fresh copy of the list, so the index is built inside the timed run.
    const list = [...known];
    const tIndex = time(() => (indexed = values.map((v) => knownSegmentIndex(list).match(segmentNameKey(v)))));
    const same = JSON.stringify(scan) === JSON.stringify(indexed.slice(0, scan.length));
    const kinds = indexed.reduce<Record<string, number>>((a, m) => ({ ...a, [m.kind]: (a[m.kind] ?? 0) + 1 }), {});
    console.log(
      `   ${docs} documents (${known.length} known segments, ${values.length} personas: ${JSON.stringify(kinds)}): ` +
        `scan ${(tScan / 1000).toFixed(2)} s${sample.length < values.length ? ` (timed on ${sample.length}, scaled)` : ''}, index ${tIndex.toFixed(1)} ms — ${(tScan / tIndex).toFixed(0)} ×, results ${same ? 'identical' : 'DIFFERENT'}`,
    );
    result[`scan${docs}Ms`] = tScan;
    result[`index${docs}Ms`] = tIndex;
    if (!same) result[`different${docs}`] = 1;
  }
  return result;
}

/** A segmentation of `count` short segments (heading, size, ACV, channels, needs, strategy). */
export function shortSegments(count = 250): string {
  const random = rng(250);
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  const parts = [
    '# Customer Segmentation: Many Segments',
    '',
    '## Metadata',
    '- **Date**: 2026-05-01',
    '',
    '## Target Segments',
    '',
  ];
  for (let i = 1; i <= count; i++) {
    parts.push(
      `### Segment ${i}: ${pick()} ${pick()} ${i}`,
      `- **Size**: ${100 + Math.floor(random() * 9000)} companies`,
      `- **ACV**: $${5 + Math.floor(random() * 90)}k`,
      `- **Channels**: ${pick()} events, ${pick()} partners`,
      `- **Needs**: ${pick()} ${pick()} reporting; ${pick()} ${pick()} automation`,
      `- **Strategy**: land with ${pick()} teams, expand to ${pick()}`,
      '',
    );
  }
  return parts.join('\n');
}

export function lintSegmentsBench(runs = 60): Record<string, number> {
  const text = shortSegments();
  const cache = new FragmentCache();
  const custom: LintConfig = { rules: { 'segment-differentiable': ['warning', { threshold: 0.5 }] } };
  const measure = (config: LintConfig | undefined): number[] => {
    const times: number[] = [];
    for (let i = 0; i < runs + 10; i++) {
      const t = time(() => lint(text, { path: 'many.segmentation.md', cache, ...(config ? { config } : {}) }));
      if (i >= 10) times.push(t);
    }
    return times;
  };
  const result: Record<string, number> = {};
  for (const [label, config] of [
    ['defaults', undefined],
    ['threshold', custom],
  ] as const) {
    const times = measure(config);
    result[`${label}P50Ms`] = percentile(times, 50);
    result[`${label}P95Ms`] = percentile(times, 95);
    console.log(
      `   lint(), ${(text.length / 1024).toFixed(0)} KB, 250 segments, warm cache, ${label === 'defaults' ? 'default options' : 'segment-differentiable threshold 0.5'}: ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (n = ${runs})`,
    );
  }
  return result;
}

export function segmentsBench(): Record<string, number> {
  console.log('\n== Segments: the workspace pass (unknown-segment) and a document of 250 short segments');
  return { ...workspacePassBench(), ...lintSegmentsBench() };
}

if (require.main === module) segmentsBench();
