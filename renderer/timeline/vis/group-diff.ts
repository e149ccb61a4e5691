/**
 * What changed between what a DataSet holds (`keys`, updated in place) and
 * `next`: only changed entries are handed to vis, so a regroup does not
 * rebuild every row and its label (vis-timeline #183 leaked on full resets).
 */
export function diffKeys<T extends { readonly id: string | number }>(
  keys: Map<string | number, string>,
  next: ReadonlyArray<T>,
  keyOf: (x: T) => string,
): { changed: T[]; gone: Array<string | number> } {
  const seen = new Set<string | number>()
  const changed: T[] = []
  for (const x of next) {
    seen.add(x.id)
    const k = keyOf(x)
    const was = keys.get(x.id)
    if (was !== k) {
      keys.set(x.id, k)
      changed.push(x)
    }
  }
  const gone = [...keys.keys()].filter((id) => !seen.has(id))
  for (const id of gone) keys.delete(id)
  return { changed, gone }
}
