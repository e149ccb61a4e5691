/**
 * A count with its noun, the one rule every sentence of the app, its exports
 * and its CLI follows, so none says "1 dockings".
 */

/** "1 docking", "2 dockings": every noun the app counts takes an "s". */
export const countNoun = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
