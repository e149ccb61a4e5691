/**
 * A count with its noun, the one rule every sentence of the app, its exports
 * and its CLI follows, so none says "1 dockings".
 */

/** "1 docking", "2 dockings"; `many` for a plural that is not `one` + "s" ("1 query", "2 queries"). */
export const countNoun = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`
