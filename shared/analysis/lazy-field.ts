/**
 * A record with one field made on first read and then kept: for the lists
 * of small objects (occupancy steps, peak intervals, aged steps) that a
 * measure's own readers take from typed columns, while a view, export or
 * test that reads the field still sees a plain list.
 */

/**
 * `head` with `key` added as an enumerable field whose value is `make()`,
 * worked out on first read (JSON, `toEqual` and spreads read it as any field).
 */
export function withLazyField<T extends object, K extends string, V>(
  head: T,
  key: K,
  make: () => V,
): T & { readonly [P in K]: V } {
  let value: V | undefined
  let made = false
  return Object.defineProperty({ ...head }, key, {
    enumerable: true,
    get: () => {
      if (!made) {
        value = make()
        made = true
      }
      return value
    },
  }) as T & { readonly [P in K]: V }
}
