/**
 * Reading rule settings (`rules` of `.segdoc.json`, and an extended kind's own `rules`) once
 * the config schema has checked them: a severity, or [severity, options].
 */
import type { Rule } from '../../rules/types';
import type { RuleLevel, RuleSetting } from '../settings';
import type { ConfigReport } from './diagnostics';
import { nodeValue, properties, type JsonNode } from './jsonc';

/** The settings of the known rules the config schema accepted (for a key named twice, the last accepted one). */
export function readRules(
  c: ConfigReport,
  node: JsonNode,
  known: readonly Rule<object>[],
): Record<string, RuleSetting> | undefined {
  if (node.type !== 'object') return undefined;
  const out: Record<string, RuleSetting> = {};
  for (const p of properties(node)) {
    const rule = known.find((r) => r.id === p.key);
    if (!rule || c.refuses(p.value)) continue;
    if (p.value.type === 'string') out[rule.id] = p.value.value as RuleLevel;
    else {
      const [level, options] = p.value.children!;
      out[rule.id] = options
        ? [level!.value as RuleLevel, nodeValue(options) as Record<string, unknown>]
        : [level!.value as RuleLevel];
    }
  }
  return out;
}
