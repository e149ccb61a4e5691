import { describe, expect, it } from 'vitest'

import { conflictsCsv, conflictsCsvMetadata } from '../../../shared/reference/conflict-row'
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

describe('the sources column', () => {
  it("holds the reference's sources only: for a record it lacks, those of its other stays there", () => {
    const lacking: SourceConflict = {
      ...port,
      kind: 'missing-in-reference',
      vehicle: 'Soyuz T-15',
      station: 'Salyut 7',
      referenceId: null,
      reference: null,
      // The conflict's own sources: the LL2 record's address.
      sources: ['https://ll.thespacedevs.com/2.3.0/docking_events/223/'],
      elsewhere: [
        {
          vehicle: 'Soyuz T-15',
          stay: {
            kind: 'time',
            at: utcMillis(Date.parse('1986-05-06T16:57:00Z')),
            precision: 'minute',
          },
          sources: ['http://piglix.com/piglix/Mir_EO-1', 'http://piglix.com/piglix/Mir_EO-1'],
        },
      ],
    }
    const [, row] = conflictsCsv([lacking]).split('\r\n')
    expect(row!.endsWith(',http://piglix.com/piglix/Mir_EO-1')).toBe(true)
    expect(row).not.toContain('thespacedevs')
    const none = conflictsCsv([{ ...lacking, elsewhere: [] }]).split('\r\n')[1]
    expect(none!.endsWith(',')).toBe(true)
  })
})

describe('conflictsCsvMetadata', () => {
  const sets = [
    {
      id: 'salyut-6-7-docking-events',
      title: 'Salyut 6, Salyut 7',
      source: 'NASA RP-1357, Mir Hardware Heritage',
      count: 64,
    },
  ]
  const meta = {
    kind: 'port' as const,
    sets,
    credit: 'Launch Library 2 by The Space Devs (bundled snapshot)',
    dataAsOf: utcMillis(Date.parse('2026-11-01T00:00:00Z')),
    appVersion: '1.2.3',
    exportedAt: utcMillis(Date.parse('2026-12-02T10:00:00Z')),
  }
  const doc = JSON.parse(conflictsCsvMetadata([port], meta, 'c.csv')) as {
    url: string
    'dc:title': string
    'dc:source': string
    'dc:created': string
    tableSchema: { columns: Array<{ name: string; datatype: string; 'dc:description': string }> }
    dockingTimeline: Record<string, unknown>
  }

  it('describes every column of the CSV, in its order, each in words', () => {
    const header = conflictsCsv([port]).split('\r\n')[0]!.split(',')
    expect(doc.tableSchema.columns.map((c) => c.name)).toEqual(header)
    for (const c of doc.tableSchema.columns) expect(c['dc:description'].length).toBeGreaterThan(10)
    expect(doc.tableSchema.columns.find((c) => c.name === 'll2Id')?.datatype).toBe('integer')
  })

  it('credits both sides and records the kind shown, the count, the data time and the app', () => {
    expect(doc.url).toBe('c.csv')
    expect(doc['dc:title']).toBe('Docking Timeline source conflicts: 1 (kind port)')
    expect(doc['dc:source']).toBe(
      'Launch Library 2 by The Space Devs (bundled snapshot) ; Salyut 6, Salyut 7: NASA RP-1357, Mir Hardware Heritage',
    )
    expect(doc['dc:created']).toBe('2026-12-02T10:00:00Z')
    expect(doc.dockingTimeline).toMatchObject({
      format: 'docking-timeline-conflicts',
      dataAsOf: '2026-11-01T00:00:00Z',
      kind: 'port',
      count: 1,
      app: { version: '1.2.3' },
      reference: [{ file: 'salyut-6-7-docking-events.json', records: 64 }],
    })
  })
})
