/**
 * The server's garbage collection between checks (server/src/lsp/memory.ts): when the heap has
 * grown by the threshold since the last collection, and once the work pauses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { MemoryKeeper } from '../../server/src/lsp/memory';

test('collects when garbage has piled up, and once after a pause; not while nothing happened', async () => {
  const keeper = new MemoryKeeper();
  try {
    keeper.worked();
    const first = keeper.collections;
    // About 80 MB of short-lived garbage, as many checks leave behind.
    let junk: number[][] | undefined = [];
    for (let i = 0; i < 80; i++) junk.push(new Array(128 * 1024).fill(i));
    assert.equal(junk.length, 80);
    junk = undefined;
    const before = getHeapStatistics().used_heap_size;
    keeper.worked();
    assert.equal(keeper.collections, first + 1, 'collected at once when the heap grew past the threshold');
    assert.ok(getHeapStatistics().used_heap_size < before, 'and the garbage is gone');
    // A pause after work: one collection when it is over.
    keeper.worked();
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal(keeper.collections, first + 2, 'collected once the work paused');
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal(keeper.collections, first + 2, 'nothing more while nothing happens');
  } finally {
    keeper.dispose();
  }
});
