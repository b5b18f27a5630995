/**
 * The English lexicon: what English documents call the things segdoc reads outside the kind
 * schemas (see ./types.ts for what each entry is for and who reads it). Abbreviations that
 * Russian documents write in Latin letters too (LTV/CAC, NRR, PMF, CRM) live here once; the
 * readers recognise every language's words in every document.
 */
import type { Lexicon } from './types';

export const en = {
  headingNumberWords: ['section', 'part', 'step', 'chapter'],
  headingConjunctions: ['and'],
  // `ll` and `s` are what is left of `we'll` and `customer's` once punctuation is folded.
  headingStopWords: [
    'a', 'an', 'the', 'our', 'your', 'my', 'its', 'this', 'these', 'that', 'key', 'main', 'top', 'core', 'major', 'biggest',
    'critical', 'real', 'us', 'it', 'll', 'will', 'is', 'are', 'am', 'be', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 's',
  ],
  pronouns: { to: 'they', from: ['she', 'he', 'her', 'him', 'his', 'their', 'them', 'hers', 'theirs'] },
  strategyHeadings: {
    segment: ['segment'],
    before: [
      'strategy', 'approach', 'plan', 'playbook', 'motion', 'gtm', 'go to market', 'messaging', 'positioning', 'how we win', 'how we ll win',
      'how we will win', 'how to win', 'winning',
    ],
    prepositions: ['for', 'in', 'with', 'to', 'at', 'on'],
    nameLeads: ['the', 'segment'],
    after: ['strategy', 'approach', 'playbook', 'plan', 'motion', 'gtm', 'go to market', 'messaging', 'play'],
    alone: ['for'],
  },

  matrixHeaders: {
    attractiveness: ['attractiveness', 'market attractiveness', 'market size/attractiveness'],
    fit: ['fit', 'ability to win', 'product fit', 'fit with product'],
    accessibility: ['accessibility', 'access', 'reachability', 'reach', 'ease of reach'],
    strategic: ['strategic value', 'strategic importance', 'strategic'],
    total: ['total', 'total score', 'score', 'sum', 'overall', 'overall score', 'weighted total'],
    tier: ['tier', 'priority tier', 'priority'],
  },
  matrixHeaderFiller: ['of', 'to', 'the', 'a', 'an', 'with', 'for', 'in', 'on', 'by', 'rating'],
  matrixScoreWords: ['score', 'scores'],
  segmentHeaders: ['segment', 'segments', 'segment name'],

  keyHeaders: [
    'attribute', 'attributes', 'field', 'fields', 'parameter', 'parameters', 'property', 'properties', 'characteristic',
    'characteristics', 'key', 'aspect', 'item', 'trait', 'dimension', 'category', 'label', 'name',
  ],
  valueHeaders: ['detail', 'details', 'value', 'values', 'description', 'answer', 'info', 'information', 'notes', 'data'],

  // The tier section titles of the prioritization template: Tier 1 (Primary Focus), Tier 2
  // (Secondary Focus), Tier 3 (Opportunistic).
  tierWords: [/primary/iu, /secondary/iu, /opportunistic|tertiary/iu],
  tierWordForms: [{ words: ['primary', 'secondary', 'opportunistic'] }],
  tierHeaders: ['tier', 'tiers', 'priority', 'priority tier'],
  // `P1`, `P2`: priority in short.
  tierLabelWords: ['tier', 'priority', 'p'],
  tierValueWords: ['tier'],

  allocationTotalKeys: ['total', 'total budget', 'overall', 'sum'],
  allocationHeaderStarts: ['share', 'resource share', 'resources', 'percent', 'percentage'],
  allocationHeaderWords: ['allocation'],
  shareHeaderWords: [
    'share', 'shares', 'mix', 'allocation', 'split', 'percent', 'percentage', 'portion', 'weight', 'budget', 'spend', 'of total',
    'detail', 'details', 'value',
  ],

  quoteKeys: ['quote', 'quotes', 'customer quote', 'real quote'],
  speechWords:
    /says?|said|told\s+(?:us|me)|puts?\s+it|explains?|explained|complains?|complained|asks?|asked|notes?|noted|wrote|writes|quote|quoted|in\s+(?:her|his|their)\s+words/iu,
  attributionWords: ['interview', 'call', 'survey'],
  researchSources: {
    interviews: { word: /^(?:interview|conversations?$)/, cue: undefined },
    surveys: { word: /^(?:survey|respondent|responses?$|questionnaire|polled)/, cue: undefined },
    'deal-reviews': {
      word: /^(?:deals?$|wins?$|loss(?:es)?$|win-loss$|opportunit)/,
      cue: /^(?:review|analy|wins?$|loss|won$|lost$|closed|crm$|debrief|post-mortem)/,
    },
    calls: {
      word: /^(?:calls?$|recordings?$)/,
      cue: /^(?:sales|discovery|recorded|gong|chorus|customer|demo|analy|review|transcri|listen)/,
    },
    tickets: { word: /^(?:tickets?$)/, cue: /^(?:support|helpdesk|zendesk|intercom|analy|review|tagged|coded)/ },
    other: { word: /^(?:focus|usability|site-visits?$|visits?$|diary|ethnograph)/, cue: undefined },
  },
  researchVerbs: {
    interviews: /^(?:interviewed|talked|spoke)/,
    surveys: /^(?:surveyed|polled)/,
    'deal-reviews': /^(?:reviewed|analy[sz]ed)/,
  },
  researchPeople: /^(?:respondents?|customers?|users?|people|buyers?|engineers?|leaders?|managers?)/,
  researchLine: /(?:interview|survey|respondent|focus group|win[/-]loss|deal review|crm|analytics|gong|study|studies|research|sample|n\s*=)/iu,

  metricNames: {
    ltvCac: /LTV[ \t]*(?:\/|:|-?to-?)[ \t]*CAC/u,
    // Verbs name it only with CAC beside them (`CAC is paid back in 5 months`, `pays back
    // CAC`): a loan or a server also pays back.
    payback:
      /(?:CAC[ \t]+)?[Pp]ayback(?:[ \t]+[Pp]eriod)?|CAC[ \t]+(?:is[ \t]+|gets[ \t]+)?(?:paid|recovered|earned)[ \t]+back|CAC[ \t]+(?:is[ \t]+)?recovered|(?:[Pp]ay|[Pp]ays|[Pp]aying|[Rr]ecover|[Rr]ecovers|[Ee]arn|[Ee]arns)[ \t]+back[ \t]+(?:(?:the|our|its)[ \t]+)?CAC|(?:[Rr]ecover|[Rr]ecovers)[ \t]+(?:(?:the|our|its)[ \t]+)?CAC/u,
    nrr: /NRR|NDR|[Nn]et[ \t]+(?:[Rr]evenue|[Dd]ollar)[ \t]+[Rr]etention/u,
    pmf: /PMF|[Pp]roduct[ \t-]+[Mm]arket[ \t]+[Ff]it|[Vv]ery[ \t]+disappointed|Sean[ \t]+Ellis(?:[ \t]+(?:[Tt]est|[Ss]core|[Ss]urvey))?/u,
  },
  ltvMultipleLinks: ['is', 'of', 'at'],
  ltvMultipleFillers: ['the', 'times', 'our', 'its'],
  metricValueLinks: ['ratio', 'period', 'is', 'of'],

  employeeNouns: /^(?:employees?|staff|headcount|ftes?)/iu,
  similarityStopWords: [
    'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'without', 'from', 'into',
    'onto', 'over', 'under', 'about', 'as', 'than', 'then', 'so', 'such', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
    'do', 'does', 'did', 'doing', 'have', 'has', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may',
    'might', 'must', 'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they',
    'them', 'their', 'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'why', 'how',
    'not', 'no', 'yes', 'all', 'any', 'each', 'every', 'both', 'few', 'more', 'most', 'other', 'some', 'own', 'same', 'very',
    'just', 'also', 'only', 'too', 'even', 'still', 'up', 'down', 'out', 'off', 'again', 'further', 'once', 'here', 'there', 'via',
    'per', 'vs', 'etc', 'e', 'g', 'ie', 'eg',
  ],
} satisfies Lexicon;
