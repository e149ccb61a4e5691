import { describe, expect, it } from 'vitest'

import { matchesSearch, searchEvents, searchTerms } from '../../../shared/query/search'
import { eventsOf } from './ll2-record'

const events = eventsOf([
  {
    id: 1,
    docking: '2020-01-01T00:00:00Z',
    chaser: [11, 'Soyuz MS-15', 'Soyuz MS'],
    port: [46, 'Poisk zenith'],
  },
  {
    id: 2,
    docking: '2020-02-01T00:00:00Z',
    chaser: [12, 'Progress MS-13', 'Progress MS'],
    port: [47, 'Zvezda aft'],
  },
  {
    id: 3,
    docking: '2020-03-01T00:00:00Z',
    chaser: null,
    chaserPayload: 'Nauka module',
    port: [49, 'Nauka nadir'],
  },
  {
    id: 4,
    docking: '2020-04-01T00:00:00Z',
    chaser: [14, 'Crew Dragon Endeavour', 'Crew Dragon'],
    targetSpacecraft: 'Zarya FGB',
  },
  {
    id: 5,
    docking: '1987-04-09T00:00:00Z',
    chaser: null,
    chaserStation: 'Kvant-1',
    station: [2, 'Mir'],
    port: [22, 'Mir aft'],
  },
  {
    id: 6,
    docking: '2021-01-01T00:00:00Z',
    chaser: [16, 'Cygnus NG-15', 'Cygnus'],
    targetPayload: 'ERA arm',
  },
])
const ids = (search: string) => searchEvents(events, search).map((e) => e.id)

describe('searchTerms', () => {
  it('splits on spaces and commas like DRF and drops empty terms', () => {
    expect(searchTerms('  Soyuz,MS  15 ,, ')).toEqual(['soyuz', 'ms', '15'])
    expect(searchTerms('')).toEqual([])
    expect(searchTerms(' , ')).toEqual([])
  })
})

describe('searchEvents', () => {
  it('matches each term case-insensitively as a substring of any of the seven fields', () => {
    expect(ids('soyuz')).toEqual([1])
    expect(ids('MS')).toEqual([1, 2])
    expect(ids('ng-15')).toEqual([6])
    expect(ids('zvezda')).toEqual([2])
    expect(ids('nauka')).toEqual([3])
    expect(ids('zarya')).toEqual([4])
    expect(ids('kvant')).toEqual([5])
    expect(ids('era arm')).toEqual([6])
    expect(ids('mir')).toEqual([5])
  })

  it('requires every term, each in any field', () => {
    expect(ids('soyuz poisk')).toEqual([1])
    expect(ids('soyuz,zvezda')).toEqual([])
    expect(ids('international, progress')).toEqual([2])
  })

  it('returns everything for a blank search and nothing for an unknown term', () => {
    expect(ids('   ')).toEqual([1, 2, 3, 4, 5, 6])
    expect(ids('shenzhou')).toEqual([])
  })

  it('does not search fields LL2 does not search (configuration, agency)', () => {
    const [soyuz] = events
    expect(matchesSearch(soyuz!, searchTerms('Soyuz MS-15'))).toBe(true)
    expect(ids('"Soyuz MS"')).toEqual([])
  })
})
