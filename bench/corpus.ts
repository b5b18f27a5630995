/**
 * The benchmark corpus: realistic segdoc documents, deterministic for a given seed.
 *
 * Bases are the methodology's source documents (../shared/seeds, when that folder sits beside
 * the repository), the ```markdown blocks inside them
 * (templates and worked examples), the repository's examples/ and the test fixtures. Each
 * corpus document is a base put through one to three variations — sections shuffled,
 * segments renamed, headings and field names swapped between English and Russian, numbers
 * changed, placeholders filled, front matter added, sections dropped or borrowed from
 * another base, CRLF line breaks, a BOM — so that the corpus holds many different texts, as
 * a team's folder of documents would, rather than a few texts many times over.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

export interface CorpusDoc {
  /** A file path for the engine (kind detection by file name). */
  path: string;
  text: string;
  /** The base and the variations applied, for the record. */
  origin: string;
}

export interface Base {
  path: string;
  text: string;
}

/** mulberry32: a small, fast, seeded PRNG, so the corpus and the edits are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** The ```markdown blocks of a methodology document: templates and examples, each a document of its own. */
export function markdownBlocks(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```markdown\s*$/.test(lines[i]!)) continue;
    let j = i + 1;
    // As in CommonMark, the block ends at the first closing fence line.
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    const body = lines.slice(i + 1, j).join('\n');
    if (body.trim().length > 200) out.push(body + '\n');
    i = j;
  }
  return out;
}

/** Guesses a file name the engine recognises, from the H1 of a block of a methodology document. */
function nameFor(text: string, fallback: string): string {
  const h1 = /^# (.*)$/m.exec(text)?.[1] ?? '';
  if (/persona|персона/i.test(h1)) return `${fallback}.persona.md`;
  if (/prioriti|приоритиз/i.test(h1)) return `${fallback}.prioritization.md`;
  if (/gtm|go-to-market/i.test(h1)) return `${fallback}.gtm.md`;
  if (/segment|сегмент/i.test(h1)) return `${fallback}.segmentation.md`;
  return `${fallback}.md`;
}

/** Every base document, in a fixed order. */
export function loadBases(repoRoot: string): { bases: Base[]; sources: string[] } {
  const bases: Base[] = [];
  const sources: string[] = [];
  const seeds = resolve(repoRoot, '..', 'shared', 'seeds');
  if (existsSync(seeds)) {
    sources.push(seeds);
    for (const f of readdirSync(seeds).sort()) {
      if (!f.endsWith('.txt')) continue;
      const text = readFileSync(join(seeds, f), 'utf8');
      const stem = basename(f, '.txt');
      bases.push({ path: `seeds/${stem}.md`, text });
      markdownBlocks(text).forEach((b, i) => bases.push({ path: `seeds/${nameFor(b, `${stem}-block${i}`)}`, text: b }));
    }
  }
  for (const dir of ['examples', join('test', 'fixtures')]) {
    const files: string[] = [];
    walk(join(repoRoot, dir), files);
    const md = files.filter((f) => f.endsWith('.md') && basename(f) !== 'README.md');
    if (md.length) sources.push(join(repoRoot, dir));
    for (const f of md) bases.push({ path: relative(repoRoot, f), text: readFileSync(f, 'utf8') });
  }
  return { bases, sources };
}

// ---------------------------------------------------------------------------------------
// Variations

const EN_RU: Array<[string, string]> = [
  ['Demographics', 'Демография'],
  ['Firmographics', 'Фирмография'],
  ['Goals & Responsibilities', 'Цели и обязанности'],
  ['Pain Points', 'Боли'],
  ['Decision Criteria', 'Критерии принятия решения'],
  ['Buying Process', 'Процесс покупки'],
  ['Information Sources', 'Источники информации'],
  ['Messaging', 'Сообщения'],
  ['Marketing Tactics', 'Маркетинговые тактики'],
  ['Objections & Concerns', 'Возражения'],
  ['Metadata', 'Метаданные'],
  ['Target Segments', 'Целевые сегменты'],
  ['Buyer Personas', 'Персоны'],
  ['Segment Strategy', 'Стратегия по сегментам'],
  ['ICP Definition', 'Определение ICP'],
  ['Segment Prioritization', 'Приоритизация сегментов'],
  ['Segmentation Checklist', 'Чек-лист сегментации'],
  ['Data Sources', 'Исходные данные'],
  ['Executive Summary', 'Исполнительное резюме'],
  ['Market Analysis', 'Анализ рынка'],
  ['Success Metrics', 'Метрики успеха'],
  ['Next Steps', 'Следующие шаги'],
  ['Job Title', 'Должность'],
  ['Company Size', 'Размер компании'],
  ['Industry', 'Отрасль'],
  ['Primary Goal', 'Основная цель'],
  ['Role in Decision', 'Роль в решении'],
  ['Value Proposition', 'Ценностное предложение'],
  ['Status', 'Статус'],
  ['Author', 'Автор'],
  ['Owner', 'Владелец'],
  ['Product', 'Продукт'],
  ['Date', 'Дата'],
  ['Segment', 'Сегмент'],
  ['Channels', 'Каналы'],
  ['Needs', 'Потребности'],
  ['Draft', 'Черновик'],
  ['Approved', 'Утверждено'],
  ['Economic buyer', 'Экономический покупатель'],
];

const NAMES = [
  'Northwind',
  'Contoso',
  'Acme Cloud',
  'Globex',
  'Initech',
  'Umbrella',
  'Северный ветер',
  'Ромашка',
  'Вектор',
  'Hooli',
  'Stark Ops',
  'Wayne Data',
];
const PEOPLE = [
  'DevOps Dana',
  'CTO Chris',
  'Platform Pat',
  'FinOps Fiona',
  'Ирина, DBA',
  'Алексей, CTO',
  'Мария, CISO',
  'Sam the SRE',
];
const KINDS = ['persona', 'segmentation', 'gtm', 'prioritization'];

type Variation = (text: string, r: () => number, bases: readonly Base[]) => string;

/** Splits at `## ` headings outside fences: [head, ...sections]. */
function sections(text: string): string[] {
  const out: string[] = [];
  let fence = false;
  let start = 0;
  let pos = 0;
  for (const line of text.split(/(?<=\n)/)) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^## /.test(line) && pos > 0) {
      out.push(text.slice(start, pos));
      start = pos;
    }
    pos += line.length;
  }
  out.push(text.slice(start));
  return out;
}

const variations: Record<string, Variation> = {
  shuffle(text, r) {
    const [head, ...rest] = sections(text);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    return head! + rest.map((s) => (s.endsWith('\n') ? s : s + '\n')).join('');
  },
  rename(text, r) {
    const company = pick(r, NAMES);
    const person = pick(r, PEOPLE);
    return text
      .replace(
        /^(#{2,4} (?:Segment|Сегмент) \d+: ).*$/gm,
        (_m, p: string) => p + pick(r, NAMES) + ' ' + pick(r, ['Operators', 'Teams', 'Builders', 'компании', 'команды']),
      )
      .replace(/\[(?:Persona Name|Product|Company|Name)\]/g, person)
      .replace(/Stratus Cloud|Северное облако|MySaaS/g, company);
  },
  toRussian(text) {
    let out = text;
    for (const [en, ru] of EN_RU)
      out = out.replace(new RegExp(`(^#{1,6} .*?|\\*\\*)${escape(en)}`, 'gm'), (_m, p: string) => p + ru);
    return out;
  },
  toEnglish(text) {
    let out = text;
    for (const [en, ru] of EN_RU)
      out = out.replace(new RegExp(`(^#{1,6} .*?|\\*\\*)${escape(ru)}`, 'gm'), (_m, p: string) => p + en);
    return out;
  },
  numbers(text, r) {
    // Changes digits in values, not in headings, so the structure stays the same.
    return text.replace(/(?<=[:|] [^\n]*?)\d/g, () => String(Math.floor(r() * 10)));
  },
  fill(text, r) {
    return text.replace(/\[([A-Z][A-Za-z /]{2,40})\]/g, () => pick(r, [...NAMES, ...PEOPLE]));
  },
  frontMatter(text, r) {
    return (
      `---\nsegdoc: ${pick(r, KINDS)}\nowner: ${pick(r, PEOPLE)}\nreviewed: 2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}\n---\n\n` +
      text
    );
  },
  drop(text, r) {
    const [head, ...rest] = sections(text);
    return head! + rest.filter(() => r() > 0.3).join('');
  },
  borrow(text, r, bases) {
    const other = sections(pick(r, bases).text).slice(1);
    const take = other.filter(() => r() > 0.5).slice(0, 4);
    return (text.endsWith('\n') ? text : text + '\n') + take.join('');
  },
  crlf(text) {
    return text.replace(/\r?\n/g, '\r\n');
  },
  bom(text) {
    return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
  },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * At least `minDocs` documents: every base once as it is, then bases in turn with one to
 * three variations each (every one applied to every base over the corpus).
 */
export function buildCorpus(
  repoRoot: string,
  minDocs = 1000,
  seed = 20260101,
): { docs: CorpusDoc[]; bases: Base[]; sources: string[] } {
  const { bases, sources } = loadBases(repoRoot);
  if (!bases.length) throw new Error('No seeds, examples or fixtures found to build a corpus from');
  const r = rng(seed);
  const names = Object.keys(variations);
  const docs: CorpusDoc[] = bases.map((b) => ({ path: b.path, text: b.text, origin: b.path }));
  for (let i = 0; docs.length < minDocs; i++) {
    const base = bases[i % bases.length]!;
    const chosen = [names[i % names.length]!];
    const extra = Math.floor(r() * 3);
    for (let k = 0; k < extra; k++) chosen.push(pick(r, names));
    let text = base.text;
    for (const v of chosen) text = variations[v]!(text, r, bases);
    docs.push({ path: base.path, text, origin: `${base.path} + ${chosen.join(' + ')}` });
  }
  return { docs, bases, sources };
}

/** Demotes every ATX heading outside fenced code by `by` levels (to at most six). */
function demote(text: string, by: number): string {
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fence = !fence;
      if (fence) return line;
      return line.replace(/^(#{1,6})(?= )/, (h) => '#'.repeat(Math.min(6, h.length + by)));
    })
    .join('\n');
}

/**
 * A ~`targetKB` realistic document with many sections: the English segmentation example
 * (or the largest segmentation base), followed by appendices a team would keep with it —
 * the methodology's source documents with their headings demoted, and interview notes as a long nested
 * list, the largest section. Deterministic.
 */
export function largeDocument(repoRoot: string, targetKB = 100): { path: string; text: string } {
  const { bases } = loadBases(repoRoot);
  const r = rng(7);
  const target = targetKB * 1024;
  const main =
    bases.find((b) => b.path.endsWith('stratus-cloud.segmentation.md')) ??
    bases
      .filter((b) => /segmentation\.md$/.test(b.path))
      .reduce<Base | undefined>((a, b) => (!a || b.text.length > a.text.length ? b : a), undefined) ??
    bases[0]!;
  let text = main.text.endsWith('\n') ? main.text : main.text + '\n';
  // Interview notes: the largest section, about a seventh of the document.
  const notes = ['## Appendix: Interview Notes', ''];
  for (let i = 1; notes.join('\n').length < target * 0.14; i++) {
    notes.push(
      `- **Interview ${i}** (${pick(r, PEOPLE)}, ${pick(r, NAMES)}, ${pick(r, ['Berlin', 'Austin', 'Москва', 'Казань', 'Warsaw'])}): ${pick(r, ['wants predictable bills', 'upgrades take a weekend', 'needs audit evidence', 'хочет меньше ручной работы', 'compares us with EKS', 'считает стоимость владения'])}`,
    );
    notes.push(
      `  - Pain: ${pick(r, ['egress charges', 'cluster sprawl', 'slow security reviews', 'долгие согласования', 'on-call fatigue'])}; tried ${pick(r, ['Terraform modules', 'Rancher', 'OpenShift', 'самописные скрипты'])}`,
    );
    notes.push(
      `  - Quote: "${pick(r, ['We spend Fridays on upgrades.', 'Finance asks who spends what.', 'Нам нужен один счёт.', 'Security wants evidence, not slides.'])}"`,
    );
  }
  // Appendices from the methodology's source documents (front matter dropped, headings under an appendix heading).
  const seeds = bases.filter((b) => /^seeds\/\d{3}_[0-9a-f]+\.md$/.test(b.path));
  let n = 0;
  while (text.length + notes.join('\n').length < target * 0.98 && seeds.length) {
    const seed = seeds[n % seeds.length]!;
    const body = seed.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const room = target * 0.98 - text.length - notes.join('\n').length;
    // Cut the last appendix at a heading so the document lands near the target size.
    let part = demote(body, 1);
    if (part.length > room) {
      const cut = part.lastIndexOf('\n##', room);
      part = part.slice(0, cut > 0 ? cut + 1 : room);
    }
    n++;
    text += `\n## Appendix ${String.fromCharCode(64 + n)}: Methodology notes ${n}\n\n` + part + (part.endsWith('\n') ? '' : '\n');
  }
  return { path: 'large.segmentation.md', text: text + '\n' + notes.join('\n') + '\n' };
}
