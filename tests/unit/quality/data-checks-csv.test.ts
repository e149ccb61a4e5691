import { describe, expect, it } from 'vitest'

import { eventId, utcMillis } from '../../../shared/domain/units'
import {
  dataChecksCsv,
  dataChecksCsvMetadata,
  dataChecksTable,
} from '../../../shared/quality/data-checks-csv'
import type { DataFlag } from '../../../shared/quality/data-flag'

const FLAGS: DataFlag[] = [
  {
    kind: 'port-overlap',
    eventIds: [eventId(183), eventId(185)],
    message:
      'Soyuz 26 and Soyuz 27 are both at Salyut 6 (Salyut-6 forward) from 1978-01-11T14:05:54Z.',
  },
  {
    kind: 'unknown-departure',
    eventIds: [eventId(631)],
    message: '=HTV-X1 has no departure.',
  },
]
// What the reference says of each set of records: of 183 and 185 one sentence, of 631 nothing.
const words = (ids: ReadonlyArray<number>) =>
  ids.includes(183) ? ['The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.'] : []

describe('the data checks as a table', () => {
  it('has a reference column only when the reference was read', () => {
    expect(dataChecksTable(FLAGS, null)).toEqual({
      columns: ['kind', 'event_ids', 'message'],
      rows: [
        ['port-overlap', '183;185', FLAGS[0]!.message],
        ['unknown-departure', '631', FLAGS[1]!.message],
      ],
    })
    expect(dataChecksTable(FLAGS, words).rows.map((r) => r[3])).toEqual([
      'The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward.',
      '',
    ])
  })

  it('writes RFC 4180 CSV with CRLF, cells with ; quoted, a formula-like cell neutralised', () => {
    const lines = dataChecksCsv(FLAGS, words).split('\r\n')
    expect(lines[0]).toBe('kind,event_ids,message,reference')
    expect(lines[1]).toBe(
      'port-overlap,"183;185",Soyuz 26 and Soyuz 27 are both at Salyut 6 (Salyut-6 forward) from 1978-01-11T14:05:54Z.,"The reference puts Soyuz 26 at Salyut-6 aft; LL2 at Salyut-6 forward."',
    )
    expect(lines[2]).toBe(`unknown-departure,631,"'=HTV-X1 has no departure.",`)
    expect(lines.at(-1)).toBe('')
  })

  it('describes each column in its sidecar and counts every kind, 0 for a clean one', () => {
    const sidecar = JSON.parse(
      dataChecksCsvMetadata(
        FLAGS,
        {
          sets: [
            {
              id: 'salyut-6-7-docking-events',
              title: 'Salyut 6, Salyut 7',
              source: 'NASA RP-1357',
              count: 64,
            },
          ],
          credit: 'Launch Library 2 by The Space Devs',
          dataAsOf: null,
          appVersion: '1.2.3',
          exportedAt: utcMillis(Date.parse('2026-12-03T09:00:00Z')),
        },
        'checks.csv',
      ),
    ) as {
      url: string
      'dc:source': string
      tableSchema: { columns: Array<{ name: string }> }
      dockingTimeline: { counts: Record<string, number>; exportedAt: string }
    }
    expect(sidecar.url).toBe('checks.csv')
    expect(sidecar.tableSchema.columns.map((c) => c.name)).toEqual([
      'kind',
      'event_ids',
      'message',
      'reference',
    ])
    expect(sidecar['dc:source']).toBe(
      'Launch Library 2 by The Space Devs ; Salyut 6, Salyut 7: NASA RP-1357',
    )
    expect(sidecar.dockingTimeline.counts['port-overlap']).toBe(1)
    expect(sidecar.dockingTimeline.counts.duplicate).toBe(0)
    expect(sidecar.dockingTimeline.exportedAt).toBe('2026-12-03T09:00:00Z')
  })
})
