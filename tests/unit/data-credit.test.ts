import { describe, expect, it } from 'vitest'

import { dataCredit, openingClause } from '../../shared/domain/data-credit'

describe('dataCredit', () => {
  it('credits LL2 by name and the production server it came from', () => {
    expect(
      dataCredit({
        sources: { ll2: 3 },
        snapshotNote: null,
        ll2Server: 'https://ll.thespacedevs.com/2.3.0',
      }),
    ).toBe('Launch Library 2 by The Space Devs, from ll.thespacedevs.com')
  })

  it('names a mirror after a sync from one, not production', () => {
    const credit = dataCredit({
      sources: { ll2: 3 },
      snapshotNote: null,
      ll2Server: 'http://127.0.0.1:8123',
    })
    expect(credit).toBe('Launch Library 2 by The Space Devs, from 127.0.0.1:8123 (mirror)')
    expect(credit).not.toContain('ll.thespacedevs.com')
  })

  it("gives a snapshot's credit clause without its technical remarks", () => {
    const note =
      "Compiled from public records, chiefly NASA RP-1357 'Mir Hardware Heritage' (D. S. F. Portree, 1995); every record lists x_provenance.sources. Ids are local."
    expect(openingClause(note)).toBe(
      "Compiled from public records, chiefly NASA RP-1357 'Mir Hardware Heritage' (D. S. F. Portree, 1995)",
    )
    expect(openingClause('Launch Library 2 records. Ids 9006 are local.')).toBe(
      'Launch Library 2 records',
    )
    expect(
      dataCredit({ sources: { snapshot: 2, import: 1 }, snapshotNote: note, ll2Server: null }),
    ).toBe(`bundled snapshot: ${openingClause(note)}; imported files`)
  })
})
