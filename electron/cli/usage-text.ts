/**
 * A command's help as printed: its option descriptions in one column.
 *
 * Each command writes its own options, and all of them end with the common
 * ones (`COMMON_USAGE`); written apart, their columns did not meet, and
 * `cli status --help` printed `--json` and `--db FILE` with their
 * descriptions two characters apart.
 */

/** An option row: two spaces, the option (single spaces inside), two or more spaces, its words. */
const OPTION_ROW = /^ {2}(\S(?:\S| (?! ))*)\s{2,}(\S.*)$/
/** A row carrying on the description above it. */
const CONTINUATION = /^ {4,}(\S.*)$/
/** Options longer than this keep two spaces before their words rather than widen the column. */
const MAX_OPTION_WIDTH = 28

export function alignUsage(usage: string): string {
  const lines = usage.split('\n')
  const widths = lines.flatMap((l) => {
    const m = OPTION_ROW.exec(l)
    return m && m[1]!.length <= MAX_OPTION_WIDTH ? [m[1]!.length] : []
  })
  if (widths.length === 0) return usage
  const column = 2 + Math.max(...widths) + 2
  let inOption = false
  return lines
    .map((l) => {
      const option = OPTION_ROW.exec(l)
      if (option) {
        inOption = true
        return `  ${option[1]!.padEnd(column - 4)}  ${option[2]}`
      }
      const more = CONTINUATION.exec(l)
      if (more && inOption) return `${' '.repeat(column)}${more[1]}`
      inOption = /^ {2}-/.test(l)
      return l
    })
    .join('\n')
}
