/**
 * Measures how remark (as configured in server/src/parse/markdown.ts) copes with the
 * pathological inputs of ../shared/notes/remark-performance.md, to choose DEFAULT_LIMITS.
 * Not part of the tests: run `node --import tsx bench/limits.ts` (a few minutes).
 *
 * Each case runs in a child process (best of three runs) with a time cap, because some inputs take minutes or
 * overflow the stack; the parent prints one line per case and size.
 */
import { spawnSync } from 'node:child_process';
import { parseMarkdown } from '../server/src/parse/markdown';

const CAP_MS = Number(process.env['LIMITS_CAP_MS'] ?? 8000);

/** Generators: size parameter → Markdown text. */
const cases: Record<string, { sizes: number[]; make: (n: number) => string; what: string }> = {
  'nested-quotes': {
    what: '">" × n + " a"',
    sizes: [8, 16, 32, 64, 128, 256, 1000, 4000, 12000],
    make: (n) => '>'.repeat(n) + ' a\n',
  },
  'nested-quotes-spaced': {
    what: '"> " × n + "a"',
    sizes: [16, 64, 256, 1000, 4000, 12000],
    make: (n) => '> '.repeat(n) + 'a\n',
  },
  'emph-in-deep-quote': {
    what: '">" × n + "a*" + "b" × n + "*c"',
    sizes: [16, 64, 256, 1000, 4000, 12000],
    make: (n) => '>'.repeat(n) + 'a*' + 'b'.repeat(n) + '*c\n',
  },
  'empty-lines-in-nested-list': {
    what: '"- " × n + "x" + "\\n" × n',
    sizes: [8, 16, 32, 64, 128, 256, 512, 1000, 2000],
    make: (n) => '- '.repeat(n) + 'x' + '\n'.repeat(n),
  },
  'empty-lines-in-nested-list-in-quote': {
    what: '"> " + "- " × n + "x\\n" + ">\\n" × n',
    sizes: [8, 16, 32, 64, 128, 256, 512, 1000],
    make: (n) => '> ' + '- '.repeat(n) + 'x\n' + '>\n'.repeat(n),
  },
  'nested-list-by-indent': {
    what: 'line i: "  " × i + "* a", i < n',
    sizes: [16, 32, 64, 128, 256, 1000],
    make: (n) => Array.from({ length: n }, (_, i) => '  '.repeat(i) + '* a\n').join(''),
  },
  'nested-list-by-indent-loose': {
    what: 'line i: "  " × i + "- a" + blank line',
    sizes: [16, 32, 64, 128, 256, 1000],
    make: (n) => Array.from({ length: n }, (_, i) => '  '.repeat(i) + '- a\n\n').join(''),
  },
  // Inputs just under the default limits, repeated to fill a chunk: what the limits allow.
  'quotes-16-deep-repeated-to-k-KB': {
    what: '(">" × 16 + " a\\n") to n KB',
    sizes: [16, 64, 160],
    make: (n) => fill('>'.repeat(16) + ' a **b** *c*\n', n),
  },
  'list-32-deep-repeated-to-k-KB': {
    what: '("- " × 32 + "x\\n\\n") to n KB',
    sizes: [16, 64, 160],
    make: (n) => fill('- '.repeat(32) + 'x\n\n', n),
  },
  'indent-list-32-deep-repeated-to-k-KB': {
    what: '32-level indented list, repeated to n KB',
    sizes: [16, 64, 160],
    make: (n) => fill(Array.from({ length: 32 }, (_, i) => '  '.repeat(i) + '- a\n\n').join(''), n),
  },
  // Quadratic inline and setext paths (issue 10; cmark's test/pathological_tests.py), n KB in one
  // chunk (no blank line, no heading: nothing the chunker can cut).
  ...Object.fromEntries(
    (
      [
        ['setext-run', '"a\\n=\\n" × n', 'a\n=\n'],
        ['setext-run-dash', '"a\\n---\\n" × n', 'a\n---\n'],
        ['setext-run-blank', '"a\\n=\\n\\n" × n (blank lines between)', 'a\n=\n\n'],
        ['mismatched-emph', '"*a_ " × n', '*a_ '],
        ['emph-closers', '"a_ " × n', 'a_ '],
        ['emph-openers', '"_a " × n', '_a '],
        ['nested-strong-emph', '"*a **a " × n + "b" + " a** a*" × n', ''],
        ['mult-of-3', '"a**b" + "c* " × n', ''],
        ['link-closers', '"a]" × n', 'a]'],
        ['link-openers', '"[a" × n', '[a'],
        ['link-open-emph-close', '"[ a_" × n', '[ a_'],
        ['paren-bracket', '"[ (](" × n', '[ (]('],
        ['image-bracket', '"![[]()" × n', '![[]()'],
        ['nested-brackets', '"[" × n + "a" + "]" × n', ''],
        ['unclosed-link-a', '"[a](<b" × n', '[a](<b'],
        ['unclosed-link-b', '"[a](b" × n', '[a](b'],
        ['unclosed-comment', '"a <!-- b" × n', 'a <!-- b '],
        ['unclosed-comment-cmark', '"</" + "<!--" × n', ''],
        ['unclosed-html-tag', '"a <b c=\\"" × n', 'a <b c="'],
        ['backticks', '"e" + "`" × i, i = 1…', ''],
        ['many-links', '"[a](b) " × n', '[a](b) '],
        ['many-images', '"![a](b) " × n', '![a](b) '],
        ['many-refs', '"[a] " × n with one definition', ''],
        ['table-of-emph', 'table rows of "*a_ " cells', ''],
      ] as const
    ).map(([name, what, unit]) => [
      name,
      {
        what: `${what}, to n KB`,
        sizes: [2, 5, 10, 20, 40, 100],
        make: (n: number) => inline(name, unit, n),
      },
    ]),
  ),
  // Realistic content of one section: how long may a chunk be?
  // Depth × length: realistic quotes and lists are shallow; how fast does deep get slow?
  ...Object.fromEntries(
    [1, 2, 4, 8, 16].map((d) => [
      `quote-depth-${d}-16KB`,
      {
        what: `a ${d}-deep block quote of 16 KB`,
        sizes: [16],
        make: (n: number) => fill('>'.repeat(d) + ' Клиенты говорят о **стоимости** и `сложности` миграции.\n', n),
      },
    ]),
  ),
  ...Object.fromEntries(
    [2, 4, 8, 16, 32].map((l) => [
      `list-levels-${l}-16KB`,
      {
        what: `"- " × ${l} + text, blank line, repeated to 16 KB`,
        sizes: [16],
        make: (n: number) => fill('- '.repeat(l) + 'x **y** z\n\n', n),
      },
    ]),
  ),
  ...Object.fromEntries(
    [4, 8, 16, 32].map((l) => [
      `indented-list-levels-${l}-16KB`,
      {
        what: `a ${l}-level list nested by indentation, repeated to 16 KB`,
        sizes: [16],
        make: (n: number) => fill(Array.from({ length: l }, (_, i) => '  '.repeat(i) + '- item **b**\n').join(''), n),
      },
    ]),
  ),
  ...Object.fromEntries(
    [8, 16, 32].map((l) => [
      `empty-lines-${l}-levels-16KB`,
      {
        what: `("- " × ${l} + "x" + "\\n" × ${l}) repeated to 16 KB`,
        sizes: [16],
        make: (n: number) => fill('- '.repeat(l) + 'x' + '\n'.repeat(l), n),
      },
    ]),
  ),
  'persona-list-section-k-KB': {
    what: 'nested `**Key**: value` lists, n KB in one section',
    sizes: [8, 16, 32, 64, 128, 160, 256],
    make: (n) =>
      '## Pain Points\n\n' +
      fill(
        '- **Cost**: Cloud spend grows 30% a year — нужна экономия\n  - Manual rightsizing takes 2 days/month\n  - [ ] Evaluate `reserved instances`\n',
        n,
      ),
  },
  'table-section-k-KB': {
    what: 'a table, n KB in one section',
    sizes: [16, 64, 160, 256],
    make: (n) =>
      '## Matrix\n\n| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |\n|---|---|---|---|---|---|---|\n' +
      fill('| SMB Operators | 8 | 7 | 9 | 6 | 30 | 1 |\n', n),
  },
  'prose-section-k-KB': {
    what: 'paragraphs, n KB in one section',
    sizes: [16, 64, 160, 256],
    make: (n) =>
      '## Notes\n\n' +
      fill(
        'Сегмент SMB растёт на 20% в год, *ключевые* боли — **стоимость** и `сложность`. See [the report](https://example.com).\n\n',
        n,
      ),
  },
};

function inline(name: string, unit: string, kb: number): string {
  const size = kb * 1024;
  switch (name) {
    case 'nested-strong-emph': {
      const n = Math.ceil(size / 15);
      return '*a **a '.repeat(n) + 'b' + ' a** a*'.repeat(n) + '\n';
    }
    case 'mult-of-3':
      return 'a**b' + 'c* '.repeat(Math.ceil(size / 3)) + '\n';
    case 'nested-brackets': {
      const n = Math.ceil(size / 2);
      return '['.repeat(n) + 'a' + ']'.repeat(n) + '\n';
    }
    case 'unclosed-comment-cmark':
      return '</' + '<!--'.repeat(Math.ceil(size / 4)) + '\n';
    case 'backticks': {
      let out = '';
      for (let i = 1; out.length < size; i++) out += 'e' + '`'.repeat(i);
      return out + '\n';
    }
    case 'many-refs':
      return fill('[a] ', kb) + '\n\n[a]: https://example.com\n';
    case 'table-of-emph':
      return '| a | b |\n|---|---|\n' + fill('| *a_ *a_ *a_ | *a_ *a_ |\n', kb);
    default:
      return fill(unit, kb) + '\n';
  }
}

function fill(unit: string, kb: number): string {
  return unit.repeat(Math.max(1, Math.ceil((kb * 1024) / unit.length)));
}

function child(name: string, n: number): void {
  const text = cases[name]!.make(n);
  // Warm up the parser's code paths on a tiny input first.
  parseMarkdown('# a\n\n- b\n');
  // The best of up to three runs: the machine is shared, and noise only ever adds time.
  let ms = Infinity;
  for (let k = 0; k < 3 && (k === 0 || ms < 2000); k++) {
    const t0 = performance.now();
    parseMarkdown(text);
    ms = Math.min(ms, performance.now() - t0);
  }
  process.stdout.write(JSON.stringify({ ms, chars: text.length }));
}

function main(): void {
  const only = process.argv.slice(2);
  console.log(`node ${process.version}; each case in a child process, capped at ${CAP_MS} ms`);
  for (const [name, c] of Object.entries(cases)) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    console.log(`\n${name}: ${c.what}`);
    for (const n of c.sizes) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', name, String(n)], {
        encoding: 'utf8',
        timeout: CAP_MS,
      });
      let out: string;
      if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') out = `> ${CAP_MS} ms (stopped)`;
      else if (/Maximum call stack size exceeded/.test(r.stderr)) out = 'stack overflow';
      else if (r.status !== 0) out = `failed: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.status}`;
      else {
        const { ms, chars } = JSON.parse(r.stdout) as { ms: number; chars: number };
        out = `${ms.toFixed(1)} ms (${(chars / 1024).toFixed(1)} KB)`;
      }
      console.log(`  n=${String(n).padEnd(6)} ${out}`);
      if (/stopped|overflow/.test(out)) break;
    }
  }
}

if (process.argv[2] === '--child') child(process.argv[3]!, Number(process.argv[4]));
else main();
