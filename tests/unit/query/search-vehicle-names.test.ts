import { describe, expect, it } from 'vitest'

import { matchesSearch, searchTerms } from '../../../shared/query/search'
import { matchesSearchWithVehicleNames } from '../../../shared/query/search-vehicle-names'
import { makeEvent } from './make-event'

const htv = makeEvent({
  id: 7,
  vehicle: 'HTV-3 (Kounotori 3)',
  configuration: 'H-II Transfer Vehicle',
  agency: 'Japan Aerospace Exploration Agency',
  docking: '2012-07-27T14:34:00Z',
  departure: '2012-09-12T15:00:00Z',
})

describe('matchesSearchWithVehicleNames', () => {
  it('finds configuration and agency names that LL2 search does not', () => {
    const terms = searchTerms('transfer japan')
    expect(matchesSearch(htv, terms)).toBe(false)
    expect(matchesSearchWithVehicleNames(htv, terms)).toBe(true)
  })

  it('still needs every term to match somewhere', () => {
    expect(matchesSearchWithVehicleNames(htv, searchTerms('kounotori nasa'))).toBe(false)
    expect(matchesSearchWithVehicleNames(htv, searchTerms('kounotori, salyut'))).toBe(true)
  })

  it('finds everything LL2 search finds', () => {
    for (const q of ['htv', 'salyut-6 forward', 'KOUNOTORI 3', 'zzz']) {
      const terms = searchTerms(q)
      if (matchesSearch(htv, terms)) expect(matchesSearchWithVehicleNames(htv, terms)).toBe(true)
    }
    expect(matchesSearchWithVehicleNames(htv, [])).toBe(true)
  })
})
