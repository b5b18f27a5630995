/**
 * Places of the workspace by the segment they name (matrix rows, personas, stated tiers),
 * found from a name written elsewhere as unknown-segment and go to definition find a
 * segment: the same comparison key, else the same stems (another grammatical case: «для
 * малого бизнеса» names «Малый бизнес»), else the only name one is the start of the other
 * ("Mid-Market SaaS" ↔ "Mid-Market SaaS platform teams"), else the only name the written
 * one holds whole ("Tier 1: Regulated FinTech (EU)"). A name that could be two different
 * segments finds nothing: the rules that read this index say nothing rather than guess.
 */
import { findNamed, type NamedEntry } from '../../model/segments/names';
import { segmentNameKey } from '../../model/segments';

export class NameIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  private readonly entries: NamedEntry[] = [];
  private readonly found = new Map<string, readonly T[]>();

  add(name: string, value: T): void {
    const key = segmentNameKey(name);
    if (!key) return;
    let list = this.byKey.get(key);
    if (!list) {
      this.byKey.set(key, (list = []));
      this.entries.push({ key });
    }
    list.push(value);
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * The key of the indexed name that `name` names, if exactly one; `loose` also finds the
   * only indexed name `name` holds whole (a persona's Segment "Tier 1: Regulated FinTech (EU)").
   */
  keyOf(name: string, loose = false): string | undefined {
    const key = segmentNameKey(name);
    if (!key) return undefined;
    const hit = findNamed(this.entries, key, true);
    if (hit) return hit.key;
    if (!loose) return undefined;
    const inside = this.entries.filter((e) => ` ${key} `.includes(` ${e.key} `));
    return inside.length === 1 ? inside[0]!.key : undefined;
  }

  /** The values of the one indexed name that `name` names ({@link keyOf}); none when it names none or is ambiguous. */
  lookup(name: string, loose = false): readonly T[] {
    const key = `${loose ? '~' : ''}${segmentNameKey(name)}`;
    let out = this.found.get(key);
    if (!out) {
      const hit = this.keyOf(name, loose);
      out = hit === undefined ? [] : this.byKey.get(hit)!;
      this.found.set(key, out);
    }
    return out;
  }

  /**
   * Whether `name` and some indexed name name the same segment, however many: the same key or
   * stems, one the start of the other, or one held whole in the other.
   */
  has(name: string): boolean {
    if (this.lookup(name, true).length > 0) return true;
    const key = segmentNameKey(name);
    if (!key) return false;
    return this.entries.some(
      (e) =>
        e.key.startsWith(`${key} `) ||
        key.startsWith(`${e.key} `) ||
        ` ${e.key} `.includes(` ${key} `) ||
        ` ${key} `.includes(` ${e.key} `),
    );
  }
}
