import { describe, expect, it } from 'vitest'

import { ingestRecords } from '../../../shared/ll2/ingest'
import { matchesSearch, searchTerms } from '../../../shared/query/search'
import { matchesSearchText } from '../../../shared/query/search-text'
import { matchesSearchWithVehicleNames } from '../../../shared/query/search-vehicle-names'
import { utcMillis } from '../../../shared/domain/units'
import { generateDataset } from '../../fixtures/generate-dataset'
import { makeEvent } from './make-event'

const events = ingestRecords(
  generateDataset({ events: 800, seed: 11, withRecord183: true }).events,
  { source: 'll2', fetchedAt: utcMillis(0) },
  'generated',
).events.map((s) => s.event)

const SEARCHES = [
  'soyuz',
  'PROGRESS ms',
  'dragon,endeavour',
  'harmony forward',
  'spacex',
  'japan htv',
  'core module',
  'kvant-2',
  'mir aft',
  'agency',
  'a',
  's t',
  'zzz',
]

describe('matchesSearchText', () => {
  it('answers exactly as LL2 search and the vehicle-name search do', () => {
    let found = 0
    for (const q of SEARCHES) {
      const terms = searchTerms(q)
      for (const e of events) {
        expect(matchesSearchText(e, terms, false), `${q} / ${e.id}`).toBe(matchesSearch(e, terms))
        const wide = matchesSearchWithVehicleNames(e, terms)
        expect(matchesSearchText(e, terms, true), `${q} / ${e.id}`).toBe(wide)
        if (wide) found++
      }
    }
    expect(found).toBeGreaterThan(events.length)
  })

  it('never matches a term across two fields', () => {
    const e = makeEvent({
      id: 1,
      vehicle: 'Soyuz',
      port: [4, 'Forward'],
      docking: '1980-01-01T00:00:00Z',
      names: { targetStation: null },
    })
    // "soyuzforward" and "z forw" would only occur if fields ran together.
    expect(matchesSearchText(e, searchTerms('forward soyuz'), false)).toBe(true)
    expect(matchesSearchText(e, ['soyuzforward'], false)).toBe(false)
    expect(matchesSearchText(e, ['forwardsoyuz'], true)).toBe(false)
  })
})
