/**
 * The server's check queue (lsp/scheduler.ts): coalescing, fairness between documents and
 * survival of a failing check. Waits are on the scheduler's own callbacks, never on time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CheckScheduler } from '../../server/src/lsp/scheduler';
import { LIMIT } from './client';

/** A scheduler whose runs are recorded; `until(n)` resolves after the n-th run. */
function recorder(onRun: (id: string, s: CheckScheduler) => void | Promise<void> = () => {}) {
  const runs: string[] = [];
  const errors: string[] = [];
  const waiters: Array<{ n: number; resolve(): void }> = [];
  const scheduler: CheckScheduler = new CheckScheduler({
    run: async (id) => {
      runs.push(id);
      try {
        await onRun(id, scheduler);
      } finally {
        for (const w of waiters.filter((x) => runs.length >= x.n)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    onError: (id, e) => errors.push(`${id}: ${(e as Error).message}`),
  });
  const until = (n: number): Promise<void> =>
    runs.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
  return { scheduler, runs, errors, until };
}

describe('check scheduler', () => {
  test('requests for one document made before its check starts are coalesced into one check', LIMIT, async () => {
    const { scheduler, runs, until } = recorder();
    scheduler.schedule('a', 0);
    scheduler.schedule('a', 0);
    scheduler.schedule('b', 0);
    scheduler.schedule('a', 0);
    await until(2);
    // A barrier: one more request, which must come after anything left over.
    scheduler.schedule('c', 0);
    await until(3);
    assert.deepEqual(runs, ['a', 'b', 'c']);
  });

  test('a document changed while being checked goes behind the others (no starvation)', LIMIT, async () => {
    let again = 2;
    const { scheduler, runs, until } = recorder((id, s) => {
      if (id === 'busy' && again-- > 0) s.schedule('busy', 0);
    });
    scheduler.schedule('busy', 0);
    scheduler.schedule('other', 0);
    await until(4);
    assert.deepEqual(runs, ['busy', 'other', 'busy', 'busy']);
  });

  test('a debounced request is replaced by a newer one and cancel drops pending work', LIMIT, async () => {
    const { scheduler, runs, until } = recorder();
    scheduler.schedule('a', 60_000);
    assert.equal(scheduler.isPending('a'), true);
    scheduler.schedule('a', 0);
    scheduler.schedule('gone', 60_000);
    scheduler.cancel('gone');
    assert.equal(scheduler.isPending('gone'), false);
    await until(1);
    scheduler.schedule('b', 0);
    await until(2);
    assert.deepEqual(runs, ['a', 'b']);
    scheduler.dispose();
  });

  test('a check that throws is reported and the queue carries on', LIMIT, async () => {
    const { scheduler, runs, errors, until } = recorder((id) => {
      if (id === 'bad') throw new Error('broken');
    });
    scheduler.schedule('bad', 0);
    scheduler.schedule('good', 0);
    await until(2);
    assert.deepEqual(runs, ['bad', 'good']);
    assert.deepEqual(errors, ['bad: broken']);
  });
});
