/**
 * The scorecard's HTML (client/src/scorecard/render.ts), rendered from the scorecard the
 * server computes for a real document (services/scorecard.ts): segment names and a ✓/✗ per
 * criterion, bars whose widths are proportional to the scores on the 0–40 axis, tier bands
 * at the thresholds, total and tier labels, Russian labels, escaping of names taken from
 * the document, and a page that loads nothing remote and runs only nonce'd code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  escapeHtml,
  renderMessage,
  renderScorecard,
  renderScorecardBody,
  scorecardStrings,
} from '../../client/src/scorecard/render';
import { CRITERIA, DIMENSIONS, type Scorecard } from '../../client/src/scorecard/types';
import { lint, type LintConfig } from '../../server/src/services/engine';
import { computeScorecard } from '../../server/src/services/scorecard';
import { englishWords } from '../fixtures/l10n';

const root = path.resolve(__dirname, '..', '..');
const TALLY = readFileSync(path.join(root, 'test', 'fixtures', 'scores', 'tally.segmentation.md'), 'utf8');
const NONCE = 'bm9uY2Utb2YtdGVzdHM=';

/** The server's scorecard of a document, the type the client renders (server/src/protocol). */
function scorecardOf(text: string, config?: LintConfig): Scorecard {
  const card: Scorecard | null = computeScorecard(lint(text, { path: 'tally.segmentation.md', ...(config ? { config } : {}) }));
  assert.ok(card);
  return card;
}

function render(card: Scorecard, language: 'en' | 'ru' = 'en'): string {
  return renderScorecard(card, scorecardStrings(language), { nonce: NONCE, file: 'tally.segmentation.md' });
}

/** The opening tags of elements with `attr="value"`, and what follows each up to the next row. */
function rowsOf(html: string, cls: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(
    `<(?:tr|div)(?: class="${cls}")? data-segment="([^"]*)">([\\s\\S]*?)(?=<(?:tr|div)(?: class="${cls}")? data-segment=|</tbody>|</div>\\n</div>)`,
    'g',
  );
  for (let m = re.exec(html); m; m = re.exec(html)) out.set(m[1]!, m[2]!);
  return out;
}

/** `name="value"` attributes of every `<rect class="seg …">` in a piece of HTML. */
function segments(html: string): Array<{ dimension: string; score: number; x: number; width: number }> {
  return [
    ...html.matchAll(
      /<rect class="seg d-(\w+)" x="([\d.]+)%" y="\d+" width="([\d.]+)%" height="\d+" data-dimension="\w+" data-score="([\d.]+)">/g,
    ),
  ].map((m) => ({
    dimension: m[1]!,
    x: Number(m[2]),
    width: Number(m[3]),
    score: Number(m[4]),
  }));
}

describe('renderScorecard', () => {
  const card = scorecardOf(TALLY);
  const html = render(card);

  test('the segments, each with a ✓ or ✗ per criterion as the server evaluated it', () => {
    const rows = rowsOf(html, '');
    assert.deepEqual(
      [...rows.keys()].filter((k) => card.segments.items.some((s) => s.name === k)),
      ['SMB Operators', 'Enterprise IT', 'Hobbyists'],
    );
    for (const segment of card.segments.items) {
      const row = rows.get(segment.name)!;
      for (const c of CRITERIA) {
        const cell = new RegExp(`<td class="(ok|no)" data-criterion="${c}"[^>]*><span aria-hidden="true">(✓|✗)</span>`).exec(row);
        assert.ok(cell, `${segment.name}: a cell for ${c}`);
        assert.equal(cell[1], segment.criteria[c] ? 'ok' : 'no');
        assert.equal(cell[2], segment.criteria[c] ? '✓' : '✗');
      }
      assert.match(row, new RegExp(`<td class="met[^"]*" data-label="Met">${segment.met}/5</td>`));
    }
    // Hobbyists: 100 users × $1k is not substantial.
    assert.equal(card.segments.items[2]!.criteria.substantial, false);
    assert.match(
      rows.get('Hobbyists')!,
      /<td class="no" data-criterion="substantial" data-label="Substantial" title="Substantial: not met">/,
    );
    assert.match(html, /14 of 15 criteria met/);
  });

  test('one stacked bar per matrix row: the four dimensions side by side, widths proportional to the scores on 0–40', () => {
    const rows = rowsOf(html, 'chart-row');
    const matrix = card.matrices.items[0]!.rows;
    assert.deepEqual(
      [...rows.keys()],
      matrix.map((r) => r.segment),
    );
    for (const row of matrix) {
      const segs = segments(rows.get(row.segment)!);
      assert.deepEqual(
        segs.map((s) => s.dimension),
        [...DIMENSIONS],
      );
      assert.deepEqual(
        segs.map((s) => s.score),
        DIMENSIONS.map((d) => row.dimensions[d]),
      );
      let x = 0;
      for (const s of segs) {
        assert.ok(
          Math.abs(s.width - (s.score / 40) * 100) < 0.01,
          `${row.segment} ${s.dimension}: ${s.width}% for ${s.score} of 40`,
        );
        assert.ok(Math.abs(s.x - x) < 0.02, `${row.segment} ${s.dimension} starts where the previous one ends`);
        x += s.width;
      }
      assert.ok(Math.abs(x - (row.total! / 40) * 100) < 0.05, `${row.segment}: the bar is as long as its total`);
    }
    // SMB Operators (34) is drawn longer than Enterprise IT (27), and that longer than Hobbyists (14).
    const length = (name: string): number => segments(rows.get(name)!).reduce((n, s) => n + s.width, 0);
    assert.ok(length('SMB Operators') > length('Enterprise IT') && length('Enterprise IT') > length('Hobbyists'));
  });

  test('each bar is labelled with its total and tier, the stated ones where the document disagrees', () => {
    const rows = rowsOf(html, 'chart-row');
    assert.match(rows.get('SMB Operators')!, /<span class="total">34<\/span> <span class="tier tier-1">Tier 1<\/span>/);
    assert.match(rows.get('Enterprise IT')!, /<span class="total">27<\/span> <span class="tier tier-2">Tier 2<\/span>/);
    // The fixture states 15 and tier 2 for Hobbyists, whose scores add up to 14: tier 3.
    assert.match(
      rows.get('Hobbyists')!,
      /<span class="total mismatch">14 \(stated 15\)<\/span> <span class="tier tier-3">Tier 3 \(stated 2\)<\/span>/,
    );
    assert.match(
      rows.get('Hobbyists')!,
      /aria-label="Hobbyists: Attractiveness 3, Fit 4, Accessibility 5, Strategic Value 2 — 14 \(stated 15\) · Tier 3 \(stated 2\)"/,
    );
  });

  test('tier bands and dashed lines at 20 and 30 of 40, named on the axis', () => {
    const bands = [...html.matchAll(/<rect class="band band-(\d)" x="([\d.]+)%?" y="0" width="([\d.]+)%"/g)]
      .slice(0, 3)
      .map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    assert.deepEqual(bands, [
      [3, 0, 50],
      [2, 50, 25],
      [1, 75, 25],
    ]);
    assert.match(html, /<line class="threshold" x1="50%" x2="50%"/);
    assert.match(html, /<line class="threshold" x1="75%" x2="75%"/);
    assert.match(html, /<text class="band-label band-label-1" x="87.5%" y="13" text-anchor="middle">Tier 1<\/text>/);
    for (const tick of ['0', '20', '30', '40']) assert.match(html, new RegExp(`<text class="tick" [^>]*>${tick}</text>`));
  });

  test('bands follow the thresholds of the config; the axis grows when scores add up to more than 40', () => {
    const custom = render(scorecardOf(TALLY, { rules: { 'score-tier': ['error', { tier1Min: 32, tier2Min: 18 }] } }));
    assert.match(custom, /<line class="threshold" x1="45%"/);
    assert.match(custom, /<line class="threshold" x1="80%"/);
    const over = render(
      scorecardOf(TALLY.replace('| SMB Operators | 8 | 9 | 9 | 8 | 34 | 1 |', '| SMB Operators | 18 | 9 | 9 | 14 | 50 | 1 |')),
    );
    const smb = segments(rowsOf(over, 'chart-row').get('SMB Operators')!);
    assert.ok(Math.abs(smb.reduce((n, s) => n + s.width, 0) - 100) < 0.05, 'the longest bar fills the axis');
    assert.match(over, /<text class="tick" [^>]*>50<\/text>/);
  });

  test('completeness, tier split, checklists and placeholders', () => {
    assert.match(html, /<rect class="fill" x="0" y="0" width="55%" height="12" rx="3" data-percent="55"\/>/);
    assert.match(html, /5 of 9 required items filled in/);
    assert.match(html, /Completeness is the share of the title, required sections and required fields/);
    // What is still to fill in: one line each, with why, leading to its place when it has one.
    const missing = [...html.matchAll(/<li class="missing-item" data-what="(\w+)" data-reason="(\w+)">(.*?)<\/li>/g)].map((m) => [
      m[1],
      m[2],
      m[3]!.replace(/<[^>]*>/g, ''),
    ]);
    assert.deepEqual(missing, [
      ['section', 'placeholder', 'Metadata — placeholder left'],
      ['field', 'placeholder', 'Metadata › Author — placeholder left'],
      ['section', 'empty', 'Segment Strategy — empty'],
      ['section', 'absent', 'ICP Definition — not in the document'],
    ]);
    assert.match(
      html,
      /<li class="missing-item" data-what="field" data-reason="placeholder"><a href="#" data-line="4" data-character="2" title="Go to Metadata › Author">/,
    );
    assert.match(html, /<span class="tier tier-1">Tier 1<\/span> SMB Operators/);
    assert.match(html, /<span class="tier tier-3">Tier 3<\/span> Hobbyists/);
    assert.match(html, /Checklists <span class="summary">3 of 5 done<\/span>/);
    assert.match(html, /data-line="43"[^>]*>Checklist at line 44</);
    assert.match(html, /Placeholders left: 1/);
  });

  test('in Russian: labels, tiers and the page language', () => {
    const ru = render(card, 'ru');
    assert.match(ru, /<html lang="ru">/);
    for (const label of [
      'Заполненность',
      'Сегменты',
      'Матрица приоритизации',
      'Привлекательность',
      'Соответствие',
      'Доступность',
      'Стратегическая ценность',
      'Измеримый',
      'Существенный',
      'Чек-листы',
    ]) {
      assert.ok(ru.includes(label), label);
    }
    assert.match(rowsOf(ru, 'chart-row').get('SMB Operators')!, /<span class="tier tier-1">Уровень 1<\/span>/);
    assert.match(ru, /14 \(указано 15\)/);
    assert.match(ru, /title="Существенный: не выполнен"/);
    assert.doesNotMatch(
      ru.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|class="[^"]*"|data-[a-z]+="[^"]*"/g, ''),
      /\b(Tier|Segments|Missing|Completeness|criteria|met)\b/,
    );
  });

  test('in Russian, no English is left on the page but what the document itself says', () => {
    const ruCard = computeScorecard(lint(TALLY, { path: 'tally.segmentation.md', locale: 'ru' }))!;
    const page = render(ruCard, 'ru');
    // What a reader sees: the text, and the tooltips and labels screen readers read out.
    const visible = [
      ...[...page.matchAll(/(?:title|aria-label)="([^"]*)"/g)].map((m) => m[1]!),
      page.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<[^>]*>/g, ' '),
    ].join(' ');
    // Names from the (English) document are the document's words, not the UI's.
    const names = [
      ...ruCard.segments.items.map((s) => s.name),
      ...ruCard.matrices.items.flatMap((m) => m.rows.map((r) => r.segment)),
      ...ruCard.completeness.missing.map((m) => m.label),
      'tally.segmentation.md',
    ].sort((a, b) => b.length - a.length);
    const text = names.reduce((t, name) => t.split(escapeHtml(name)).join(' ').split(name).join(' '), visible);
    assert.deepEqual(englishWords(text.replace(/&[a-z]+;|&#\d+;/g, ' ')), []);
    assert.ok(visible.includes('Анализ сегментации'), 'the kind is named in Russian');
  });

  test('names from the document are escaped wherever they appear', () => {
    const evil = '<img src=x onerror="alert(1)"> & Co\'s';
    const text = TALLY.replace(/SMB Operators/g, evil.replace(/\|/g, ''));
    const page = render(scorecardOf(text));
    assert.ok(!page.includes('<img'), 'no markup from the document');
    assert.ok(page.includes(escapeHtml(evil)), 'the name, escaped');
    assert.ok(page.includes('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; Co&#39;s'));
  });

  test('a strict page: nothing remote, no inline style attributes, only nonce’d style and script, theme colours only', () => {
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-bm9uY2Utb2YtdGVzdHM='; script-src 'nonce-bm9uY2Utb2YtdGVzdHM=';">/,
    );
    assert.equal([...html.matchAll(/<style\b/g)].length, 1);
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
    assert.match(html, /<style nonce="bm9uY2Utb2YtdGVzdHM=">/);
    assert.match(html, /<script nonce="bm9uY2Utb2YtdGVzdHM=">/);
    assert.doesNotMatch(html, /\sstyle="/, 'inline style attributes would need unsafe-inline');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing remote');
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const outsideVariables = style.replace(/var\(--vscode-[\w-]+/g, 'var(');
    assert.doesNotMatch(
      outsideVariables,
      /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(white|black|red|green|blue|gray|grey)(?![\w-])/i,
      'colours come from the theme',
    );
    assert.match(style, /var\(--vscode-charts-blue\)/);
  });

  test('the body alone is what an update swaps in; a message page for documents without a scorecard', () => {
    const body = renderScorecardBody(card, scorecardStrings('en'), 'tally.segmentation.md');
    assert.ok(html.includes(body));
    assert.doesNotMatch(body, /<script|<style|<html/);
    const message = renderMessage('Not a segdoc document', scorecardStrings('en'), { nonce: NONCE });
    assert.match(message, /<main id="root">\n<p class="muted">Not a segdoc document<\/p>/);
  });

  test('a document without segments or a matrix shows neither section', () => {
    const persona = ['# Persona: Dana', '', '## Demographics', '', '- **Job Title**: [Title]', ''].join('\n');
    const page = render(computeScorecard(lint(persona, { path: 'dana.persona.md' }))!);
    assert.doesNotMatch(page, /class="segments"|class="matrix"|class="checklists"/);
    assert.match(page, /Placeholders left: 1/);
  });
});
