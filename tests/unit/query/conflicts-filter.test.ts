import { describe, expect, it } from 'vitest'

import { utcMillis } from '../../../shared/domain/units'
import { describeQuery, filterChips, removeChip } from '../../../shared/query/describe'
import { evaluate, matchingEvents } from '../../../shared/query/evaluate'
import {
  clearAllFilters,
  DEFAULT_QUERY,
  isEmptyFilter,
  normalizeQuery,
  validateQuery,
} from '../../../shared/query/query'
import { toLl2Query } from '../../../shared/query/to-ll2-params'
import { makeEvent } from './make-event'
import { NO_END_FACTS } from '../../../shared/occupancy/end-facts'

const NOW = utcMillis(Date.parse('2026-01-01T00:00:00Z'))
const events = [183, 184, 185].map((id) =>
  makeEvent({ id, docking: `1978-01-0${id - 182}T00:00:00Z`, vehicle: `Soyuz ${id}` }),
)
const conflicting = { ...DEFAULT_QUERY, conflictsWithReference: true }
const names = { stationName: () => undefined, portName: () => undefined }

describe('the "conflicts with reference" filter', () => {
  it('keeps only the events a reference record disagrees with', () => {
    const ids = matchingEvents(events, conflicting, NOW, {
      endFacts: NO_END_FACTS,
      conflictEventIds: new Set([184]),
    })
    expect(ids.map((e) => e.id)).toEqual([184])
  })

  it('passes nothing when no comparison was given, rather than everything', () => {
    expect(matchingEvents(events, conflicting, NOW, { endFacts: NO_END_FACTS })).toEqual([])
  })

  it('leaves every event when off, and counts options under it', () => {
    expect(matchingEvents(events, DEFAULT_QUERY, NOW, { endFacts: NO_END_FACTS })).toHaveLength(3)
    const { counts } = evaluate(events, conflicting, NOW, {
      endFacts: NO_END_FACTS,
      conflictEventIds: new Set([183]),
    })
    expect(counts.stations.get(events[0]!.stationId!)).toBe(1)
  })

  it('is a filter: described, removable as a chip and cleared with the rest', () => {
    expect(isEmptyFilter(conflicting)).toBe(false)
    expect(describeQuery(conflicting, names)).toBe(
      'only events conflicting with the reference records',
    )
    const [chip] = filterChips(conflicting, names)
    expect(chip).toEqual({
      key: 'conflictsWithReference',
      kind: 'Conflicts',
      value: 'with the reference records',
    })
    expect(removeChip(conflicting, chip!.key)).toEqual(DEFAULT_QUERY)
    expect(clearAllFilters(conflicting).conflictsWithReference).toBe(false)
  })

  it('is applied locally: LL2 gets no parameter for it', () => {
    const ll2 = toLl2Query(conflicting)
    expect(ll2.requests).toEqual([{ ordering: 'docking' }])
    expect(ll2.local.map((l) => l.field)).toEqual(['conflictsWithReference'])
  })

  it('reads queries stored before it as off, and refuses a wrong type typed in', () => {
    const { conflictsWithReference: _, ...older } = DEFAULT_QUERY
    expect(normalizeQuery(older).conflictsWithReference).toBe(false)
    expect(validateQuery({ conflictsWithReference: 'yes' })).toMatchObject({ ok: false })
    expect(validateQuery({ conflictsWithReference: true })).toMatchObject({
      ok: true,
      value: conflicting,
    })
  })
})
