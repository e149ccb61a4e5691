/**
 * A bound on the shape of untrusted structured values, checked before anything recursive sees them.
 *
 * zod, `JSON.stringify` and most walkers recurse, so a value nested a few
 * thousand levels deep throws `RangeError` from inside them. This walk is
 * iterative and stops at the first problem, so callers can turn it into their
 * own error code instead.
 */

/** What a value may look like. */
export interface JsonShapeLimits {
  /** Most objects and arrays nested inside one another (`[[1]]` is 2). */
  readonly maxDepth: number
  /** Reject own keys `__proto__`, `constructor` and `prototype` anywhere. */
  readonly forbidPrototypeKeys: boolean
  /**
   * Walk an object met twice only once instead of refusing it. For data built
   * in memory; JSON.parse never shares, while structured clone may hide a cycle.
   */
  readonly allowSharedReferences: boolean
}

/** Keys that reach an object's prototype when a value is merged or spread. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

/**
 * The first problem with a value's shape, in words, or null when it is within the limits.
 *
 * Only arrays and plain objects pass: structured clone also carries Date,
 * Map, Set and typed arrays, which a schema for plain data may mistake for an
 * empty object. An object met twice (a cycle or a shared reference, which structured clone
 * allows and JSON cannot express) is a problem too unless allowed.
 */
export function jsonShapeProblem(value: unknown, limits: JsonShapeLimits): string | null {
  const seen = new Set<object>()
  const stack: Array<{ readonly value: unknown; readonly depth: number; readonly path: string }> = [
    { value, depth: 0, path: '(root)' },
  ]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value
    if (v === null || typeof v !== 'object') continue
    if (item.depth >= limits.maxDepth)
      return `${item.path}: nested deeper than ${limits.maxDepth} levels`
    if (!Array.isArray(v) && !isPlainObject(v))
      return `${item.path}: a ${v.constructor?.name ?? 'special'} object, not plain data`
    if (seen.has(v)) {
      if (limits.allowSharedReferences) continue
      return `${item.path}: refers to an object twice`
    }
    seen.add(v)
    for (const key of Object.keys(v)) {
      if (limits.forbidPrototypeKeys && PROTOTYPE_KEYS.has(key))
        return `${item.path}: the key "${key}" is not allowed`
      stack.push({
        value: (v as Record<string, unknown>)[key],
        depth: item.depth + 1,
        path: Array.isArray(v) ? `${item.path}[${key}]` : `${item.path}.${key}`,
      })
    }
  }
  return null
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}
