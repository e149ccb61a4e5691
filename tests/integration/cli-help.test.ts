import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../shared/domain/units'
import { runCliOn } from './support/run-cli'
import { tempDbFile } from './support/harness'

const NOW = utcMillis(Date.parse('2025-06-01T00:00:00Z'))
const help = async (...argv: string[]) => (await runCliOn(tempDbFile(), NOW, argv)).out

/**
 * Where each option's words start in a help text, for options short enough
 * to share a column: two spaces, the option, then its words after two or more.
 */
function wordColumns(text: string): Set<number> {
  const columns = new Set<number>()
  for (const line of text.split('\n')) {
    const m = /^ {2}(-\S(?:\S| (?! ))*)( {2,})\S/.exec(line)
    if (m && m[1]!.length <= 28) columns.add(2 + m[1]!.length + m[2]!.length)
  }
  return columns
}

describe('CLI help', () => {
  it("every command's --help sets its options' words in one column, the common options too", async () => {
    const names = (await help('--help'))
      .split('\n')
      .flatMap((l) => /^ {2}([a-z]+) +\S/.exec(l)?.slice(1, 2) ?? [])
    expect(names).toContain('status')
    for (const name of names) {
      const text = await help(name, '--help')
      expect(text).toContain('--db FILE')
      expect({ name, columns: [...wordColumns(text)] }).toEqual({
        name,
        columns: [expect.any(Number)],
      })
    }
  })
})
