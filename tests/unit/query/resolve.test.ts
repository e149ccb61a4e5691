import { describe, expect, it } from 'vitest'

import { resolveStations } from '../../../shared/query/resolve'
import { makeStation as station } from './make-place'

const stations = [
  station(14, 'Salyut 6'),
  station(15, 'Salyut 7'),
  station(4, 'International Space Station'),
  station(2, 'Mir'),
]
const names = (text: string) => resolveStations(stations, text).map((s) => s.name)

describe('resolveStations', () => {
  it('reads an integer as an id', () => {
    expect(names('4')).toEqual(['International Space Station'])
    expect(names('99')).toEqual([])
  })
  it('prefers an exact name, ignoring case, over substrings', () => {
    expect(names('mir')).toEqual(['Mir'])
    expect(names('salyut 6')).toEqual(['Salyut 6'])
  })
  it('falls back to every name containing the text', () => {
    expect(names('salyut')).toEqual(['Salyut 6', 'Salyut 7'])
    expect(names('space station')).toEqual(['International Space Station'])
    expect(names('  ')).toEqual([])
  })
})
