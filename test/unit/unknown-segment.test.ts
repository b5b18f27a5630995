/**
 * unknown-segment beyond its fixtures: it says nothing when the front end knows no segment,
 * and how a persona's Segment value is matched with the known names.
 */
import { segmentsWorkspace } from '../../server/src/rules/workspace/model';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lint, usesWorkspace } from '../../server/src/services/engine';
import { summarizeResult } from '../../server/src/services/symbols';

const root = path.resolve(__dirname, '..', '..');
const PERSONA = readFileSync(path.join(root, 'examples', 'en', 'devops-dana.persona.md'), 'utf8');
const withSegment = (value: string): string => PERSONA.replace('**Segment**: Mid-Market Platform Teams', `**Segment**: ${value}`);
const known = (...names: string[]) => ({
  model: segmentsWorkspace(names.map((name) => ({ name, source: 'stratus.segmentation.md' }))),
});
const findings = (text: string, workspace?: ReturnType<typeof known>): string[] =>
  lint(text, { path: 'dana.persona.md', ...(workspace ? { workspace } : {}) })
    .findings.filter((f) => f.rule === 'unknown-segment')
    .map((f) => f.message);

describe('unknown-segment', () => {
  test('quiet when the front end knows no workspace, or the workspace defines no segment', () => {
    assert.deepEqual(findings(withSegment('Anything at all')), []);
    assert.deepEqual(findings(withSegment('Anything at all'), known()), []);
    assert.equal(findings(withSegment('Anything at all'), known('Regulated FinTech')).length, 1);
  });

  test('a name matches: the same words, a longer or shorter form, or the whole name inside', () => {
    const ws = known('Mid-Market Platform Teams', 'Regulated FinTech');
    for (const value of [
      'Mid-Market Platform Teams',
      'mid-market platform teams',
      'Mid-Market Platform Teams in Europe',
      'Tier 1: Regulated FinTech (EU)',
    ]) {
      assert.deepEqual(findings(withSegment(value), ws), [], value);
    }
    assert.deepEqual(findings(withSegment('Mid-Market'), known('Mid-Market Platform Teams')), [], 'a shorter form of the name');
    assert.equal(findings(withSegment('Platform'), ws).length, 1, 'a single word of a name is not the segment');
  });

  test('segments written as table rows, bold lines or numbered headings are known by their names', () => {
    const segmentation = [
      '# Customer Segmentation: Ledgerly',
      '',
      '## Who we sell to',
      '',
      '**1. Mid-market SaaS (200–1,000 employees)**',
      '- Number of companies: ~4,000',
      '',
      '**2. Vertical SaaS**',
      '- Number of companies: ~2,500',
      '',
      '## Segment Profiles',
      '',
      '### 3. Enterprise fintech',
      '- **Market size**: 900 companies',
      '',
      '## Target Segments',
      '',
      '| Segment | Companies |',
      '| --- | --- |',
      '| PE-backed roll-ups | 1,200 |',
    ].join('\n');
    const names = summarizeResult(lint(segmentation, { path: 'ledgerly.segmentation.md' }))!.segments.map((s) => s.name);
    assert.deepEqual(names, [
      'Mid-market SaaS (200–1,000 employees)',
      'Vertical SaaS',
      'Enterprise fintech',
      'PE-backed roll-ups',
    ]);
    const ws = known(...names);
    for (const value of ['Mid-market SaaS', 'Enterprise fintech', 'PE-backed roll-ups'])
      assert.deepEqual(findings(withSegment(value), ws), [], value);
    assert.equal(findings(withSegment('Public sector'), ws).length, 1);
  });

  test('a placeholder is left to the placeholder rule', () => {
    assert.deepEqual(findings(withSegment('[Which segment this persona represents]'), known('Regulated FinTech')), []);
  });

  test('segdoc documents use the workspace (personas for unknown-segment, segmentations for the cross-document rules); other files do not', () => {
    const segmentation = readFileSync(path.join(root, 'examples', 'en', 'stratus-cloud.segmentation.md'), 'utf8');
    assert.equal(usesWorkspace(lint(PERSONA, { path: 'dana.persona.md' })), true);
    assert.equal(usesWorkspace(lint(segmentation, { path: 'stratus.segmentation.md' })), true);
    assert.equal(usesWorkspace(lint('# Notes\n', { path: 'notes.md' })), false);
  });
});
