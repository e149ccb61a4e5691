/**
 * The analysis measures written plainly from their definitions, slow on
 * purpose (every instant checked against every event), for the equivalence
 * tests: the optimised measures in shared/analysis/ must give the same
 * answers on any data. Nothing here is shared with the code under test
 * except the definitions it rests on (vehicleKey, the visit link gap).
 */
import type { EndRule } from '../../../shared/analysis/effective-end'
import type { PortLife } from '../../../shared/analysis/port-utilisation'
import type { Expedition } from '../../../shared/domain/expedition'
import type { DockingEvent } from '../../../shared/domain/model'
import { DAY_MS, type PortId, type StationId } from '../../../shared/domain/units'
import { VEHICLE_FAMILIES, VEHICLE_ROLES } from '../../../shared/domain/vehicle-family'
import { vehicleKey } from '../../../shared/domain/vehicle-name'
import { VISIT_LINK_GAP_MS } from '../../../shared/visits/visits'

type Ev = DockingEvent

/** The UTC calendar year, as a Date reads it. */
export const refYear = (t: number): number => new Date(t).getUTCFullYear()

const sortedUnique = (xs: ReadonlyArray<number>) => [...new Set(xs)].sort((a, b) => a - b)

/** Length of the part of [a, b) covered by at least one of the spans. */
function coveredIn(spans: ReadonlyArray<{ start: number; end: number }>, a: number, b: number) {
  const cuts = sortedUnique([
    a,
    b,
    ...spans.flatMap((s) => [s.start, s.end]).filter((t) => t > a && t < b),
  ])
  let n = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [p, q] = [cuts[i]!, cuts[i + 1]!]
    if (spans.some((s) => s.start <= p && q <= s.end)) n += q - p
  }
  return n
}

/** What a station record said of its dockings, and when it was taken (null: not known). */
export interface RefStationRecord {
  readonly stationId: number
  readonly listed: ReadonlyArray<number> | null
  readonly within: { readonly from: number; readonly to: number } | null
}

/**
 * The app's end rule at active stations, from its definition: a departure
 * ends a stay; with none, the first later docking at the same port does (a
 * port holds one vehicle); failing that, a station record that lists some
 * dockings but not this one, taken after it docked (by the record's own
 * date, or because it lists a later docking), ends it when the record's time
 * ends, or, that time unknown, leaves it running to `now` as with neither.
 */
export function refEndRule(
  events: ReadonlyArray<Ev>,
  now: number,
  records: ReadonlyArray<RefStationRecord> = [],
): EndRule {
  return (e) => {
    if (e.departure !== null) return e.departure
    const later = events
      .filter((o) => e.portId !== null && o.portId === e.portId && o.docking > e.docking)
      .map((o) => o.docking)
    if (later.length > 0) return Math.min(...later) as ReturnType<EndRule>
    const record = records.find((r) => r.stationId === e.stationId)
    const listed = record?.listed ?? []
    const takenAfter = Math.max(
      record?.within?.from ?? -Infinity,
      ...events.filter((o) => listed.includes(o.id)).map((o) => o.docking),
    )
    const unlisted = listed.length > 0 && !listed.includes(e.id) && e.docking < takenAfter
    return (
      unlisted && record?.within ? record.within.to : Math.max(now, e.docking)
    ) as ReturnType<EndRule>
  }
}

/** Occupancy steps: at each instant an event starts or ends, the count per stack key. */
export function refOccupancy(
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
  stackBy: 'role' | 'family',
  stationId?: StationId,
) {
  const keys = stackBy === 'role' ? VEHICLE_ROLES : VEHICLE_FAMILIES
  const counted = events.filter(
    (e) =>
      e.stationId !== null &&
      (stationId === undefined || e.stationId === stationId) &&
      endOf(e) > e.docking,
  )
  const keyOf = (e: Ev) => {
    const k = (keys as ReadonlyArray<string>).indexOf(stackBy === 'role' ? e.role : e.family)
    return k < 0 ? keys.length - 1 : k
  }
  const steps: { at: number; total: number; counts: number[] }[] = []
  for (const t of sortedUnique(counted.flatMap((e) => [e.docking, endOf(e)]))) {
    const counts = keys.map(() => 0)
    for (const e of counted) if (e.docking <= t && t < endOf(e)) counts[keyOf(e)]!++
    const prev = steps[steps.length - 1]
    if (prev && prev.counts.every((c, i) => c === counts[i])) continue
    steps.push({ at: t, total: counts.reduce((a, b) => a + b, 0), counts })
  }
  return {
    stationId: stationId ?? null,
    stationName:
      stationId === undefined
        ? null
        : (counted.find((e) => e.stationName !== null)?.stationName ?? null),
    stackBy,
    keys,
    steps,
  }
}

/** One series per station with dockings, by station name then id. */
export function refOccupancyByStation(
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
  stackBy: 'role' | 'family',
) {
  const ids = [...new Set(events.flatMap((e) => (e.stationId === null ? [] : [e.stationId])))]
  return ids
    .map((id) => refOccupancy(events, endOf, stackBy, id))
    .filter((s) => s.steps.length > 0)
    .sort(
      (a, b) =>
        (a.stationName ?? '').localeCompare(b.stationName ?? '') || a.stationId! - b.stationId!,
    )
}

/** The highest total and each maximal run of steps at it. */
export function refPeak(steps: ReadonlyArray<{ at: number; total: number }>) {
  const count = Math.max(0, ...steps.map((s) => s.total))
  if (count === 0) return { count, intervals: [] }
  const intervals = []
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]!.total !== count || (i > 0 && steps[i - 1]!.total === count)) continue
    const end = steps.slice(i).find((s) => s.total !== count)!.at
    intervals.push({ start: steps[i]!.at, end, lengthMs: end - steps[i]!.at })
  }
  return { count, intervals }
}

function portGroups(events: ReadonlyArray<Ev>, endOf: EndRule) {
  const ports = new Map<PortId, { events: Ev[]; spans: { start: number; end: number }[] }>()
  for (const e of events) {
    if (e.stationId === null || e.portId === null) continue
    const g = ports.get(e.portId) ?? { events: [], spans: [] }
    g.events.push(e)
    g.spans.push({ start: e.docking, end: endOf(e) })
    ports.set(e.portId, g)
  }
  return [...ports.entries()].map(([portId, g]) => {
    const e = g.events[0]!
    const ref = {
      stationId: e.stationId!,
      stationName: e.stationName,
      portId,
      portName: e.portName,
    }
    return { ref, spans: g.spans }
  })
}

function refLife(
  g: ReturnType<typeof portGroups>[number],
  lives?: ReadonlyMap<PortId, PortLife>,
): PortLife {
  return (
    lives?.get(g.ref.portId) ?? {
      portId: g.ref.portId,
      start: Math.min(...g.spans.map((s) => s.start)) as PortLife['start'],
      end: Math.max(...g.spans.map((s) => Math.max(s.start, s.end))) as PortLife['end'],
      basis: 'events',
    }
  )
}

/** Per port per UTC year: the time something was docked there ÷ the time the port existed. */
export function refPortUtilisation(
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
  lives?: ReadonlyMap<PortId, PortLife>,
) {
  const rows = []
  for (const g of portGroups(events, endOf)) {
    const life = refLife(g, lives)
    for (let y = refYear(life.start); life.end > Date.UTC(y, 0, 1); y++) {
      const from = Math.max(life.start, Date.UTC(y, 0, 1))
      const to = Math.min(life.end, Date.UTC(y + 1, 0, 1))
      const occupiedMs = to > from ? coveredIn(g.spans, from, to) : 0
      const existedMs = to - from
      const share = existedMs > 0 ? occupiedMs / existedMs : 0
      rows.push({ ...g.ref, year: y, occupiedMs, existedMs, share, basis: life.basis })
    }
  }
  return rows.sort((a, b) => a.stationId - b.stationId || a.year - b.year || a.portId - b.portId)
}

/** Per port over its whole life, busiest by time docked first. */
export function refPortTotals(
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
  lives?: ReadonlyMap<PortId, PortLife>,
) {
  return portGroups(events, endOf)
    .map((g) => {
      const life = refLife(g, lives)
      const occupiedMs = life.end > life.start ? coveredIn(g.spans, life.start, life.end) : 0
      const existedMs = Math.max(0, life.end - life.start)
      const share = existedMs > 0 ? occupiedMs / existedMs : 0
      return { ...g.ref, occupiedMs, existedMs, share, dockings: g.spans.length, basis: life.basis }
    })
    .sort((a, b) => b.occupiedMs - a.occupiedMs || b.dockings - a.dockings || a.portId - b.portId)
}

/** Visits: a vehicle's legs at one station, each docking within a day of the last one's departure. */
export function refVisits(events: ReadonlyArray<Ev>) {
  const sorted = events
    .filter((e) => e.stationId !== null)
    .sort((a, b) => a.docking - b.docking || a.id - b.id)
  const current = new Map<string, Ev[]>()
  const visits: Ev[][] = []
  for (const e of sorted) {
    const key = `${e.stationId} ${vehicleKey(e.vehicle)}`
    const legs = current.get(key)
    const last = legs?.[legs.length - 1]
    const gap = last?.departure == null ? null : e.docking - last.departure
    if (legs && gap !== null && gap >= 0 && gap <= VISIT_LINK_GAP_MS) legs.push(e)
    else {
      const fresh = [e]
      visits.push(fresh)
      current.set(key, fresh)
    }
  }
  return visits.sort((a, b) => a[0]!.docking - b[0]!.docking || a[0]!.id - b[0]!.id)
}

/** Stays by visit or by docking, in arrival order. */
export function refStays(events: ReadonlyArray<Ev>, unit: 'visit' | 'docking') {
  const groups =
    unit === 'visit'
      ? refVisits(events)
      : events
          .filter((e) => e.stationId !== null)
          .sort((a, b) => a.docking - b.docking || a.id - b.id)
          .map((e) => [e])
  return groups.map((legs) => {
    const first = legs[0]!
    const departure = legs[legs.length - 1]!.departure
    return {
      unit,
      id: first.id,
      vehicle: first.vehicle,
      stationId: first.stationId!,
      stationName: first.stationName,
      family: first.family,
      role: first.role,
      arrival: first.docking,
      departure,
      lengthMs: departure === null ? null : departure - first.docking,
      legs: legs.length,
    }
  })
}

type RefStay = ReturnType<typeof refStays>[number]

function refQuantile(sorted: ReadonlyArray<number>, q: number) {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/** Longest, shortest, quartiles of the closed stays of non-negative length. */
export function refSummary(stays: ReadonlyArray<RefStay>) {
  const closed = stays
    .filter((s) => s.lengthMs !== null && s.lengthMs >= 0)
    .sort((a, b) => a.lengthMs! - b.lengthMs! || a.arrival - b.arrival)
  const lengths = closed.map((s) => s.lengthMs!)
  return {
    count: stays.length,
    openCount: stays.filter((s) => s.lengthMs === null).length,
    longest: closed[closed.length - 1] ?? null,
    shortest: closed[0] ?? null,
    medianMs: refQuantile(lengths, 0.5),
    q1Ms: refQuantile(lengths, 0.25),
    q3Ms: refQuantile(lengths, 0.75),
  }
}

/** Summaries per family, role, station or decade, by key. */
export function refStaysBy(
  stays: ReadonlyArray<RefStay>,
  by: 'family' | 'decade' | 'role' | 'station',
) {
  const keyOf = (s: RefStay) =>
    by === 'decade'
      ? `${Math.floor(refYear(s.arrival) / 10) * 10}s`
      : by === 'station'
        ? (s.stationName ?? `Station ${s.stationId}`)
        : s[by]
  const keys = [...new Set(stays.map(keyOf))].sort((a, b) => a.localeCompare(b))
  return keys.map((key) => ({ key, summary: refSummary(stays.filter((s) => keyOf(s) === key)) }))
}

/** Each vehicle's summed legs at each station, longest first. */
export function refVehicleTotals(events: ReadonlyArray<Ev>, endOf: EndRule) {
  const totals = new Map<
    string,
    {
      vehicle: string
      stationId: StationId
      stationName: string | null
      legs: number
      visits: number
      totalMs: number
      hasOpenLeg: boolean
    }
  >()
  for (const legs of refVisits(events)) {
    const first = legs[0]!
    const key = `${first.stationId} ${vehicleKey(first.vehicle)}`
    const t = totals.get(key) ?? {
      vehicle: first.vehicle,
      stationId: first.stationId!,
      stationName: first.stationName,
      legs: 0,
      visits: 0,
      totalMs: 0,
      hasOpenLeg: false,
    }
    t.legs += legs.length
    t.visits += 1
    t.totalMs += legs.reduce((n, e) => n + Math.max(0, endOf(e) - e.docking), 0)
    t.hasOpenLeg ||= legs.some((e) => e.departure === null)
    totals.set(key, t)
  }
  return [...totals.values()].sort(
    (a, b) => b.totalMs - a.totalMs || a.vehicle.localeCompare(b.vehicle),
  )
}

/** Visits arriving per station, UTC year and family or role. */
export function refArrivals(events: ReadonlyArray<Ev>, by: 'family' | 'role') {
  const counts = new Map<
    string,
    {
      stationId: StationId
      stationName: string | null
      year: number
      key: string
      arrivals: number
    }
  >()
  for (const s of refStays(events, 'visit')) {
    const year = refYear(s.arrival)
    const id = `${s.stationId} ${year} ${s[by]}`
    const c = counts.get(id) ?? {
      stationId: s.stationId,
      stationName: s.stationName,
      year,
      key: s[by],
      arrivals: 0,
    }
    c.arrivals++
    counts.set(id, c)
  }
  return [...counts.values()].sort(
    (a, b) => a.stationId - b.stationId || a.year - b.year || a.key.localeCompare(b.key),
  )
}

/**
 * Crewed periods and gaps, instant by instant: inside the expeditions'
 * coverage an instant is crewed when an expedition spans it, outside when a
 * crew vehicle is docked; runs of the same state and basis join.
 */
export function refCrewed(
  stationId: StationId,
  expeditions: ReadonlyArray<Expedition>,
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
  from: number,
  to: number,
) {
  const exp = expeditions
    .filter((x) => x.stationId === stationId && (x.end ?? to) > x.start)
    .map((x) => ({ start: x.start as number, end: (x.end ?? to) as number, name: x.name }))
  const coverage =
    exp.length === 0
      ? null
      : { start: Math.min(...exp.map((s) => s.start)), end: Math.max(...exp.map((s) => s.end)) }
  const crew = events
    .filter((e) => e.stationId === stationId && e.role === 'crew')
    .map((e) => ({ start: e.docking as number, end: endOf(e) as number, name: e.vehicle }))
  const cuts = sortedUnique([
    from,
    to,
    ...[...exp, ...crew, ...(coverage ? [coverage] : [])]
      .flatMap((s) => [s.start, s.end])
      .filter((t) => t > from && t < to),
  ])
  type Run = { start: number; end: number; crewed: boolean; basis: string }
  const runs: Run[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [p, q] = [cuts[i]!, cuts[i + 1]!]
    const inside = coverage !== null && p >= coverage.start && q <= coverage.end
    const basis = inside ? 'expeditions' : 'crew-vehicle-proxy'
    const crewed = (inside ? exp : crew).some((s) => s.start <= p && q <= s.end)
    const last = runs[runs.length - 1]
    if (last && last.crewed === crewed && last.basis === basis && last.end === p) last.end = q
    else runs.push({ start: p, end: q, crewed, basis })
  }
  const namesIn = (r: Run) => {
    const spans = (r.basis === 'expeditions' ? exp : crew).filter(
      (s) => Math.max(s.start, r.start) < Math.min(s.end, r.end),
    )
    const byStart = spans
      .map((s) => ({ name: s.name, at: Math.max(s.start, r.start) }))
      .sort((a, b) => a.at - b.at)
    return [...new Set(byStart.map((s) => s.name))]
  }
  const timed = (r: Run) => ({
    start: r.start,
    end: r.end,
    lengthMs: r.end - r.start,
    basis: r.basis,
  })
  return {
    stationId,
    window: { start: from, end: to },
    expeditionCoverage: coverage,
    periods: runs.filter((r) => r.crewed).map((r) => ({ ...timed(r), names: namesIn(r) })),
    gaps: runs.filter((r) => !r.crewed).map(timed),
  }
}

/** Each station's measures on days since its founding. */
export function refCompare(
  stations: ReadonlyArray<{ stationId: StationId; name: string; founded: number }>,
  events: ReadonlyArray<Ev>,
  endOf: EndRule,
) {
  return stations.map((s) => {
    const own = events.filter((e) => e.stationId === s.stationId)
    const series = refOccupancy(own, endOf, 'role', s.stationId)
    const peak = refPeak(series.steps)
    const visits = refStays(own, 'visit')
    const ageYears = visits.map((v) => Math.floor((v.arrival - s.founded) / DAY_MS / 365.25))
    return {
      stationId: s.stationId,
      name: s.name,
      founded: s.founded,
      occupancy: series.steps.map((st) => ({ day: (st.at - s.founded) / DAY_MS, total: st.total })),
      arrivalsByAgeYear: sortedUnique(ageYears).map((ageYear) => ({
        ageYear,
        arrivals: ageYears.filter((y) => y === ageYear).length,
      })),
      peak: peak.count,
      peakStart: peak.intervals[0]?.start ?? null,
      peakFirstDay: peak.intervals[0] ? (peak.intervals[0].start - s.founded) / DAY_MS : null,
      medianVisitMs: refSummary(visits).medianMs,
    }
  })
}
