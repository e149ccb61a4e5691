import { describe, expect, it } from 'vitest'

import { originSentence } from '../../../shared/domain/origin-sentence'
import { utcMillis } from '../../../shared/domain/units'
import { SERVED_ORIGIN } from '../../../shared/ll2/record-origin'
import { salyutData, snapshotData } from '../../fixtures/docking-data'

const bundled = snapshotData()
const sentenceOf = (id: number) => originSentence(bundled.events.find((e) => e.id === id)!)

describe('originSentence', () => {
  it('names the LL2 version, the capture and who published it', () => {
    // Record 1 (Cygnus NG-10) is in the 2.1.0 dump colbad2/LaunchList committed in January 2021.
    expect(sentenceOf(1)).toBe(
      'LL2 2.1.0 record, captured about January 2021, via colbad2/LaunchList',
    )
    expect(sentenceOf(244)).toBe(
      'LL2 2.2.0 record, transcribed from a summary of a capture, captured about February 2026, via andreprotonmaster/asdasdasd',
    )
    expect(sentenceOf(634)).toBe(
      'LL2 2.3.0 record, as its station listed it docked, captured 2026-07-24, via TiloHeidasch/launchschedule',
    )
  })

  it('says which values LL2 corrected later', () => {
    // Record 100's times moved when LL2 made a relocation its own event.
    expect(sentenceOf(100)).toBe(
      'LL2 2.1.0 record, captured about January 2021, via colbad2/LaunchList; docking and departure as LL2 2.2.0 later corrected them (captured about February 2026)',
    )
  })

  it('says when a synced or imported record was fetched, and when a record is not LL2’s', () => {
    const at = utcMillis(Date.parse('2026-12-01T08:00:00Z'))
    expect(originSentence({ origin: SERVED_ORIGIN, source: 'll2', fetchedAt: at })).toBe(
      'LL2 2.3.0 record, fetched 2026-12-01',
    )
    expect(originSentence({ origin: SERVED_ORIGIN, source: 'import', fetchedAt: at })).toBe(
      'LL2 2.3.0 record, imported 2026-12-01',
    )
    expect(originSentence(salyutData().events[0]!)).toMatch(/^Not a Launch Library 2 record/)
  })
})
