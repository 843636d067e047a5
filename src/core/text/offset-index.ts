/** Sorted, non-overlapping spans (annotations) with lookups by offset in O(log n). */
export class OffsetIndex<T extends { start: number; end: number }> {
  readonly items: readonly T[];

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.start - b.start);
  }

  /** Index of the first item starting at or after `pos`. */
  private lowerBound(pos: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Items lying wholly inside [from, to). */
  within(from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = this.lowerBound(from); i < this.items.length && this.items[i]!.start < to; i++)
      if (this.items[i]!.end <= to) out.push(this.items[i]!);
    return out;
  }

  /** The last item ending at or before `pos` that starts at or after `from`. */
  lastBefore(pos: number, from = 0): T | undefined {
    for (let i = this.lowerBound(pos) - 1; i >= 0 && this.items[i]!.start >= from; i--)
      if (this.items[i]!.end <= pos) return this.items[i];
    return undefined;
  }

  /** The item that contains [from, to), if any. */
  containing(from: number, to: number): T | undefined {
    const it = this.items[this.lowerBound(from + 1) - 1];
    return it && it.start <= from && it.end >= to ? it : undefined;
  }
}
