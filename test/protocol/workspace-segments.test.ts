/**
 * unknown-segment over the protocol: a persona's Segment is compared with the segments the
 * workspace defines — segmentation documents open in the editor and files on disk — and the
 * persona is checked again when they change. Waits on published diagnostics, never on time.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LIMIT, messageOf, ofRule, root, TestClient, tempFolder } from './client';

const example = (name: string): string => readFileSync(path.join(root, 'examples', 'en', name), 'utf8');
const SEGMENTATION = example('stratus-cloud.segmentation.md');
const PERSONA = example('devops-dana.persona.md');
const TYPO = PERSONA.replace('**Segment**: Mid-Market Platform Teams', '**Segment**: Mid-Market Platfrom Teams');

describe('unknown-segment in the editor', () => {
  test('a persona naming a segment the open segmentation does not define is flagged, and cleared when the segmentation is fixed', LIMIT, async (t) => {
    const folder = tempFolder();
    const client = await TestClient.start({ settings: { debounceMs: 0 } });
    t.after(async () => {
      await client.stop();
      folder.cleanup();
    });
    const persona = folder.uri('dana.persona.md');
    const segmentation = folder.uri('stratus.segmentation.md');
    const since = client.publishes.length;
    await client.open(segmentation, SEGMENTATION);
    await client.open(persona, TYPO);
    // The first check of the persona, or the one after the workspace's segments are known.
    const flagged = await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 1, since);
    const d = ofRule(flagged, 'unknown-segment')[0]!;
    assert.equal(messageOf(d), 'Segment "Mid-Market Platfrom Teams" is not defined in the workspace: did you mean "Mid-Market Platform Teams" (stratus.segmentation.md)?');
    assert.deepEqual(d.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 38 } });

    // The segmentation renames its segment to what the persona says: the persona is checked again.
    const renamed = SEGMENTATION.split('Mid-Market Platform Teams').join('Mid-Market Platfrom Teams');
    const before = client.publishes.length;
    await client.change(segmentation, [{ text: renamed }]);
    await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 0, before);
  });

  test('segments of files on disk count too, and a change on disk is seen through watched files', LIMIT, async (t) => {
    const folder = tempFolder();
    writeFileSync(path.join(folder.dir, 'stratus.segmentation.md'), SEGMENTATION.split('Mid-Market Platform Teams').join('Platform Teams of Mid-Market Companies'));
    const client = await TestClient.start({ settings: { debounceMs: 0 }, workspaceFolders: [{ uri: folder.uri(''), name: 'ws' }] });
    t.after(async () => {
      await client.stop();
      folder.cleanup();
    });
    const persona = folder.uri('dana.persona.md');
    const since = client.publishes.length;
    await client.open(persona, PERSONA);
    const flagged = await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 1, since);
    assert.match(messageOf(ofRule(flagged, 'unknown-segment')[0]!), /^Segment "Mid-Market Platform Teams" is not defined in the workspace; known segments: Cloud-Native Startups, Platform Teams of Mid-Market Companies, /);

    writeFileSync(path.join(folder.dir, 'stratus.segmentation.md'), SEGMENTATION);
    const before = client.publishes.length;
    await client.changeWatchedFiles([{ uri: folder.uri('stratus.segmentation.md'), type: FileChangeType.Changed }]);
    await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 0, before);
  });
});
