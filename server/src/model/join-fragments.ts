/**
 * Joining placed fragments across chunk cuts, so that the chunked model equals the model of
 * a whole-document parse (ARCHITECTURE.md, "Parsing: chunks and the fragment cache").
 */
import type { Fragment } from './fragment';
import type { Field, List } from './types';

/**
 * Joins consecutive placed fragments where the whole parse has one construct across the
 * cut (see FragmentEdges): a list continued by the next chunk's list of the same marker
 * becomes one list, and a `**Field**:` line at the end of a chunk takes the items of the
 * list the next chunk starts with. Placed fragments are fresh copies, so they may change.
 */
export function joinFragments(fragments: Fragment[]): void {
  // The last top-level node so far, when it is a list (and the field that took its items).
  let open: { list: List; marker: string; field: Field | undefined } | undefined;
  // A field whose value is still empty, waiting for a list.
  let pending: Field | undefined;
  for (const f of fragments) {
    const edges = f.edges;
    if (f.skipped || (f.blocks.length && f.blocks[0]!.type === 'heading')) {
      open = undefined;
      pending = undefined;
    }
    if (f.skipped) continue;
    const first = f.blocks[0];
    const last = f.blocks[f.blocks.length - 1];
    const firstContent = first && first.type === 'content' ? first : undefined;
    const lastContent = last && last.type === 'content' ? last : undefined;
    const lastListBefore = lastContent && edges?.lastList ? lastContent.lists[lastContent.lists.length - 1] : undefined;
    let continued: typeof open;
    if (edges?.firstList && firstContent) {
      const list = firstContent.lists[0]!;
      if (pending) {
        pending.items.push(...list.items);
        // The field keeps taking items while later chunks continue this list.
        if (list === lastListBefore) continued = { list, marker: edges.firstList.marker, field: pending };
      } else if (open && edges.firstList.atStart && edges.firstList.marker === open.marker) {
        open.list.items.push(...list.items);
        open.list.span = { start: open.list.span.start, end: list.span.end };
        open.field?.items.push(...list.items);
        firstContent.lists.shift();
        if (list === lastListBefore) continued = open;
      }
    }
    if (edges?.passive === 'empty') continue;
    if (edges?.passive === 'quiet') {
      open = undefined;
      continue;
    }
    pending = undefined;
    open = continued;
    if (!continued && edges?.lastList && lastContent && lastListBefore) {
      const field = edges.lastList.field === undefined ? undefined : lastContent.fields[edges.lastList.field];
      open = { list: lastListBefore, marker: edges.lastList.marker, field };
    }
    if (edges?.pendingField !== undefined && lastContent) pending = lastContent.fields[edges.pendingField];
  }
}
