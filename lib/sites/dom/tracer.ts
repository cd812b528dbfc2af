/**
 * Which fallback of each field matched, counted over one health-check scan: the check then
 * says "found, but only by the third selector" (drift starting) or "found nowhere".
 */
import type { Candidate } from '../types';

export class Tracer {
  readonly hits = new Map<string, Map<number, number>>();
  readonly misses = new Map<string, number>();
  hit(field: string, index: number): void {
    let byIndex = this.hits.get(field);
    if (!byIndex) this.hits.set(field, (byIndex = new Map()));
    byIndex.set(index, (byIndex.get(index) ?? 0) + 1);
  }
  miss(field: string): void {
    this.misses.set(field, (this.misses.get(field) ?? 0) + 1);
  }
  /** "3/4 via #1", "2/2 via fallback #3 (.wall_post_text)". */
  describe(field: string, candidates: readonly Candidate[]): string {
    const byIndex = this.hits.get(field) ?? new Map<number, number>();
    const found = [...byIndex.values()].reduce((a, b) => a + b, 0);
    const total = found + (this.misses.get(field) ?? 0);
    if (!found) return `0/${total}; tried: ${candidates.map((c) => c.selector).join(' | ')}`;
    const used = [...byIndex.keys()].sort((a, b) => a - b);
    const via = used.map((i) => (i === 0 ? '#1' : `fallback #${i + 1} (${candidates[i]?.selector ?? '?'})`)).join(', ');
    return `${found}/${total} via ${via}`;
  }
  /** Whether a field matched only through fallbacks (the first selector found nothing). */
  drifted(field: string): boolean {
    const byIndex = this.hits.get(field);
    return !!byIndex && byIndex.size > 0 && !byIndex.has(0);
  }
}

/** A tracer and the field name it counts under, or undefined when nothing is traced. */
export type Trace = { tracer: Tracer; field: string } | undefined;
