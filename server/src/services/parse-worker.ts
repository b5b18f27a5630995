/**
 * The parse worker: a worker thread that turns chunk texts into model fragments
 * (model/build.ts makeFragment) for services/parse-pool.ts. It holds no state and no cache,
 * so the pool may stop it at any moment (a parse past its budget) and start another.
 *
 * Messages in: `{ id, text, last, limits }`; out: `{ ready: true }` once, then
 * `{ id, fragment }` or `{ id, error }` for each.
 */
import { parentPort } from 'node:worker_threads';
import { makeFragment } from '../model/build';
import type { Fragment } from '../model/fragment';
import type { ParseLimits } from '../parse/markdown';

export interface ParseJob {
  id: number;
  text: string;
  last: boolean;
  limits: ParseLimits;
}

export type ParseReply = { ready: true } | { id: number; fragment: Fragment } | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', (job: ParseJob) => {
    let reply: ParseReply;
    try {
      reply = { id: job.id, fragment: makeFragment(job.text, job.limits, job.last) };
    } catch (e) {
      reply = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies ParseReply);
}
