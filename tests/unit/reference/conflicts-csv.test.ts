import { describe, expect, it } from 'vitest'

import { conflictsCsv } from '../../../shared/reference/conflict-row'
import type { SourceConflict } from '../../../shared/reference/source-conflict'
import { eventId, utcMillis } from '../../../shared/domain/units'

const port: SourceConflict = {
  kind: 'port',
  vehicle: 'Soyuz 26',
  station: 'Salyut 6',
  ll2Id: eventId(183),
  referenceId: 26 as SourceConflict['referenceId'],
  referenceSet: 'salyut',
  ll2: { kind: 'port', name: 'Salyut-6 forward', inferred: false },
  reference: { kind: 'port', name: 'Salyut-6 aft', inferred: false },
  sources: ['https://en.wikisource.org/wiki/Page:RP1357.pdf/92', 'https://example.org/a,b'],
  at: utcMillis(Date.parse('1977-12-11T03:02:41Z')),
}

describe('conflictsCsv', () => {
  it('writes a header and one row per conflict, CRLF, with the sources in one cell', () => {
    expect(conflictsCsv([port])).toBe(
      'kind,vehicle,station,ll2Id,referenceId,ll2,reference,sources\r\n' +
        'port,Soyuz 26,Salyut 6,183,26,Salyut-6 forward,Salyut-6 aft,' +
        '"https://en.wikisource.org/wiki/Page:RP1357.pdf/92 https://example.org/a,b"\r\n',
    )
  })

  it('leaves a side with no record empty, and guards a name a spreadsheet would run', () => {
    const missing: SourceConflict = {
      ...port,
      kind: 'missing-in-ll2',
      vehicle: '=HYPERLINK("x")',
      ll2Id: null,
      ll2: null,
      sources: [],
    }
    const [, row] = conflictsCsv([missing]).split('\r\n')
    expect(row).toBe(`missing-in-ll2,"'=HYPERLINK(""x"")",Salyut 6,,26,,Salyut-6 aft,`)
  })
})
