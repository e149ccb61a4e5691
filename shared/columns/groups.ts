import { scratchInt32 } from './scratch'

/** Item numbers, 16 bits wide where every item number fits. */
export type IndexColumn = Uint16Array | Int32Array

/**
 * Items split into groups, with no list per group: group g (key `keys[g]`,
 * in first-seen order) holds items `order[starts[g]]` … `order[starts[g + 1] − 1]`,
 * in their given order.
 */
export interface IndexGroups<K> {
  readonly keys: ReadonlyArray<K>
  readonly order: IndexColumn
  readonly starts: Int32Array
}

/**
 * Items 0 … n − 1 grouped by `keyOf(i)`, an item whose key is null left out.
 * A counting sort: each item's group number first, then the items placed
 * group by group, which keeps each group's items in their given order with
 * no list per group. `name` names the working column (see scratch.ts), one
 * per caller.
 */
export function groupIndices<K>(
  n: number,
  keyOf: (i: number) => K | null,
  name: string,
): IndexGroups<K> {
  // Read only while the items are placed: reused.
  const groupOf = scratchInt32(`${name}: group of item`, n)
  const numbers = new Map<K, number>()
  const keys: K[] = []
  const sizes: number[] = []
  let placed = 0
  for (let i = 0; i < n; i++) {
    const key = keyOf(i)
    if (key === null) {
      groupOf[i] = -1
      continue
    }
    let g = numbers.get(key)
    if (g === undefined) {
      numbers.set(key, (g = keys.length))
      keys.push(key)
      sizes.push(0)
    }
    groupOf[i] = g
    sizes[g]!++
    placed++
  }
  const starts = new Int32Array(keys.length + 1)
  for (let g = 0; g < keys.length; g++) starts[g + 1] = starts[g]! + sizes[g]!
  const order = n <= 0x10000 ? new Uint16Array(placed) : new Int32Array(placed)
  const next = starts.slice(0, keys.length)
  for (let i = 0; i < n; i++) if (groupOf[i]! >= 0) order[next[groupOf[i]!]!++] = i
  return { keys, order, starts }
}
