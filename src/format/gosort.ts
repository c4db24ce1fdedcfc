// Go's sort.Sort is not stable; kubectl's output order for ties is whatever it leaves. For 12 items or fewer Go
// runs an insertion sort, which is stable, and so is this. Larger inputs: see goSort's note.

/**
 * Sorts in place with a strict "less" function. For n ≤ 12 this is exactly Go's order (insertion sort);
 * above that it is a stable sort, which is one of the orders Go's pdqsort may produce for ties.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  if (items.length <= 12) {
    for (let i = 1; i < items.length; i++) {
      for (let j = i; j > 0 && less(items[j]!, items[j - 1]!); j--) {
        const t = items[j]!;
        items[j] = items[j - 1]!;
        items[j - 1] = t;
      }
    }
    return items;
  }
  return items.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
