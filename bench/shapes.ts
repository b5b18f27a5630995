/**
 * Editor latency on five shapes of 100 KB document (issue 14), through the real language
 * server as bench/lsp.ts measures it (didChange → publishDiagnostics, debounce 0): part of
 * the latency part of `npm run bench` (`npm run bench -- lsp`), or alone with
 * `node --import tsx bench/shapes.ts` (uses BENCH_SERVER or dist/server.js, which it does
 * not build). Nothing asserts a time.
 *
 *  - appendices: the benchmark's long segmentation with appendices (bench/corpus.ts largeDocument);
 *  - segments: a segmentation of about 250 short segments;
 *  - notes: a persona followed by a 100 KB nested list of interview notes;
 *  - table: a segmentation with one 60 KB table of target accounts, typed in inside the table;
 *  - gtm: a GTM plan of 200 headings (weekly launch plan, channels, risks).
 *
 * Edits are single characters at places chosen by a seeded RNG, inside the shape's region
 * (the list, the table) or anywhere. Environment: BENCH_SHAPES (comma-separated names,
 * default all), BENCH_SHAPE_EDITS (measured edits per shape, default 200).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../server/src/services/engine';
import { largeDocument, rng } from './corpus';
import { percentile, startServer } from './lsp';

export interface Shape {
  name: string;
  label: string;
  path: string;
  text: string;
  /** Where the edits go (offsets into text); the whole document when absent. */
  region?: { from: number; to: number };
}

const TARGET = 100 * 1024;
const WORDS =
  'cloud native startups mid market platform teams regulated fintech digital agencies enterprise retail healthcare logistics public sector education gaming media малый средний бизнес ритейл производство банки логистика'.split(
    ' ',
  );
const PEOPLE = ['DevOps Dana', 'CTO Chris', 'Platform Pat', 'FinOps Fiona', 'Ирина, DBA', 'Алексей, CTO', 'Sam the SRE'];
const CITIES = ['Berlin', 'Austin', 'Москва', 'Казань', 'Warsaw', 'Lisbon'];

function example(repoRoot: string, name: string): string {
  const text = readFileSync(join(repoRoot, 'examples', 'en', name), 'utf8');
  return text.endsWith('\n') ? text : text + '\n';
}

type Pick = <T>(xs: readonly T[]) => T;
function picker(seed: number): { pick: Pick; int: (n: number) => number } {
  const r = rng(seed);
  return { pick: (xs) => xs[Math.floor(r() * xs.length)]!, int: (n) => Math.floor(r() * n) };
}

/** About 250 short segments of a segmentation, each a heading, six fields and a sentence (~100 KB). */
function segmentsShape(): Shape {
  const { pick, int } = picker(250);
  const parts = [
    '# Customer Segmentation: Many Segments',
    '',
    '## Metadata',
    '- **Date**: 2026-05-01',
    '',
    '## Target Segments',
    '',
  ];
  for (let i = 1; i <= 250; i++) {
    parts.push(
      `### Segment ${i}: ${pick(WORDS)} ${pick(WORDS)} ${i}`,
      `- **Size**: ${100 + int(9000)} companies, ${10 + int(90)}% in ${pick(CITIES)}`,
      `- **ACV**: $${5 + int(90)}k`,
      `- **Buyer**: ${pick(PEOPLE)}`,
      `- **Channels**: ${pick(WORDS)} events, ${pick(WORDS)} partners`,
      `- **Needs**: ${pick(WORDS)} ${pick(WORDS)} reporting; ${pick(WORDS)} ${pick(WORDS)} automation`,
      `- **Strategy**: land with ${pick(WORDS)} teams, expand to ${pick(WORDS)}`,
      '',
      `Buyers in ${pick(WORDS)} ${pick(WORDS)} compare us with ${pick(['EKS', 'GKE', 'OpenShift', 'Rancher'])} and ask for ${pick(['audit evidence', 'predictable bills', 'a migration plan', 'SSO'])}; ${pick(['they buy through partners', 'the CFO signs', 'a pilot comes first', 'закупка через тендер'])}.`,
      '',
    );
  }
  return { name: 'segments', label: '~250 short segments', path: 'many.segmentation.md', text: parts.join('\n') };
}

/** A persona followed by a nested list of interview notes, to 100 KB; edits in the list. */
function notesShape(repoRoot: string): Shape {
  const { pick } = picker(11);
  const head = example(repoRoot, 'devops-dana.persona.md') + '\n## Appendix: Interview Notes\n\n';
  const notes: string[] = [];
  let size = head.length;
  for (let i = 1; size < TARGET; i++) {
    const lines = [
      `- **Interview ${i}** (${pick(PEOPLE)}, ${pick(WORDS)} ${pick(WORDS)}, ${pick(CITIES)}): ${pick(['wants predictable bills', 'upgrades take a weekend', 'needs audit evidence', 'хочет меньше ручной работы', 'compares us with EKS'])}`,
      `  - Pain: ${pick(['egress charges', 'cluster sprawl', 'slow security reviews', 'долгие согласования', 'on-call fatigue'])}; tried ${pick(['Terraform modules', 'Rancher', 'OpenShift', 'самописные скрипты'])}`,
      `  - Quote: "${pick(['We spend Fridays on upgrades.', 'Finance asks who spends what.', 'Нам нужен один счёт.', 'Security wants evidence, not slides.'])}"`,
      `  - Next: ${pick(['send the pricing sheet', 'book a pilot', 'intro to the CISO', 'созвон через месяц'])}`,
    ];
    notes.push(...lines);
    size += lines.join('\n').length + 1;
  }
  const text = head + notes.join('\n') + '\n';
  return {
    name: 'notes',
    label: '100 KB list of interview notes',
    path: 'dana.persona.md',
    text,
    region: { from: head.length, to: text.length },
  };
}

/** A segmentation with one 60 KB table of target accounts, then appendices to 100 KB; edits in the table. */
function tableShape(repoRoot: string): Shape {
  const { pick, int } = picker(60);
  const head =
    example(repoRoot, 'stratus-cloud.segmentation.md') +
    '\n## Appendix: Target Accounts\n\n| Account | Segment | Employees | ARR | Region | Owner | Notes |\n|---|---|--:|--:|---|---|---|\n';
  const rows: string[] = [];
  let size = 0;
  for (let i = 1; size < 60 * 1024; i++) {
    const row = `| ${pick(['Northwind', 'Contoso', 'Globex', 'Initech', 'Ромашка', 'Вектор', 'Hooli'])} ${i} | ${pick(['Cloud-Native Startups', 'Mid-Market Platform Teams', 'Regulated FinTech', 'Digital Agencies'])} | ${50 + int(5000)} | $${1 + int(90)}M | ${pick(CITIES)} | ${pick(PEOPLE)} | ${pick(['pilot in Q3', 'uses `kubectl` scripts', 'renewal \\| churn risk', 'хочет SSO', '**champion** left'])} |`;
    rows.push(row);
    size += row.length + 1;
  }
  const table = rows.join('\n') + '\n';
  let text = head + table;
  const from = head.length;
  const to = text.length;
  // Appendices after the table, from the long document's methodology notes.
  const rest = largeDocument(repoRoot, 100).text;
  const appendix = Math.max(0, rest.indexOf('\n## Appendix A'));
  const upTo = rest.lastIndexOf('\n', appendix + Math.max(0, TARGET - text.length));
  text += rest.slice(appendix, Math.max(appendix, upTo)) + '\n';
  return {
    name: 'table',
    label: 'one 60 KB table, typing inside it',
    path: 'accounts.segmentation.md',
    text,
    region: { from, to },
  };
}

/** A GTM plan of 200 headings: the example, then a weekly launch plan, channel plans and risks (~100 KB). */
function gtmShape(repoRoot: string): Shape {
  const { pick, int } = picker(200);
  const base = example(repoRoot, 'stratus-fleet.gtm.md');
  const baseHeadings = (base.match(/^#{1,6} /gm) ?? []).length;
  const parts = [base, '## Appendix: Detailed Launch Plan', ''];
  const sections = 200 - baseHeadings - 1;
  const per = Math.floor((TARGET - base.length) / sections);
  for (let i = 1; i <= sections; i++) {
    const lines = [
      `### Week ${i}: ${pick(['Partner enablement', 'Webinar series', 'Field events', 'Content sprint', 'Пилоты с клиентами', 'Pricing review'])}`,
      '',
      `**Owner**: ${pick(PEOPLE)}`,
      `**Budget**: $${5 + int(60)}k`,
      `**Goal**: ${10 + int(90)} qualified leads from ${pick(WORDS)} ${pick(WORDS)}`,
      '',
    ];
    while (lines.join('\n').length < per - 30) {
      lines.push(
        `- ${pick(['Publish', 'Review', 'Launch', 'Measure', 'Согласовать'])} ${pick(WORDS)} ${pick(WORDS)} ${pick(['playbook', 'landing page', 'case study', 'email sequence', 'отчёт'])}`,
      );
    }
    parts.push(...lines, '');
  }
  return { name: 'gtm', label: 'GTM plan with 200 headings', path: 'fleet.gtm.md', text: parts.join('\n') };
}

export function shapes(repoRoot: string): Shape[] {
  const big = largeDocument(repoRoot, 100);
  return [
    { name: 'appendices', label: 'long segmentation with appendices', path: big.path, text: big.text },
    segmentsShape(),
    notesShape(repoRoot),
    tableShape(repoRoot),
    gtmShape(repoRoot),
  ];
}

/** Latency on each shape (those BENCH_SHAPES names), one server per shape. */
export async function shapesLatency(repoRoot: string, serverPath: string): Promise<Record<string, number>> {
  const wanted = (process.env['BENCH_SHAPES'] ?? '').split(',').filter(Boolean);
  const edits = Number(process.env['BENCH_SHAPE_EDITS'] ?? 200);
  const result: Record<string, number> = {};
  console.log(`\n== Latency on five shapes of document (${edits} edits each, didChange → publishDiagnostics)`);
  for (const shape of shapes(repoRoot)) {
    if (wanted.length && !wanted.includes(shape.name)) continue;
    const folder = mkdtempSync(join(os.tmpdir(), 'segdoc-shape-'));
    const uri = pathToFileURL(join(folder, shape.path)).href;
    const session = await startServer(serverPath, uri, shape.text);
    try {
      const region = shape.region ? { ...shape.region } : undefined;
      await session.edits(30, 5, region && { ...region, to: region.to });
      // The warm-up moved the region's end by at most 30 characters; the measured edits keep inside it.
      const run = await session.edits(edits, 6, region && { from: region.from, to: region.to - 30 });
      const p50 = percentile(run.samples, 50);
      const p95 = percentile(run.samples, 95);
      const local = lint(run.text, { path: join(folder, shape.path), cache: null }).findings.length;
      console.log(
        `   ${`${shape.label} (${(shape.text.length / 1024).toFixed(0)} KB)`.padEnd(48)} p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${Math.max(...run.samples).toFixed(1)} ms` +
          `  (target p95 ≤ 25 ms: ${p95 <= 25 ? 'met' : 'NOT met'}; diagnostics ${run.lastDiagnostics === local ? 'match' : `DO NOT match (${run.lastDiagnostics} vs ${local})`} a local lint())`,
      );
      result[`${shape.name}P50`] = p50;
      result[`${shape.name}P95`] = p95;
    } finally {
      await session.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return result;
}

if (require.main === module) {
  const repoRoot = resolve(__dirname, '..');
  const server = resolve(process.env['BENCH_SERVER'] ?? join(repoRoot, 'dist', 'server.js'));
  if (!existsSync(server)) throw new Error(`${server} is missing: run node scripts/build.mjs first`);
  shapesLatency(repoRoot, server).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
