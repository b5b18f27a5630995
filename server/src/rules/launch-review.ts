/**
 * launch-review — a launch plan does not stop at launch day: the GTM template's launch
 * timeline runs on to the post-launch review at T+12 weeks (metrics against goals, win/loss,
 * lessons learned), and its pitfalls name "launch and forget", a plan with no sustained work
 * after launch, and answer it with a 90-day post-launch plan. docs/methodology.md "The GTM
 * template".
 *
 * Read from the launch plan's T-milestones as launch-timeline reads them (`T-24 weeks` …
 * `T+12 weeks`). The rule stays quiet when the plan has fewer than two of them (a plan written
 * as phases or dates is not counted from launch day), when its last milestone is at or after
 * the review (`reviewWeeks`, 12 by default; `T+3 months` and `T+90 days` are after it), and when
 * the section names the review in words ("post-launch review", "retrospective", "итоги
 * запуска", "ретроспектива"), wherever it is scheduled.
 */
import { sectionLines } from './content/lines';
import { readMilestones } from './launch-timeline';
import { defineRule } from './types';

export interface LaunchReviewOptions {
  /** Weeks after launch day by which the plan reaches its post-launch review. */
  reviewWeeks: number;
}

/** A review after launch named in words, in English or Russian. */
const REVIEW =
  /post[- ]?launch[ \t]+(?:review|retro|analysis|assessment)|retrospective|\bretro\b|lessons[ \t]+learned|win[ \t]*\/[ \t]*loss|итог(?:и|ов)[ \t]+запуска|подвед[\p{L}]*[ \t]+итог|разбор[ \t]+итог|ретроспектив|пост-?запуск|после[ \t]+запуска[^.\n]{0,40}(?:итог|разбор|анализ|ревью)/iu;

export default defineRule<LaunchReviewOptions>({
  id: 'launch-review',
  severity: 'info',
  kinds: ['gtm'],
  description:
    'The launch plan runs on to the post-launch review (T+12 weeks), as the GTM template’s launch timeline does, rather than stopping at launch.',
  messages: {
    stops:
      'The launch plan stops at "{last}": the GTM template’s launch timeline runs on to a post-launch review {weeks} weeks after launch (metrics against goals, lessons learned)',
  },
  defaults: { reviewWeeks: 12 },
  optionsSchema: {
    type: 'object',
    properties: {
      reviewWeeks: {
        type: 'integer',
        minimum: 1,
        description: 'Weeks after launch day by which the launch plan reaches its post-launch review (the GTM template: 12).',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const section = ctx.match.byId.get('launch-plan');
    if (!section) return;
    const milestones = readMilestones(ctx.doc, section);
    if (milestones.length < 2) return;
    let last = milestones[0]!;
    for (const m of milestones) if (m.days >= last.days) last = m;
    // A day's slack: `T+3 months` (91 days) and `T+84 days` reach a 12-week review.
    if (last.days >= ctx.options.reviewWeeks * 7 - 1) return;
    if (sectionLines(ctx.doc, section).some((line) => REVIEW.test(line.text))) return;
    ctx.report({ message: 'stops', args: { last: last.text, weeks: ctx.options.reviewWeeks }, span: last.span });
  },
});
