/**
 * A persona's Segment and the segments the workspace defines, over the protocol:
 * unknown-segment compares them — with segmentation documents open in the editor and files
 * on disk — and checks the persona again when they change; textDocument/definition goes from
 * the Segment value to the segment's heading. Waits on messages, never on time.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DefinitionRequest, FileChangeType, type Location, type LocationLink } from 'vscode-languageserver-protocol';
import { fullCapabilities, LIMIT, messageOf, ofRule, root, startInFolder } from './client';

const example = (name: string): string => readFileSync(path.join(root, 'examples', 'en', name), 'utf8');
const SEGMENTATION = example('stratus-cloud.segmentation.md');
const PERSONA = example('devops-dana.persona.md');
const TYPO = PERSONA.replace('**Segment**: Mid-Market Platform Teams', '**Segment**: Mid-Market Platfrom Teams');

describe("a persona's Segment in the editor", () => {
  test(
    'a persona naming a segment the open segmentation does not define is flagged, and cleared when the segmentation is fixed',
    LIMIT,
    async (t) => {
      const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 } });
      const persona = uri('dana.persona.md');
      const segmentation = uri('stratus.segmentation.md');
      const since = client.publishes.length;
      await client.open(segmentation, SEGMENTATION);
      await client.open(persona, TYPO);
      // The first check of the persona, or the one after the workspace's segments are known.
      const flagged = await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 1, since);
      const d = ofRule(flagged, 'unknown-segment')[0]!;
      assert.equal(
        messageOf(d),
        'Segment "Mid-Market Platfrom Teams" is not defined in the workspace: did you mean "Mid-Market Platform Teams" (stratus.segmentation.md)?',
      );
      assert.deepEqual(d.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 38 } });

      // The segmentation renames its segment to what the persona says: the persona is checked again.
      const renamed = SEGMENTATION.split('Mid-Market Platform Teams').join('Mid-Market Platfrom Teams');
      const before = client.publishes.length;
      await client.change(segmentation, [{ text: renamed }]);
      await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 0, before);
    },
  );

  test('segments of files on disk count too, and a change on disk is seen through watched files', LIMIT, async (t) => {
    const { client, dir, uri } = await startInFolder(t, (folder) => {
      writeFileSync(
        path.join(folder.dir, 'stratus.segmentation.md'),
        SEGMENTATION.split('Mid-Market Platform Teams').join('Platform Teams of Mid-Market Companies'),
      );
      return { settings: { debounceMs: 0 }, workspaceFolders: [{ uri: folder.uri(''), name: 'ws' }] };
    });
    const persona = uri('dana.persona.md');
    const since = client.publishes.length;
    await client.open(persona, PERSONA);
    const flagged = await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 1, since);
    assert.match(
      messageOf(ofRule(flagged, 'unknown-segment')[0]!),
      /^Segment "Mid-Market Platform Teams" is not defined in the workspace; known segments: Cloud-Native Startups, Platform Teams of Mid-Market Companies, /,
    );

    writeFileSync(path.join(dir, 'stratus.segmentation.md'), SEGMENTATION);
    const before = client.publishes.length;
    await client.changeWatchedFiles([{ uri: uri('stratus.segmentation.md'), type: FileChangeType.Changed }]);
    await client.diagnostics(persona, (p) => ofRule(p, 'unknown-segment').length === 0, before);
  });

  for (const linkSupport of [true, false]) {
    test(
      `go to definition from a persona's Segment to the segment's heading (${linkSupport ? 'location links' : 'locations'})`,
      LIMIT,
      async (t) => {
        const full = fullCapabilities(true);
        const { client, uri } = await startInFolder(t, (folder) => {
          // The segmentation is a file on disk; the persona is open.
          writeFileSync(path.join(folder.dir, 'stratus.segmentation.md'), SEGMENTATION);
          return {
            settings: { debounceMs: 0 },
            workspaceFolders: [{ uri: folder.uri(''), name: 'ws' }],
            capabilities: { ...full, textDocument: { ...full.textDocument, definition: { linkSupport } } },
          };
        });
        assert.equal(client.initializeResult?.capabilities.definitionProvider, true);
        const persona = uri('dana.persona.md');
        await client.open(persona, PERSONA);
        const at = { line: 4, character: 20 }; // inside "Mid-Market Platform Teams"
        const target = {
          uri: uri('stratus.segmentation.md'),
          range: { start: { line: 35, character: 15 }, end: { line: 35, character: 40 } },
        };
        const answer = await client.connection.sendRequest(DefinitionRequest.type, {
          textDocument: { uri: persona },
          position: at,
        });
        if (linkSupport) {
          assert.deepEqual(answer as LocationLink[], [
            {
              originSelectionRange: { start: { line: 4, character: 13 }, end: { line: 4, character: 38 } },
              targetUri: target.uri,
              targetRange: target.range,
              targetSelectionRange: target.range,
            },
          ]);
        } else {
          assert.deepEqual(answer as Location[], [target]);
        }
        // Elsewhere in the persona there is nothing to go to.
        assert.equal(
          await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: persona },
            position: { line: 0, character: 3 },
          }),
          null,
        );
      },
    );
  }
});
