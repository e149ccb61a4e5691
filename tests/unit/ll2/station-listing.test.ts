import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../../shared/domain/units'
import { listedWithinOf } from '../../../shared/ll2/record-origin'
import { snapshotData } from '../../fixtures/docking-data'

const FETCHED = utcMillis(Date.parse('2026-11-30T08:15:00Z'))
const day = (iso: string) => ({
  from: Date.parse(`${iso}T00:00:00Z`),
  to: Date.parse(`${iso}T00:00:00Z`) + 86_400_000,
})

describe("when a station record's list of dockings was taken", () => {
  it('is the fetch instant for a record a server answered us', () => {
    expect(listedWithinOf({}, FETCHED)).toEqual({ from: FETCHED, to: FETCHED })
  })

  it("is the capture's UTC day for a record someone else captured on a known day", () => {
    const tilo = 'TiloHeidasch/launchschedule@b9609db19706437f3c8429a24177442295beb4a8:x.json'
    expect(listedWithinOf({ x_source: tilo }, FETCHED)).toEqual(day('2026-07-24'))
    expect(
      listedWithinOf({ x_snapshot: 'github-actions commit 2025-03-02 (hourly)' }, null),
    ).toEqual(day('2025-03-02'))
  })

  it('is not known for a capture dated only roughly or not at all, whatever the load time', () => {
    expect(listedWithinOf({ x_source: 'colbad2/LaunchList@0d5f9b1:Data/x.json' }, FETCHED)).toBe(
      null,
    )
    expect(listedWithinOf({ x_source: 'someone/else@abc:stations.json' }, FETCHED)).toBe(null)
    // A snapshot file's load time is not when its records were taken.
    expect(listedWithinOf({}, null)).toBe(null)
  })

  it("dates the bundled snapshot's active stations by their capture, not by when it was loaded", () => {
    const data = snapshotData()
    const active = data.stations.filter((s) => s.status === 'Active')
    expect(active.map((s) => s.name).sort()).toEqual([
      'International Space Station',
      'Tiangong space station',
    ])
    for (const s of active) expect(s.listedWithin).toEqual(day('2026-07-24'))
  })
})
