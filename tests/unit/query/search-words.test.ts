import { describe, expect, it } from 'vitest'

import type { DockingEvent, Provenance } from '../../../shared/domain/model'
import { matchingEvents } from '../../../shared/query/evaluate'
import { highlightSegments, highlightTerms } from '../../../shared/query/highlight'
import { DEFAULT_QUERY, type Query } from '../../../shared/query/query'
import { termsOnlyInText } from '../../../shared/query/search-index'
import { parseWordsSearch } from '../../../shared/query/search-words'
import { utcMillis } from '../../../shared/domain/units'
import { makeEvent } from './make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2025-01-01T00:00:00Z'))
const SALYUT_7 = [15, 'Salyut 7'] as const

const provenance = (notes: string, sources: string[] = []): Provenance => ({
  dockingPrecision: null,
  departurePrecision: null,
  eventType: null,
  portBasis: null,
  spacecraftType: null,
  sources,
  notes,
})
const withNotes = (e: DockingEvent, p: Provenance): DockingEvent => ({ ...e, provenance: p })

const events: DockingEvent[] = [
  withNotes(
    makeEvent({
      id: 1,
      vehicle: 'Soyuz 26',
      configuration: 'Soyuz',
      port: [1, 'Salyut-6 aft'],
      docking: '1977-12-11T03:02:41Z',
      departure: '1978-01-16T08:08:00Z',
    }),
    provenance('RP-1357 p.92: the crew docked at the aft port', [
      'https://en.wikisource.org/wiki/Page:RP1357.pdf/92',
    ]),
  ),
  makeEvent({ id: 2, vehicle: 'Progress 1', port: [1, 'Salyut-6 aft'], docking: '1978-01-22' }),
  makeEvent({ id: 3, vehicle: 'Progress 12', port: [1, 'Salyut-6 aft'], docking: '1981-01-26' }),
  makeEvent({
    id: 4,
    vehicle: 'Soyuz T-5',
    station: SALYUT_7,
    port: [2, 'Salyut-7 forward'],
    docking: '1982-05-14T14:36:00Z',
    departure: '1982-08-27T00:00:00Z',
  }),
  makeEvent({
    id: 5,
    vehicle: 'Soyuz-T 6',
    station: SALYUT_7,
    port: [3, 'Salyut-7 aft'],
    docking: '1982-06-25T17:46:00Z',
    departure: '1982-07-02T00:00:00Z',
  }),
  withNotes(
    makeEvent({
      id: 6,
      vehicle: 'Progress 13',
      station: SALYUT_7,
      port: [3, 'Salyut-7 aft'],
      docking: '1982-05-25',
    }),
    // Notes name other vehicles: a name search must not find this event through them.
    provenance('Unloaded by the Soyuz T-5 crew; Progress 1 pattern'),
  ),
  makeEvent({
    id: 7,
    vehicle: 'Cosmos 1669',
    station: SALYUT_7,
    port: [2, 'Salyut-7 forward'],
    docking: '1985-07-21',
  }),
]
// Events dock at Salyut 6 (makeEvent's default station) unless they name Salyut 7.
const all = events

const ids = (search: string, more: Partial<Query> = {}) =>
  matchingEvents(all, { ...DEFAULT_QUERY, search, ...more }, NOW, { endFacts: NO_END_FACTS }).map(
    (e) => e.id,
  )

describe('words search (the default)', () => {
  it('matches word starts, not letters inside words', () => {
    // "t" is inside "Salyut" and "aft" everywhere; only Soyuz T vehicles have a word starting with it.
    expect(ids('soyuz t')).toEqual([4, 5])
    // LL2's substring mode keeps its own answer.
    expect(ids('soyuz t', { searchMode: 'll2', searchVehicleNames: false })).toEqual([1, 4, 5])
  })

  it('keeps hyphenated words together, in order, in one name', () => {
    expect(ids('soyuz-t')).toEqual([4, 5])
    expect(ids('t-5')).toEqual([4])
  })

  it('matches names across fields, every term somewhere', () => {
    expect(ids('salyut 7 forward')).toEqual([4, 7])
    expect(ids('salyut 6 progress')).toEqual([2, 3])
  })

  it('takes quoted text as an exact phrase of whole words', () => {
    expect(ids('progress 1')).toEqual([2, 3, 6])
    expect(ids('"Progress 1"')).toEqual([2])
    // A phrase still being typed (no closing quote) already counts.
    expect(ids('"progress 1')).toEqual([2])
  })

  it('matches years and dates of docking or departure', () => {
    expect(ids('1982')).toEqual([4, 6, 5])
    expect(ids('1982-06')).toEqual([5])
    expect(ids('1978-01-16')).toEqual([1])
    expect(ids('soyuz 1982')).toEqual([4, 5])
  })

  it('looks in notes and sources only for terms no name or date has', () => {
    expect(ids('wikisource')).toEqual([1])
    expect(ids('rp-1357')).toEqual([1])
    expect(ids('soyuz crew')).toEqual([1])
    // "Soyuz T-5" is in event 6's notes, but "soyuz" and "t" are names: the notes do not count.
    expect(ids('soyuz t-5')).toEqual([4])
    expect(termsOnlyInText(all, parseWordsSearch('soyuz wikisource')).map((t) => t.text)).toEqual([
      'wikisource',
    ])
  })

  it('ignores case, accents and punctuation, and matches all for a blank search', () => {
    expect(ids('SÒYUZ,  T')).toEqual([4, 5])
    expect(ids(' - , ')).toEqual([1, 2, 3, 4, 6, 5, 7])
  })
})

describe('highlighting words-search matches', () => {
  const marked = (text: string, search: string) =>
    highlightSegments(text, highlightTerms({ search, searchMode: 'words' }))
      .filter((s) => s.isMatch)
      .map((s) => s.text)

  it('marks word starts only', () => {
    expect(marked('Soyuz T-5 at Salyut-7 aft', 'soyuz t')).toEqual(['Soyuz', 'T'])
    expect(marked('Progress 12', 'progress 1')).toEqual(['Progress', '1'])
  })

  it('marks substrings in LL2 mode', () => {
    const terms = highlightTerms({ search: 't', searchMode: 'll2' })
    expect(
      highlightSegments('Salyut', terms)
        .filter((s) => s.isMatch)
        .map((s) => s.text),
    ).toEqual(['t'])
  })
})
