import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/services/engine';

test('a required section whose body was not parsed (parse-limit) is not reported as empty', () => {
  const deep = `${'>'.repeat(24)} quoted far too deep\n`;
  const text = `# Persona: Dana\n\n## Pain Points\n\n${deep}\n## Decision Criteria\n\n`;
  const rules = lint(text, { path: 'dana.persona.md' }).findings.map((f) => `${f.range.start.line + 1} ${f.rule}`);
  assert.ok(rules.includes('5 parse-limit'), rules.join('\n'));
  assert.ok(!rules.includes('3 empty-section'), 'the skipped Pain Points is not called empty');
  assert.ok(rules.includes('7 empty-section'), 'a really empty section still is');
});
