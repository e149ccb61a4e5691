/**
 * The data checks: every doubt the records raise about themselves, as
 * `DataFlag`s with the events involved and a sentence.
 *
 * One pure pass over all the data (not the filtered view: a doubt does not go
 * away because a filter hides its partner). The chart's marks, the "Data
 * checks" panel, the `flagged` filter, the exports and `cli quality` all read
 * its answer.
 */
import type { DockingEvent } from '../domain/model'
import { HOUR_MS, toIsoUtc, type EventId, type UtcMillis } from '../domain/units'
import { vehicleKey } from '../domain/vehicle-name'
import { effectiveEnd, type EffectiveEnd } from '../occupancy/effective-end'
import {
  endFacts,
  type EndFacts,
  type StationLifeFacts,
  type StationLives,
} from '../occupancy/end-facts'
import { overlappingPairs } from '../occupancy/overlap-sweep'
import { FLAG_KINDS, type DataFlag, type FlagKind } from './data-flag'

/** Two dockings of one vehicle at one port this close are one docking recorded twice. */
export const DUPLICATE_WINDOW_MS = HOUR_MS

/** What the checks read of a station (its lives and current dockings, and its name). */
export interface CheckedStation extends StationLifeFacts {
  readonly name: string
}

/** What every check reads: the events, their stations and each event's effective end. */
export interface CheckInput {
  readonly events: ReadonlyArray<DockingEvent>
  readonly stations: ReadonlyMap<number, CheckedStation>
  readonly lives: StationLives
  readonly ends: ReadonlyMap<EventId, EffectiveEnd>
}

/** One check: the flags of one kind (or more) it finds. */
export type FlagCheck = (input: CheckInput) => ReadonlyArray<DataFlag>

const day = (t: number) => toIsoUtc(t).slice(0, 10)
const placeOf = (e: DockingEvent) =>
  `${e.stationName ?? 'no station'}${e.portName ? ` (${e.portName})` : ''}`
const endOf = (input: CheckInput, e: DockingEvent) => input.ends.get(e.id)!.end

function flag(kind: FlagKind, events: ReadonlyArray<DockingEvent>, message: string): DataFlag {
  return { kind, eventIds: events.map((e) => e.id), message }
}

/** Two events on one port at once: one port holds one vehicle. */
export const portOverlaps: FlagCheck = (input) =>
  overlappingPairs(
    input.events.filter((e) => e.portId !== null && e.stationId !== null),
    {
      group: (e) => e.portId,
      start: (e) => e.docking,
      end: (e) => endOf(input, e),
      id: (e) => e.id,
    },
  ).map(([a, b]) =>
    flag(
      'port-overlap',
      [a, b],
      `${a.vehicle} and ${b.vehicle} are both at ${placeOf(b)} from ${toIsoUtc(b.docking)} to ${toIsoUtc(Math.min(endOf(input, a), endOf(input, b)))}; a port holds one vehicle at a time.`,
    ),
  )

/** One vehicle docked at two ports at once (its own relocation must not overlap). */
export const vehicleTwoPlaces: FlagCheck = (input) =>
  overlappingPairs(
    input.events.filter((e) => e.stationId !== null),
    {
      group: (e) => vehicleKey(e.vehicle),
      start: (e) => e.docking,
      end: (e) => endOf(input, e),
      id: (e) => e.id,
    },
  )
    .filter(([a, b]) => a.portId !== b.portId || a.stationId !== b.stationId)
    .map(([a, b]) =>
      flag(
        'vehicle-two-places',
        [a, b],
        `${b.vehicle} is docked at ${placeOf(a)} and at ${placeOf(b)} at once, from ${toIsoUtc(b.docking)} to ${toIsoUtc(Math.min(endOf(input, a), endOf(input, b)))}.`,
      ),
    )

/** A departure recorded before its docking. */
export const departureBeforeDocking: FlagCheck = (input) =>
  input.events
    .filter((e) => e.departure !== null && e.departure < e.docking)
    .map((e) =>
      flag(
        'departure-before-docking',
        [e],
        `${e.vehicle} departs ${placeOf(e)} (${toIsoUtc(e.departure!)}) before it docks (${toIsoUtc(e.docking)}).`,
      ),
    )

/** A docking before the station's launch, or a docking or departure after its re-entry. */
export const outsideStationLife: FlagCheck = (input) => {
  const out: DataFlag[] = []
  for (const e of input.events) {
    if (e.stationId === null) continue
    const life = input.lives.get(e.stationId)
    const name = e.stationName ?? input.stations.get(e.stationId)?.name ?? 'its station'
    if (life?.founded != null && e.docking < life.founded)
      out.push(
        flag(
          'outside-station-life',
          [e],
          `${e.vehicle} docks at ${name} on ${toIsoUtc(e.docking)}, before the station was launched (${day(life.founded)}).`,
        ),
      )
    else if (life?.deorbited != null && e.docking > life.deorbited)
      out.push(
        flag(
          'outside-station-life',
          [e],
          `${e.vehicle} docks at ${name} on ${toIsoUtc(e.docking)}, after the station re-entered (${day(life.deorbited)}).`,
        ),
      )
    else if (life?.deorbited != null && e.departure !== null && e.departure > life.deorbited)
      out.push(
        flag(
          'outside-station-life',
          [e],
          `${e.vehicle} departs ${name} on ${toIsoUtc(e.departure)}, after the station re-entered (${day(life.deorbited)}); its bar ends at the re-entry.`,
        ),
      )
  }
  return out
}

/** No departure at a station that has re-entered, and no later docking at its port to end it sooner. */
export const openAfterDeorbit: FlagCheck = (input) =>
  input.events
    .filter((e) => e.departure === null && input.ends.get(e.id)?.state === 'unknown')
    .filter((e) => input.ends.get(e.id)?.next === undefined)
    .filter((e) => e.stationId !== null && input.lives.get(e.stationId)?.isDeorbited)
    .map((e) => {
      const deorbit = input.lives.get(e.stationId!)!.deorbited
      const name = e.stationName ?? 'its station'
      return flag(
        'open-after-deorbit',
        [e],
        deorbit === null
          ? `${e.vehicle} has no departure, but ${name} has re-entered (date not recorded): departure unknown.`
          : `${e.vehicle} has no departure, but ${name} re-entered on ${day(deorbit)}: departure unknown, its bar ends there.`,
      )
    })

/**
 * No departure, yet a later docking took its port: it must have left before.
 * Only the open record is in doubt, so only it is flagged.
 */
export const openPortReused: FlagCheck = (input) =>
  input.events.flatMap((e) => {
    const next = e.departure === null ? input.ends.get(e.id)?.next : undefined
    if (next === undefined) return []
    return [
      flag(
        'open-port-reused',
        [e],
        `${e.vehicle} has no departure, but ${next.vehicle} docked at ${placeOf(e)} on ${toIsoUtc(next.at)}: departure unknown, its bar ends there.`,
      ),
    ]
  })

/**
 * No departure at an active station whose record, taken after it docked (by
 * its own date, or because it lists a later docking), no longer lists it
 * among its current dockings (`EndFacts.notListed`).
 */
export const unknownDeparture: FlagCheck = (input) =>
  input.events.flatMap((e) => {
    const notListed = input.ends.get(e.id)?.notListed
    if (notListed === undefined) return []
    const station = input.stations.get(e.stationId!)?.name ?? 'its station'
    const within = notListed.within
    const why = within
      ? `${station}'s record taken ${within.to > within.from ? `on ${toIsoUtc(within.from).slice(0, 10)}` : `at ${toIsoUtc(within.from)}`} no longer lists it among its current dockings: departure unknown, its bar ends by ${toIsoUtc(within.to)}.`
      : `${station} no longer lists it among its current dockings (it lists a later one): departure unknown, its bar runs to now.`
    return [flag('unknown-departure', [e], `${e.vehicle} has no departure, yet ${why}`)]
  })

/** Same vehicle, same port, dockings within an hour: one docking recorded twice. */
export const duplicates: FlagCheck = (input) => {
  const out: DataFlag[] = []
  const groups = new Map<string, DockingEvent[]>()
  for (const e of input.events) {
    if (e.portId === null) continue
    const key = `${e.portId}\u0000${vehicleKey(e.vehicle)}`
    const list = groups.get(key)
    if (list) list.push(e)
    else groups.set(key, [e])
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.docking - b.docking || a.id - b.id)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!
        const b = list[j]!
        if (b.docking - a.docking > DUPLICATE_WINDOW_MS) break
        out.push(
          flag(
            'duplicate',
            [a, b],
            `Events ${a.id} and ${b.id} both dock ${a.vehicle} at ${placeOf(a)} within an hour (${toIsoUtc(a.docking)}, ${toIsoUtc(b.docking)}): probably one docking recorded twice.`,
          ),
        )
      }
  }
  return out
}

/** Every check, in the order of `FLAG_KINDS`. */
export const FLAG_CHECKS: ReadonlyArray<FlagCheck> = [
  portOverlaps,
  vehicleTwoPlaces,
  departureBeforeDocking,
  outsideStationLife,
  openAfterDeorbit,
  openPortReused,
  unknownDeparture,
  duplicates,
]

/** The checks' answer over one data set. */
export interface DataChecks {
  /** Every flag, by kind (in `FLAG_KINDS` order), then by first docking. */
  readonly flags: ReadonlyArray<DataFlag>
  /** The flags naming each event. */
  readonly flagsOf: ReadonlyMap<EventId, ReadonlyArray<DataFlag>>
  /** Ids of every flagged event, for the `flagged` filter and the chart's marks. */
  readonly flagged: ReadonlySet<number>
  /** Flags per kind; every kind is present, 0 when clean. */
  readonly counts: Readonly<Record<FlagKind, number>>
  /** The end facts the checks (and the bars) used (`endFacts`, of all the data). */
  readonly endFacts: EndFacts
}

/**
 * Runs every check over the events and their stations.
 *
 * `now` is where a still-docked stay ends so far, for the overlap checks.
 */
export function checkData(
  events: ReadonlyArray<DockingEvent>,
  stations: ReadonlyArray<CheckedStation>,
  now: UtcMillis,
  checks: ReadonlyArray<FlagCheck> = FLAG_CHECKS,
): DataChecks {
  const facts = endFacts(events, stations)
  const ends = new Map(events.map((e) => [e.id, effectiveEnd(e, facts, now)]))
  const input: CheckInput = {
    events,
    stations: new Map(stations.map((s) => [s.id as number, s])),
    lives: facts.lives,
    ends,
  }
  const docking = new Map(events.map((e) => [e.id as number, e.docking as number]))
  const firstDocking = (f: DataFlag) =>
    Math.min(...f.eventIds.map((id) => docking.get(id) ?? Number.POSITIVE_INFINITY))
  const rank = (k: FlagKind) => FLAG_KINDS.indexOf(k)
  const flags = checks
    .flatMap((check) => check(input))
    .sort((a, b) => rank(a.kind) - rank(b.kind) || firstDocking(a) - firstDocking(b))
  const flagsOf = flagsByEvent(flags)
  return {
    flags,
    flagsOf,
    flagged: new Set(flagsOf.keys()),
    counts: countByKind(flags),
    endFacts: facts,
  }
}

/** Flags per kind over `FLAG_KINDS`, 0 for a clean kind. */
export function countByKind(flags: ReadonlyArray<DataFlag>): Record<FlagKind, number> {
  const counts = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>
  for (const f of flags) counts[f.kind] = (counts[f.kind] ?? 0) + 1
  return counts
}

function flagsByEvent(flags: ReadonlyArray<DataFlag>): Map<EventId, DataFlag[]> {
  const out = new Map<EventId, DataFlag[]>()
  for (const f of flags)
    for (const id of f.eventIds) {
      const list = out.get(id)
      if (list) list.push(f)
      else out.set(id, [f])
    }
  return out
}

/** A flag's stable key, for lists and selection: its kind and events. */
export const flagKey = (f: DataFlag): string => `${f.kind}:${f.eventIds.join('-')}`
