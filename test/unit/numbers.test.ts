/**
 * Reading quantities (server/src/model/numbers.ts and the readers under numbers/): the forms
 * the methodology documents and the examples write, what must not be read as a quantity,
 * and a round trip of randomly formatted amounts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  annualize,
  DEFAULT_RATES,
  durationIn,
  findQuantities,
  parseQuantity,
  toUSD,
  type Quantity,
  type QuantityOptions,
} from '../../server/src/model/numbers';

/** What a table row expects of one quantity; `text` is the exact source slice, so it pins the span. */
type Want = Omit<Partial<Quantity>, 'span' | 'product'> & { kind: Quantity['kind']; value: number; text: string };

/** The fields a row compares, without the ones left undefined. */
function project(q: Quantity): Want {
  const out: Record<string, unknown> = { kind: q.kind, value: q.value, text: q.text };
  for (const k of ['min', 'max', 'currency', 'comparator', 'per', 'unit', 'noun'] as const) {
    if (q[k] !== undefined) out[k] = q[k];
  }
  return out as Want;
}

/** Checks every quantity of `input` against `want`, spans included (found left to right). */
function check(input: string, want: Want[], opts: QuantityOptions = {}): Quantity[] {
  const got = findQuantities(input, opts);
  assert.deepEqual(got.map(project), want, `in ${JSON.stringify(input)}`);
  let from = 0;
  for (const q of got) {
    const start = input.indexOf(q.text, from);
    assert.deepEqual(
      q.span,
      { start, end: start + q.text.length },
      `span of ${JSON.stringify(q.text)} in ${JSON.stringify(input)}`,
    );
    from = q.span.end;
  }
  return got;
}

const usd = (value: number, text: string, extra: Partial<Want> = {}): Want => ({
  kind: 'money',
  value,
  text,
  currency: 'USD',
  ...extra,
});
const rub = (value: number, text: string, extra: Partial<Want> = {}): Want => ({
  kind: 'money',
  value,
  text,
  currency: 'RUB',
  ...extra,
});

/** [input, expected quantities, document language]. */
const FORMS: Array<[string, Want[], ('en' | 'ru')?]> = [
  // Money with scales and currencies.
  ['$180M', [usd(180e6, '$180M')]],
  ['$1.5B', [usd(1.5e9, '$1.5B')]],
  ['$15k', [usd(15_000, '$15k')]],
  ['$15K', [usd(15_000, '$15K')]],
  ['$2,400', [usd(2400, '$2,400')]],
  ['$1,250,000.50', [usd(1_250_000.5, '$1,250,000.50')]],
  ['€2M', [{ kind: 'money', value: 2e6, text: '€2M', currency: 'EUR' }]],
  ['£500k', [{ kind: 'money', value: 500_000, text: '£500k', currency: 'GBP' }]],
  ['¥1,000,000', [{ kind: 'money', value: 1e6, text: '¥1,000,000', currency: 'JPY' }]],
  ['USD 5,000 or 5,000 USD', [usd(5000, 'USD 5,000'), usd(5000, '5,000 USD')]],
  ['$5m and $1T', [usd(5e6, '$5m'), usd(1e12, '$1T')]],
  ['2 млн долларов', [usd(2e6, '2 млн долларов')]],
  ['4,5 млрд ₽', [rub(4.5e9, '4,5 млрд ₽')]],
  ['100 руб. и 200 рублей', [rub(100, '100 руб.'), rub(200, '200 рублей')]],
  ['5 000 ₽ 7$', [rub(5000, '5 000 ₽'), usd(7, '7$')]],
  ['15к ₽', [rub(15_000, '15к ₽')]],
  ['1 000,50 ₽', [rub(1000.5, '1 000,50 ₽')]],
  [
    '1.500.000 € / 1.500,50 €',
    [
      { kind: 'money', value: 1.5e6, text: '1.500.000 €', currency: 'EUR' },
      { kind: 'money', value: 1500.5, text: '1.500,50 €', currency: 'EUR' },
    ],
  ],
  // Space, no-break space, thin space and narrow no-break space between thousands.
  ['5 000', [{ kind: 'number', value: 5000, text: '5 000' }]],
  ['5\u00A0000', [{ kind: 'number', value: 5000, text: '5\u00A0000' }]],
  ['5\u2009000', [{ kind: 'number', value: 5000, text: '5\u2009000' }]],
  ['5\u202F000\u202F000 ₽', [rub(5e6, '5\u202F000\u202F000 ₽')]],
  // Russian decimal comma and scale words.
  ['1,5 млн', [{ kind: 'number', value: 1.5e6, text: '1,5 млн' }]],
  ['1.2 million users', [{ kind: 'count', value: 1.2e6, text: '1.2 million', noun: 'users' }]],
  [
    '5 thousand and 2 billion',
    [
      { kind: 'number', value: 5000, text: '5 thousand' },
      { kind: 'number', value: 2e9, text: '2 billion' },
    ],
  ],
  ['3 трлн ₽', [rub(3e12, '3 трлн ₽')]],
  [
    '0,125 and 0.125',
    [
      { kind: 'number', value: 0.125, text: '0,125' },
      { kind: 'number', value: 0.125, text: '0.125' },
    ],
  ],
  // The ambiguous `,ddd`: thousands in English, a decimal comma before a Russian scale or in a Russian document.
  ['1,500 млн', [{ kind: 'number', value: 1.5e6, text: '1,500 млн' }]],
  ['1,500 million', [{ kind: 'number', value: 1.5e9, text: '1,500 million' }]],
  ['1,500 million', [{ kind: 'number', value: 1.5e6, text: '1,500 million' }], 'ru'],
  ['12,000 компаний', [{ kind: 'count', value: 12_000, text: '12,000', noun: 'компаний' }], 'ru'],
  // Products.
  ['200 × 50 тыс. ₽', [rub(10e6, '200 × 50 тыс. ₽')]],
  ['200 х 50 тыс. ₽', [rub(10e6, '200 х 50 тыс. ₽')]],
  ['12,000 x $15k', [usd(180e6, '12,000 x $15k')]],
  ['12,000 * $15k', [usd(180e6, '12,000 * $15k')]],
  ['3 x 5', [{ kind: 'number', value: 15, text: '3 x 5' }]],
  // Percent, multiples, ratios.
  ['8%', [{ kind: 'percent', value: 8, text: '8%' }]],
  [
    '12,5 % и 99,95%',
    [
      { kind: 'percent', value: 12.5, text: '12,5 %' },
      { kind: 'percent', value: 99.95, text: '99,95%' },
    ],
  ],
  ['-20% YoY', [{ kind: 'percent', value: -20, text: '-20%' }]],
  [
    '3x or 3X or 3х or 1.5x',
    [
      { kind: 'multiple', value: 3, text: '3x' },
      { kind: 'multiple', value: 3, text: '3X' },
      { kind: 'multiple', value: 3, text: '3х' },
      { kind: 'multiple', value: 1.5, text: '1.5x' },
    ],
  ],
  ['3-5x', [{ kind: 'multiple', value: 3, min: 3, max: 5, text: '3-5x' }]],
  ['12.6:1', [{ kind: 'ratio', value: 12.6, text: '12.6:1' }]],
  [
    '3:1 and 16:9',
    [
      { kind: 'ratio', value: 3, text: '3:1' },
      { kind: 'ratio', value: 16 / 9, text: '16:9' },
    ],
  ],
  ['LTV:CAC: 5,8:1', [{ kind: 'ratio', value: 5.8, text: '5,8:1' }]],
  // Durations.
  ['6 месяцев', [{ kind: 'duration', value: 6, unit: 'month', text: '6 месяцев' }]],
  ['6 months', [{ kind: 'duration', value: 6, unit: 'month', text: '6 months' }]],
  [
    '90 days or 90 дней',
    [
      { kind: 'duration', value: 90, unit: 'day', text: '90 days' },
      { kind: 'duration', value: 90, unit: 'day', text: '90 дней' },
    ],
  ],
  ['1–2 недели', [{ kind: 'duration', value: 1, min: 1, max: 2, unit: 'week', text: '1–2 недели' }]],
  ['90-day plan', [{ kind: 'duration', value: 90, unit: 'day', text: '90-day' }]],
  ['меньше 15 минут', [{ kind: 'duration', value: 15, unit: 'minute', comparator: '<', text: 'меньше 15 минут' }]],
  ['3+ hours/day', [{ kind: 'duration', value: 3, unit: 'hour', per: 'day', comparator: '+', text: '3+ hours/day' }]],
  // Comparators.
  ['<$200', [usd(200, '<$200', { comparator: '<' })]],
  ['>3x', [{ kind: 'multiple', value: 3, comparator: '>', text: '>3x' }]],
  ['≥ 40%', [{ kind: 'percent', value: 40, comparator: '>=', text: '≥ 40%' }]],
  ['~10%', [{ kind: 'percent', value: 10, comparator: '~', text: '~10%' }]],
  ['≈$5M', [usd(5e6, '≈$5M', { comparator: '~' })]],
  ['100+', [{ kind: 'number', value: 100, comparator: '+', text: '100+' }]],
  ['$1M+', [usd(1e6, '$1M+', { comparator: '+' })]],
  ['50K+ developers', [{ kind: 'count', value: 50_000, comparator: '+', noun: 'developers', text: '50K+' }]],
  ['up to 500 employees', [{ kind: 'count', value: 500, comparator: '<=', noun: 'employees', text: 'up to 500' }]],
  ['не менее 40%', [{ kind: 'percent', value: 40, comparator: '>=', text: 'не менее 40%' }]],
  ['около 1,5 млн ₽ в год', [rub(1.5e6, 'около 1,5 млн ₽ в год', { comparator: '~', per: 'year' })]],
  ['до 500 сотрудников', [{ kind: 'count', value: 500, comparator: '<=', noun: 'сотрудников', text: 'до 500' }]],
  ['NRR should exceed 100%', [{ kind: 'percent', value: 100, comparator: '>', text: 'exceed 100%' }]],
  ['NRR выше 100%', [{ kind: 'percent', value: 100, comparator: '>', text: 'выше 100%' }]],
  ['окупаемость ниже 6 месяцев', [{ kind: 'duration', value: 6, unit: 'month', comparator: '<', text: 'ниже 6 месяцев' }], 'ru'],
  // Ranges, with periods and inheritance of currency and scale.
  ['$500-$10K/month', [usd(500, '$500-$10K/month', { min: 500, max: 10_000, per: 'month' })]],
  ['$6K-120K annually', [usd(6000, '$6K-120K annually', { min: 6000, max: 120_000, per: 'year' })]],
  ['$50-500', [usd(50, '$50-500', { min: 50, max: 500 })]],
  ['$5-10M', [usd(5e6, '$5-10M', { min: 5e6, max: 10e6 })]],
  ['$500-5K', [usd(500, '$500-5K', { min: 500, max: 5000 })]],
  ['$5K-10', [usd(5000, '$5K-10', { min: 5000, max: 10_000 })]],
  ['$500K - $2M', [usd(500_000, '$500K - $2M', { min: 500_000, max: 2e6 })]],
  ['1,5–2 млн ₽ в год', [rub(1.5e6, '1,5–2 млн ₽ в год', { min: 1.5e6, max: 2e6, per: 'year' })]],
  ['от 100 млн до 5 млрд ₽ в год', [rub(100e6, 'от 100 млн до 5 млрд ₽ в год', { min: 100e6, max: 5e9, per: 'year' })]],
  ['от 10 до 200 сотрудников', [{ kind: 'count', value: 10, min: 10, max: 200, noun: 'сотрудников', text: 'от 10 до 200' }]],
  ['between 5 and 10', [{ kind: 'number', value: 5, min: 5, max: 10, text: 'between 5 and 10' }]],
  ['300–1 000 сотрудников', [{ kind: 'count', value: 300, min: 300, max: 1000, noun: 'сотрудников', text: '300–1 000' }]],
  ['NPS 9-10', [{ kind: 'number', value: 9, min: 9, max: 10, text: '9-10' }]],
  ['$500K-$50M+/month', [usd(500_000, '$500K-$50M+/month', { min: 500_000, max: 50e6, comparator: '+', per: 'month' })]],
  // Recurring amounts.
  ['$5K MRR or $10M ARR', [usd(5000, '$5K MRR', { per: 'month' }), usd(10e6, '$10M ARR', { per: 'year' })]],
  [
    '$50/month, $5 a month, 5%/month',
    [
      usd(50, '$50/month', { per: 'month' }),
      usd(5, '$5 a month', { per: 'month' }),
      { kind: 'percent', value: 5, per: 'month', text: '5%/month' },
    ],
  ],
  // Counts and plain numbers.
  ['n=100', [{ kind: 'count', value: 100, text: 'n=100' }]],
  ['n = 10-15 per segment', [{ kind: 'count', value: 10, min: 10, max: 15, text: 'n = 10-15' }]],
  ['**5,000** users', [{ kind: 'count', value: 5000, noun: 'users', text: '5,000' }]],
  ['34-cluster fleet', [{ kind: 'count', value: 34, noun: 'cluster', text: '34' }]],
  ['Tier 1', [{ kind: 'number', value: 1, text: '1' }]],
];

test('reads the forms marketers write, with exact values, kinds, currencies, ranges and spans', () => {
  assert.ok(FORMS.length >= 40);
  for (const [input, want, language] of FORMS) check(input, want, language ? { language } : {});
});

/**
 * Where one reader hands over to another (numerals to scales to currencies, bounds to
 * ranges, numbers to units and nouns): Russian decimal commas after space groups, every
 * dash, Russian durations and currency words, and the forms that are not quantities.
 */
const HANDOVERS: Array<[string, Want[], ('en' | 'ru')?]> = [
  // Space groups, then a decimal comma; a lone `,ddd` before a Russian scale is decimal.
  ['1 500,5 млн ₽', [rub(1_500_500_000, '1 500,5 млн ₽')]],
  ['12 000,50 ₽', [rub(12_000.5, '12 000,50 ₽')]],
  ['1 500,250 млн ₽', [rub(1_500_250_000, '1 500,250 млн ₽')]],
  ['1,500 млрд ₽', [rub(1.5e9, '1,500 млрд ₽')]],
  ['2,400 ₽', [rub(2400, '2,400 ₽')], 'ru'],
  ['100 000 000', [{ kind: 'number', value: 1e8, text: '100 000 000' }]],
  ['1.250M and $1.250M', [{ kind: 'number', value: 1.25e6, text: '1.250M' }, usd(1.25e6, '$1.250M')]],
  // Scales: `m` only after a currency sign; `MM` only attached.
  [
    '$5m, 30m, 2bn, 15К, 5MM',
    [
      usd(5e6, '$5m'),
      { kind: 'number', value: 2e9, text: '2bn' },
      { kind: 'number', value: 15_000, text: '15К' },
      { kind: 'number', value: 5e6, text: '5MM' },
    ],
  ],
  // Currency words after the number.
  [
    '5 долларов, 10 евро, 5 фунтов, 1000 иен, US$ 5',
    [
      usd(5, '5 долларов'),
      { kind: 'money', value: 10, text: '10 евро', currency: 'EUR' },
      { kind: 'money', value: 5, text: '5 фунтов', currency: 'GBP' },
      { kind: 'money', value: 1000, text: '1000 иен', currency: 'JPY' },
      usd(5, 'US$ 5'),
    ],
  ],
  [
    '40 процентов, 5 percent, 3X LTV',
    [
      { kind: 'percent', value: 40, text: '40 процентов' },
      { kind: 'percent', value: 5, text: '5 percent' },
      { kind: 'multiple', value: 3, text: '3X' },
    ],
  ],
  // Dashes: tight en and em dashes; a spaced one only after a marked first bound.
  ['$5–10M', [usd(5e6, '$5–10M', { min: 5e6, max: 10e6 })]],
  ['10—20 млн ₽', [rub(10e6, '10—20 млн ₽', { min: 10e6, max: 20e6 })]],
  ['$500K – $2M', [usd(500_000, '$500K – $2M', { min: 500_000, max: 2e6 })]],
  [
    '10 – 20%',
    [
      { kind: 'number', value: 10, text: '10' },
      { kind: 'percent', value: 20, text: '20%' },
    ],
  ],
  // An amount and a percentage are two figures, whatever the dash between them.
  ['$3.1B — 5% share', [{ ...usd(3.1e9, '$3.1B') }, { kind: 'percent', value: 5, text: '5%' }]],
  ['5%-$10', [{ kind: 'percent', value: 5, text: '5%' }, usd(10, '$10')]],
  [
    '5 до 10',
    [
      { kind: 'number', value: 5, text: '5' },
      { kind: 'number', value: 10, text: 'до 10', comparator: '<=' },
    ],
  ],
  ['между 5 и 10', [{ kind: 'number', value: 5, min: 5, max: 10, text: 'между 5 и 10' }]],
  // Russian durations and periods.
  ['3–5 дней', [{ kind: 'duration', value: 3, min: 3, max: 5, unit: 'day', text: '3–5 дней' }]],
  ['от 3 до 6 месяцев', [{ kind: 'duration', value: 3, min: 3, max: 6, unit: 'month', text: 'от 3 до 6 месяцев' }]],
  [
    '2 нед., через 2 недели, 1,5 года, за 3 квартала',
    [
      { kind: 'duration', value: 2, unit: 'week', text: '2 нед.' },
      { kind: 'duration', value: 2, unit: 'week', text: '2 недели' },
      { kind: 'duration', value: 1.5, unit: 'year', text: '1,5 года' },
      { kind: 'duration', value: 3, unit: 'quarter', text: '3 квартала' },
    ],
  ],
  ['6-month pilot', [{ kind: 'duration', value: 6, unit: 'month', text: '6-month' }]],
  ['5 000 ₽/мес and $2M ARR', [rub(5000, '5 000 ₽/мес', { per: 'month' }), usd(2e6, '$2M ARR', { per: 'year' })]],
  // A product after a noun; a `+` before digits is not "or more".
  ['12,000 companies × $15k ACV', [usd(180e6, '12,000 companies × $15k')]],
  ['5+3', [{ kind: 'number', value: 5, text: '5' }]],
  // Phones in groups of three are numbers; with brackets or hyphens they are not.
  ['+1 000 000 000', [{ kind: 'number', value: 1e9, text: '+1 000 000 000' }]],
  ['+7 (495) 123-45-67, 8 (800) 555-35-35, 2025 года, 15 января, 3:00, 10:15:30, $1:2', []],
];

test('reads across the hand-overs between the readers', () => {
  for (const [input, want, language] of HANDOVERS) check(input, want, language ? { language } : {});
});

/**
 * Phrases as the methodology documents write them (docs/methodology.md, "The GTM template",
 * "The comprehensive persona", "The five segment criteria") and as the examples do.
 */
const DOCUMENT_PHRASES: Array<[string, Want[], ('en' | 'ru')?]> = [
  ['**Size**: 8,000 companies', [{ kind: 'count', value: 8000, noun: 'companies', text: '8,000' }]],
  ['**ACV**: $25k (higher than avg $15k)', [usd(25_000, '$25k'), usd(15_000, '$15k')]],
  [
    '**Size**: 5,000 users (8% of base)',
    [
      { kind: 'count', value: 5000, noun: 'users', text: '5,000' },
      { kind: 'percent', value: 8, text: '8%' },
    ],
  ],
  ['**Revenue Contribution**: $12M (40% of total)', [usd(12e6, '$12M'), { kind: 'percent', value: 40, text: '40%' }]],
  ['├── >3x LTV/CAC ratio (sustainability)', [{ kind: 'multiple', value: 3, comparator: '>', text: '>3x' }]],
  [
    '├── <6 месяцев CAC payback (cash efficiency)',
    [{ kind: 'duration', value: 6, unit: 'month', comparator: '<', text: '<6 месяцев' }],
    'ru',
  ],
  ['└── >100% Net Revenue Retention (expansion evidence)', [{ kind: 'percent', value: 100, comparator: '>', text: '>100%' }]],
  ['├── 40%+ users would be "very disappointed"', [{ kind: 'percent', value: 40, comparator: '+', text: '40%+' }]],
  [
    '├── Budget allocation ($500K-$2M for Tier 1)',
    [usd(500_000, '$500K-$2M', { min: 500_000, max: 2e6 }), { kind: 'number', value: 1, text: '1' }],
  ],
  [
    '├── Free to paid conversion (3-5% at 90 days)',
    [
      { kind: 'percent', value: 3, min: 3, max: 5, text: '3-5%' },
      { kind: 'duration', value: 90, unit: 'day', text: '90 days' },
    ],
  ],
  [
    '├── Cloud Spend: $500-$10K/month ($6K-120K annually)',
    [
      usd(500, '$500-$10K/month', { min: 500, max: 10_000, per: 'month' }),
      usd(6000, '$6K-120K annually', { min: 6000, max: 120_000, per: 'year' }),
    ],
  ],
  [
    '├── Size: <500 employees, <$50M annual revenue',
    [
      { kind: 'count', value: 500, comparator: '<', noun: 'employees', text: '<500' },
      usd(50e6, '<$50M annual', { comparator: '<', per: 'year' }),
    ],
  ],
  [
    '- ❌ If segment is 100 companies × $1k ACV = $100k (too small)',
    [usd(100_000, '100 companies × $1k'), usd(100_000, '$100k')],
  ],
  [
    '- Loyalty: NPS 9-10, 95% retention',
    [
      { kind: 'number', value: 9, min: 9, max: 10, text: '9-10' },
      { kind: 'percent', value: 95, text: '95%' },
    ],
  ],
  ['1. **Surveys** (n=100+ per segment):', [{ kind: 'count', value: 100, comparator: '+', text: 'n=100+' }]],
  ['- **Средний чек**: 2,4 млн ₽ в год', [rub(2.4e6, '2,4 млн ₽ в год', { per: 'year' })], 'ru'],
  ['- **Количество компаний**: 3 200', [{ kind: 'number', value: 3200, text: '3 200' }], 'ru'],
  ['- **SOM**: 1,45 млрд ₽ (6% SAM за три года)', [rub(1.45e9, '1,45 млрд ₽'), { kind: 'percent', value: 6, text: '6%' }], 'ru'],
  ['- **Revenue Potential**: $13.8M (2,300 × $6k)', [usd(13.8e6, '$13.8M'), usd(13.8e6, '2,300 × $6k')]],
];

test('reads the phrases of the methodology documents and the examples', () => {
  for (const [input, want, language] of DOCUMENT_PHRASES) check(input, want, language ? { language } : {});
});

test('a product keeps both factors with their own spans', () => {
  const text = '**TAM**: $180M (12,000 × $15k ACV)';
  const [tam, product] = findQuantities(text);
  assert.equal(tam!.value, 180e6);
  assert.equal(product!.value, 180e6);
  assert.equal(product!.currency, 'USD');
  assert.equal(product!.text, '12,000 × $15k');
  const { count, amount } = product!.product!;
  assert.deepEqual(project(count), { kind: 'count', value: 12_000, text: '12,000' });
  assert.deepEqual(project(amount), usd(15_000, '$15k'));
  assert.deepEqual(amount.span, { start: text.indexOf('$15k'), end: text.indexOf('$15k') + 4 });
  assert.deepEqual(count.span, { start: text.indexOf('12,000'), end: text.indexOf('12,000') + 6 });

  const withNoun = parseQuantity('100 companies × $1k ACV')!;
  assert.equal(withNoun.product!.count.noun, 'companies');
  assert.equal(withNoun.value, 100_000);

  const ranged = parseQuantity('100-200 × $1k')!;
  assert.deepEqual([ranged.value, ranged.min, ranged.max], [100_000, 100_000, 200_000]);
});

/** Text with no quantity in it at all. */
const REFUSED: string[] = [
  'version 1.2.3',
  'v2.1',
  'released 2026-01-15',
  'on 15.01.2025',
  'on 01/15/2025',
  'at 8:00 AM',
  'from 9:30 to 14:00',
  'call +7 495 123-45-67',
  'call +1 (555) 123-4567',
  'call (555) 123-4567',
  'call 555-123-4567',
  'T-24 weeks',
  'T+12 weeks',
  'T-0',
  'Q1',
  'H1 targets',
  'FY2025',
  'Series A/B',
  '24/7 support',
  'K8s and S3 and x86',
  'GPT-4',
  'LTV:CAC Ratio: [X:1]',
  '3rd place, 2FA, 5G',
  '152-ФЗ',
  '1С-Битрикс',
  'January 2025',
  '14 апреля 2027 года',
  'с 2018 года',
  '2025 г.',
  'in 2026',
  'Q2–Q3 2026',
  '2024-2025',
  '1. Market Analysis',
  '### 2) Buyer Personas',
  'tiers 1/2/3',
  '10,20,30',
  '3x3 grid',
];

test('refuses what is not a quantity: versions, dates, times, phones, labels', () => {
  assert.ok(REFUSED.length >= 10);
  for (const input of REFUSED) {
    assert.deepEqual(
      findQuantities(input).map((q) => q.text),
      [],
      `in ${JSON.stringify(input)}`,
    );
  }
  assert.equal(parseQuantity('Series A'), undefined);
});

test('a refused token does not hide the quantities next to it', () => {
  check('T-24 weeks: 16 interviews, $5K MRR', [
    { kind: 'count', value: 16, noun: 'interviews', text: '16' },
    usd(5000, '$5K MRR', { per: 'month' }),
  ]);
  check('Launch 2026-03-16 at 8:00 AM, budget $2M', [usd(2e6, '$2M')]);
  check('> 5,000 users', [{ kind: 'count', value: 5000, noun: 'users', text: '5,000' }]);
});

test('offsets shift spans so a slice maps back to the document', () => {
  const doc = '- **ACV**: $15k\n';
  const at = doc.indexOf('$15k');
  const q = parseQuantity(doc.slice(at), { offset: at })!;
  assert.deepEqual(q.span, { start: at, end: at + 4 });
  assert.equal(q.text, '$15k');
});

test('toUSD converts at the default rates and at configured ones', () => {
  const rub = parseQuantity('200 × 50 тыс. ₽')!;
  assert.equal(rub.value, 10e6);
  assert.ok(Math.abs(toUSD(rub)! - 110_000) < 1e-6, 'about $0.1M, below the $1M substantial minimum');
  assert.equal(toUSD(rub, { RUB: 0.02 }), 200_000);
  assert.equal(toUSD(parseQuantity('€2M')!), 2e6 * DEFAULT_RATES.EUR);
  assert.equal(toUSD(parseQuantity('£500k')!), 500_000 * 1.27);
  assert.ok(Math.abs(toUSD(parseQuantity('¥1,000,000')!)! - 6700) < 1e-6);
  assert.equal(toUSD(parseQuantity('$15k')!), 15_000);
  assert.equal(toUSD(parseQuantity('8%')!), undefined);
});

test('annualize and durationIn', () => {
  const monthly = annualize(parseQuantity('$500-$10K/month')!);
  assert.deepEqual([monthly.value, monthly.min, monthly.max, monthly.per], [6000, 6000, 120_000, 'year']);
  const yearly = parseQuantity('$6K-120K annually')!;
  assert.equal(annualize(yearly), yearly);
  const plain = parseQuantity('$180M')!;
  assert.equal(annualize(plain), plain);
  assert.ok(Math.abs(durationIn(parseQuantity('6 months')!, 'day')! - 182.625) < 1e-9);
  assert.equal(durationIn(parseQuantity('2 years')!, 'month'), 24);
  assert.equal(durationIn(parseQuantity('90 дней')!, 'day'), 90);
  assert.equal(durationIn(parseQuantity('$5')!, 'day'), undefined);
});

// ---------------------------------------------------------------------------------------
// Round trip: format an exact amount in one of the styles people write, read it back.

const SPACES = [' ', '\u00A0', '\u202F', '\u2009'];

/** `1234567` → `1,234,567` (or another separator). */
function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An exact decimal: integer part and up to `maxDigits` fraction digits, as strings and as a number. */
const decimal = (maxInt: number, maxDigits: number) =>
  fc
    .record({
      int: fc.integer({ min: 1, max: maxInt }),
      frac: fc.integer({ min: 0, max: 10 ** maxDigits - 1 }),
      digits: fc.integer({ min: 0, max: maxDigits }),
    })
    .map(({ int, frac, digits }) => {
      const f = digits === 0 ? '' : String(frac % 10 ** digits).padStart(digits, '0');
      return { int: String(int), frac: f, value: Number(f ? `${int}.${f}` : `${int}`) };
    });

type Style = (
  d: { int: string; frac: string; value: number },
  pick: number,
) => { text: string; value: number; lang?: 'en' | 'ru'; kind: Quantity['kind']; currency?: string };

/**
 * At most two fraction digits, as money (kopecks, cents) and percentages are written: three
 * after a lone comma would be the English thousands reading (rule 6 of numbers.ts).
 */
const cents = (d: { int: string; frac: string; value: number }) => {
  const frac = d.frac.slice(0, 2);
  return { int: d.int, frac, value: Number(frac ? `${d.int}.${frac}` : d.int) };
};

const STYLES: Record<string, Style> = {
  'English grouped dollars': (d, pick) => ({
    text: `$${group(d.int, ',')}${d.frac ? '.' + d.frac : ''}`,
    value: d.value,
    kind: 'money',
    currency: 'USD',
    lang: pick % 2 ? 'ru' : 'en',
  }),
  'Russian spaced roubles': (d0, pick) => ({
    text: `${group(cents(d0).int, SPACES[pick % 4]!)}${cents(d0).frac ? ',' + cents(d0).frac : ''} ₽`,
    value: cents(d0).value,
    kind: 'money',
    currency: 'RUB',
    lang: 'ru',
  }),
  'scaled dollars': (d, pick) => {
    const [suffix, f] = (
      [
        ['k', 1e3],
        ['K', 1e3],
        ['M', 1e6],
        ['B', 1e9],
      ] as const
    )[pick % 4]!;
    return { text: `$${d.int}${d.frac ? '.' + d.frac : ''}${suffix}`, value: d.value * f, kind: 'money', currency: 'USD' };
  },
  'Russian scale words': (d, pick) => {
    const [word, f] = (
      [
        ['тыс.', 1e3],
        ['млн', 1e6],
        ['млрд', 1e9],
      ] as const
    )[pick % 3]!;
    return {
      text: `${d.int}${d.frac ? ',' + d.frac : ''} ${word} ₽`,
      value: d.value * f,
      kind: 'money',
      currency: 'RUB',
      lang: pick % 2 ? 'ru' : 'en',
    };
  },
  'English scale words': (d, pick) => {
    const [word, f] = (
      [
        ['thousand', 1e3],
        ['million', 1e6],
        ['billion', 1e9],
      ] as const
    )[pick % 3]!;
    return { text: `€${d.int}${d.frac ? '.' + d.frac : ''} ${word}`, value: d.value * f, kind: 'money', currency: 'EUR' };
  },
  percent: (d0, pick) => {
    const d = cents(d0);
    return {
      text: `${d.int}${d.frac ? (pick % 2 ? ',' : '.') + d.frac : ''}${pick % 3 ? '%' : '\u00A0%'}`,
      value: d.value,
      kind: 'percent',
    };
  },
};

test('property: amounts formatted in several styles read back to the same value', () => {
  fc.assert(
    fc.property(
      decimal(999_999_999, 3),
      fc.constantFrom(...Object.keys(STYLES)),
      fc.nat(1000),
      fc.constantFrom('', 'TAM: ', '**ACV**: ', '(', '- Size: '),
      (d, style, pick, lead) => {
        // Scaled forms keep the mantissa small, as people write it.
        const dd =
          style.includes('scale') || style === 'percent'
            ? {
                ...d,
                int: String(Number(d.int) % 1000 || 1),
                value: Number(`${Number(d.int) % 1000 || 1}${d.frac ? '.' + d.frac : ''}`),
              }
            : d;
        const f = STYLES[style]!(dd, pick);
        const text = `${lead}${f.text} per segment`;
        const q = parseQuantity(text, f.lang ? { language: f.lang } : {});
        assert.ok(q, `nothing read from ${JSON.stringify(text)}`);
        assert.equal(q.kind, f.kind, text);
        assert.equal(q.currency, f.currency, text);
        assert.ok(
          Math.abs(q.value - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value)),
          `${JSON.stringify(text)}: ${q.value} ≠ ${f.value}`,
        );
        assert.equal(q.span.start, lead.length, text);
      },
    ),
    { numRuns: 2000 },
  );
});

test('property: ranges and products read back their bounds and value', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 1, max: 99_999 }),
      (a, extra, n) => {
        const b = a + extra;
        const range = parseQuantity(`$${a}K-$${b}K/month`)!;
        assert.deepEqual([range.min, range.max, range.per], [a * 1e3, b * 1e3, 'month']);
        const bare = parseQuantity(`$${a}K-${b}K`)!;
        assert.deepEqual([bare.min, bare.max], [a * 1e3, b * 1e3]);
        const product = parseQuantity(`${group(String(n), ',')} × $${a}k ACV`)!;
        assert.equal(product.value, n * a * 1e3);
        assert.equal(product.product!.amount.text, `$${a}k`);
        const ru = parseQuantity(`${group(String(n), '\u00A0')} × ${a} тыс. ₽`, { language: 'ru' })!;
        assert.equal(ru.value, n * a * 1e3);
        assert.equal(ru.currency, 'RUB');
      },
    ),
    { numRuns: 500 },
  );
});

test('property: any text gives ordered, non-overlapping spans that slice back to the text', () => {
  const piece = fc.constantFrom(
    '$',
    '5',
    '000',
    ',',
    '.',
    ' ',
    '\u00A0',
    '-',
    '–',
    '×',
    'x',
    '%',
    ':',
    '/',
    '+',
    '<',
    '>',
    '~',
    'k',
    'M',
    'млн',
    ' тыс.',
    '₽',
    'n=',
    'T',
    'Q',
    '\n',
    '1. ',
    ' to ',
    'от ',
    ' до ',
    ' users',
    ' months',
    '2026',
    'abc',
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ maxLength: 40 }),
      fc.nat(50),
      (generated, noise, offset) => {
        for (const text of [generated, noise]) {
          const qs = findQuantities(text, { offset });
          let last = offset;
          for (const q of qs) {
            assert.ok(
              q.span.start >= last && q.span.end > q.span.start && q.span.end <= text.length + offset,
              JSON.stringify(text),
            );
            assert.equal(text.slice(q.span.start - offset, q.span.end - offset), q.text);
            assert.ok(Number.isFinite(q.value), JSON.stringify(text));
            last = q.span.end;
          }
        }
      },
    ),
    { numRuns: 2000 },
  );
});
