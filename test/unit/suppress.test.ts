import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/services/engine';

const rules = (text: string) =>
  lint(text, { path: 'x.md', now: new Date('2026-11-01') }).findings.map((f) => `${f.range.start.line + 1} ${f.rule}`);

const GTM_META = '---\nsegdoc: gtm\n---\n';

test('segdoc-disable above the first heading covers the whole file, title and front matter included', () => {
  const text = `${GTM_META}<!-- segdoc-disable required-section -->\n# GTM Strategy: K8s\n\n## Metadata\n- **Status**: Drafty\n`;
  const found = rules(text);
  assert.ok(!found.some((r) => r.endsWith('required-section')), found.join('\n'));
  assert.ok(
    found.some((r) => r.endsWith('metadata')),
    'other rules still report',
  );
});

test('segdoc-disable after a heading starts there; segdoc-enable ends it', () => {
  const text =
    '# Persona: Dana\n\n## Demographics\n- **Job Title**: [Title]\n<!-- segdoc-disable placeholder -->\n- **Industry**: [Industry]\n<!-- segdoc-enable placeholder -->\n- **Company Size**: [Size]\n';
  const lines = rules(text)
    .filter((r) => r.endsWith('placeholder'))
    .map((r) => Number(r.split(' ')[0]));
  assert.deepEqual(lines, [4, 8]);
});

test('segdoc-disable-next-line covers exactly the next line, for the named rule only', () => {
  const text =
    '# Persona: Dana\n\n## Demographics\n<!-- segdoc-disable-next-line placeholder -->\n- **Job Title**: [Title]\n- **Industry**: [Industry]\n';
  const lines = rules(text)
    .filter((r) => r.endsWith('placeholder'))
    .map((r) => Number(r.split(' ')[0]));
  assert.deepEqual(lines, [6]);
});
