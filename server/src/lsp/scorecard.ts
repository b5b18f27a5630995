/**
 * `segdoc/scorecard { uri }`: the scorecard of an open document (services/scorecard.ts) —
 * the `segdoc/scores` tallies plus each matrix row's four dimension scores and the tier
 * thresholds, which an editor's scorecard view draws as a chart. Null for a document that is
 * not open or not a segdoc document. Answered from the document's current check, like
 * `segdoc/scores`, so the view and the diagnostics always describe the same text.
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import type { LintResult } from '../services/engine';
import { SCORECARD_METHOD, type DocumentParams } from '../protocol';
import { computeScorecard, type Scorecard } from '../services/scorecard';

export const ScorecardRequest = new RequestType<DocumentParams, Scorecard | null, void>(SCORECARD_METHOD);

export interface ScorecardHost {
  /** The check of the document's current text, or undefined when it is not open. */
  current(uri: string): Promise<LintResult | undefined>;
  logError(what: string, e: unknown): void;
}

export function listenScorecard(connection: Connection, host: ScorecardHost): void {
  connection.onRequest(ScorecardRequest, async (params) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    try {
      const result = await host.current(uri);
      return result ? computeScorecard(result) : null;
    } catch (e) {
      host.logError(`Computing the scorecard of ${uri} failed`, e);
      return null;
    }
  });
}
